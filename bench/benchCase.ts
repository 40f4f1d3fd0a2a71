/**
 * One case of the bench: N resources at one schema-rebuild cost, run `repeat` times. Each repetition
 * runs the floor first (the same engine on N no-op dynamic resources), then the relationships, then
 * the whole-document calls sent straight to the server; each is checked to have done what it should,
 * so that no figure comes from a failed run. The median repetition of each operation is reported.
 */
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../model";
import type { RunningHasuraServer } from "../server";
import { relationshipsOn } from "../test/support/localHasura";
import { exportDocument, measureDirect } from "./direct";
import { runEngine } from "./engineRun";
import { round } from "./measure";
import { medianDirect, medianRun } from "./median";
import type { BenchProject } from "./project";
import { batchText } from "./report/batches";
import { operations, type CaseResult, type DirectFigures, type EngineRun, type Operation, type OperationFigures } from "./results";
import { startWriteProbe } from "./writeProbe";

/** What one case needs. */
export interface CaseSpec {
  readonly bench: BenchProject;
  readonly server: RunningHasuraServer;
  readonly adminSecret: string;
  readonly n: number;
  readonly rebuildMs: number;
  readonly parallel: number;
  readonly repeat: number;
  readonly providerConfig: Readonly<Record<string, string>>;
  /** A progress line. */
  readonly log: (line: string) => void;
}

/** The table the program's relationships are on. */
const users = { schema: "public", name: "users" };

/** Runs the case and works out its floor and ratios. */
export async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const { bench, server, n, rebuildMs } = spec;
  const loadBefore = os.loadavg()[0];
  const start = await exportDocument(server, spec.adminSecret);
  const noopStack = `noop-${n}-${rebuildMs}`;
  await bench.createStack(noopStack, { "bench:kind": "noop", "bench:count": String(n) });
  const stack = `rel-${n}-${rebuildMs}`;
  const probe = await startWriteProbe(server);
  const config = { "bench:kind": "relationships", "bench:count": String(n), "hasura:endpoint": probe.url, ...spec.providerConfig };
  await bench.createStack(stack, config, { "hasura:adminSecret": spec.adminSecret });

  const noopRuns: EngineRun[] = [];
  const ourRuns: EngineRun[] = [];
  const directRuns: DirectFigures[] = [];
  try {
    for (let repetition = 1; repetition <= spec.repeat; repetition++) {
      const label = `N=${n}, rebuild ${rebuildMs} ms${spec.repeat > 1 ? `, run ${repetition}/${spec.repeat}` : ""}`;
      const progress = (kind: string) => (operation: Operation, figures: OperationFigures) => spec.log(progressLine(`${label}, ${kind}`, operation, figures));
      const parallel = spec.parallel;
      noopRuns.push(await runEngine({ bench, server, stack: noopStack, resourceType: ":dynamic:Resource", parallel, progress: progress("no-op") }));
      let end = start;
      const hooks = {
        afterUp: async () => {
          end = await checkUp(spec);
        },
        afterDestroy: async () => checkDestroy(spec, start),
      };
      ourRuns.push(
        await runEngine({ probe, bench, server, stack, resourceType: "hasura:RemoteRelationship", parallel, progress: progress("relationships"), hooks }),
      );
      const direct = await measureDirect(server, spec.adminSecret, start, end);
      spec.log(`${label}, direct: replace_metadata ${direct.replaceToEnd.seconds.toFixed(3)} s (${direct.replaceToEnd.rebuilds} rebuild)`);
      directRuns.push(direct);
    }
  } finally {
    await probe.stop();
  }
  return summarize(spec, medianRun(ourRuns), medianRun(noopRuns), medianDirect(directRuns), [round(loadBefore, 2), round(os.loadavg()[0], 2)]);
}

/** Checks that Hasura holds the N relationships after the up, and answers the end state. */
async function checkUp(spec: CaseSpec): Promise<JsonObject> {
  const held = Object.keys(relationshipsOn(spec.server, users)).length;
  if (held !== spec.n) throw new Error(`After the up, Hasura holds ${held} relationships on users, not ${spec.n}.`);
  return exportDocument(spec.server, spec.adminSecret);
}

async function checkDestroy(spec: CaseSpec, start: JsonObject): Promise<void> {
  if (!isDeepStrictEqual(await exportDocument(spec.server, spec.adminSecret), start)) {
    throw new Error("After the destroy, Hasura's metadata is not what it was before the up.");
  }
}

function summarize(spec: CaseSpec, ours: EngineRun, noop: EngineRun, direct: DirectFigures, loadAverage: [number, number]): CaseResult {
  const floor = floorOf(noop, direct);
  const ratio = Object.fromEntries(operations.map((operation) => [operation, round(ours.operations[operation].seconds / floor[operation], 2)]));
  return { n: spec.n, rebuildMs: spec.rebuildMs, ours, noop, direct, floor, ratio: ratio as Record<Operation, number>, loadAverage };
}

function progressLine(label: string, operation: Operation, figures: OperationFigures): string {
  const parts = [
    `${label}: ${operation} ${figures.seconds.toFixed(1)} s`,
    `${figures.totalRequests} requests`,
    `${figures.rebuilds} rebuilds`,
    relationshipsPerWrite(figures),
  ];
  return parts.filter((part) => part !== undefined).join(", ");
}

function relationshipsPerWrite(figures: OperationFigures): string | undefined {
  const text = batchText(figures.writeLog);
  return text === undefined ? undefined : `relationships per write: ${text}`;
}

/** The floor of each operation: the no-op engine run, plus what Hasura itself needs for the same change. */
function floorOf(noop: EngineRun, direct: DirectFigures): Record<Operation, number> {
  const seconds = (operation: Operation) => noop.operations[operation].seconds;
  return {
    preview: seconds("preview"),
    up: round(seconds("up") + direct.replaceToEnd.seconds, 3),
    noChangeUp: seconds("noChangeUp"),
    refresh: round(seconds("refresh") + direct.exportMetadata.seconds, 3),
    destroy: round(seconds("destroy") + direct.replaceToStart.seconds, 3),
  };
}
