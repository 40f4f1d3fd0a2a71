/**
 * Runs conformance cases against the local server: a fresh server per case with the case
 * directory's environment, then the case's setup requests (each must answer 200), then its
 * request, compared by the case's match rule.
 */
import { loadEnvironment } from '../../server/boot/environment';
import type { JsonValue } from '../../model';
import { startHasuraServer } from '../../server';
import { authHeaders, caseFiles, findEnvironment, loadCase, type CaseRequest, type ConformanceCase } from './caseFile';
import { compareAnswer } from './match';

/** The outcome of one case. */
export interface CaseResult {
  id: string;
  file: string;
  passed: boolean;
  /** Why it failed, with the actual answer; empty when it passed. */
  detail: string;
}

async function send(baseUrl: string, step: CaseRequest, secret: string | undefined): Promise<{ status: number; body: JsonValue }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...step.headers };
  for (const [name, value] of Object.entries(authHeaders(step.auth, secret))) headers[name] = String(value);
  const response = await fetch(`${baseUrl}${step.endpoint}`, { method: 'POST', headers, body: JSON.stringify(step.body) });
  const text = await response.text();
  let body: JsonValue;
  try {
    body = JSON.parse(text) as JsonValue;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** Runs one case against a fresh server for `environmentFile`. */
export async function runCase(testCase: ConformanceCase, environmentFile: string): Promise<CaseResult> {
  const secret = (await loadEnvironment(environmentFile)).adminSecret;
  const server = await startHasuraServer({ environment: environmentFile });
  const result = (passed: boolean, detail: string): CaseResult => ({ id: testCase.id, file: testCase.file, passed, detail });
  try {
    for (const [index, step] of testCase.setup.entries()) {
      const answer = await send(server.url, { ...step, auth: 'admin' }, secret);
      if (answer.status !== 200) return result(false, `setup step ${index} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    const actual = await send(server.url, testCase.request, secret);
    const mismatch = compareAnswer(testCase.expect.match, testCase.expect, actual);
    return mismatch === undefined ? result(true, '') : result(false, `${mismatch}; got ${JSON.stringify(actual.body)}`);
  } finally {
    await server.stop();
  }
}

/** Runs every case of `directory`, reporting each result to `report` as it completes. */
export async function runConformance(directory: string, report: (result: CaseResult) => void = () => undefined): Promise<CaseResult[]> {
  const environmentFile = await findEnvironment(directory);
  const results: CaseResult[] = [];
  for (const file of await caseFiles(directory)) {
    const outcome = await runCase(await loadCase(file), environmentFile);
    results.push(outcome);
    report(outcome);
  }
  return results;
}
