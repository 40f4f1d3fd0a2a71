/**
 * Reads conformance case files (`cases/*.yaml`) and finds the environment that goes with them:
 * `environment.yaml` in the directory, or else in its parent.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { isJsonObject, type JsonObject, type JsonValue } from '../../model';
import type { MatchRule } from './match';

/** How a case's request authenticates. */
export type CaseAuth = 'admin' | 'none' | 'wrong';

/** One request a case sends. */
export interface CaseRequest {
  endpoint: string;
  auth: CaseAuth;
  headers: Record<string, string>;
  body: JsonValue;
}

/** A parsed case file. */
export interface ConformanceCase {
  file: string;
  id: string;
  setup: CaseRequest[];
  request: CaseRequest;
  expect: { status: number; match: MatchRule; body: JsonValue };
}

function fail(file: string, message: string): never {
  throw new Error(`Case file ${file}: ${message}`);
}

function request(file: string, value: JsonValue | undefined): CaseRequest {
  if (!isJsonObject(value) || typeof value.endpoint !== 'string') fail(file, 'a request needs an endpoint.');
  const auth = value.auth ?? 'admin';
  if (auth !== 'admin' && auth !== 'none' && auth !== 'wrong') fail(file, `unknown auth "${String(auth)}".`);
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(isJsonObject(value.headers) ? value.headers : {})) headers[name] = String(header);
  return { endpoint: value.endpoint, auth, headers, body: value.body ?? null };
}

function expectation(file: string, value: JsonValue | undefined): ConformanceCase['expect'] {
  if (!isJsonObject(value) || typeof value.status !== 'number') fail(file, 'expect needs a status.');
  const match = value.match;
  if (match !== 'exact' && match !== 'subset' && match !== 'error-prefix') fail(file, `unknown match rule "${String(match)}".`);
  return { status: value.status, match, body: value.body ?? null };
}

/** Parses one case file. */
export async function loadCase(file: string): Promise<ConformanceCase> {
  const document = load(await readFile(file, 'utf8')) as JsonValue;
  if (!isJsonObject(document)) fail(file, 'expected a YAML mapping.');
  const setup = Array.isArray(document.setup) ? document.setup.map((step) => request(file, step)) : [];
  const id = typeof document.id === 'string' ? document.id : basename(file);
  return { file, id, setup, request: request(file, document.request), expect: expectation(file, document.expect) };
}

/** The case files of `directory`, sorted by name. */
export async function caseFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names.filter((name) => /\.ya?ml$/.test(name) && name !== 'environment.yaml').sort().map((name) => join(directory, name));
}

/** The environment file for the cases in `directory`. */
export async function findEnvironment(directory: string): Promise<string> {
  for (const candidate of [join(directory, 'environment.yaml'), join(dirname(directory), 'environment.yaml')]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Not here; try the parent.
    }
  }
  throw new Error(`No environment.yaml in ${directory} or its parent.`);
}

/** Headers for a request with the given auth mode against an environment whose secret is `secret`. */
export function authHeaders(auth: CaseAuth, secret: string | undefined): JsonObject {
  if (auth === 'none' || secret === undefined) return {};
  return { 'X-Hasura-Admin-Secret': auth === 'admin' ? secret : `${secret}-wrong` };
}
