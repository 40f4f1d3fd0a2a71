/**
 * One case of the bench: N resources at one Hasura cost, at every engine parallelism, run `repeat`
 * times. Each repetition runs, at each parallelism in turn, the no-op resources (the engine's own
 * cost), the oracle (the least any batching provider can take), the relationships, and then what
 * Hasura itself needs, sent straight to it; the relationships' run is checked after every operation,
 * so that no figure comes from a run that did not do what it should. The median repetition of each
 * operation is reported, per parallelism.
 */
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../model";
import type { RunningHasuraServer } from "../server";
import { relationshipsOn } from "../test/support/localHasura";
import { exportDocument, measureDirect, type RunDocuments } from "./direct";
import { runStack, type StackKind, type StackRun, type StackRunSpec } from "./engineRun";
import { round } from "./measure";
import { medianDirect, medianRun } from "./median";
import { planCosts } from "./oracle";
import { parallelLabel } from "./parallelism";
import { declared, type Phase } from "./phases";
import type { BenchProject } from "./project";
import { batchText } from "./report/batches";
import {
  operations,
  perOperation,
  writingOperations,
  type CaseResult,
  type CostProfile,
  type Operation,
  type OperationFigures,
  type ParallelMode,
} from "./results";
import { startWriteProbe, type WriteProbe } from "./writeProbe";

/** What one case needs. */
export interface CaseSpec {
  readonly bench: BenchProject;
  readonly server: RunningHasuraServer;
  readonly adminSecret: string;
  readonly n: number;
  readonly profile: CostProfile;
  /** The parallelism modes, each run on the same stacks. */
  readonly modes: readonly ParallelMode[];
  readonly repeat: number;
  readonly providerConfig: Readonly<Record<string, string>>;
  /** A progress line. */
  readonly log: (line: string) => void;
}

/** The table the program's relationships are on. */
const users = { schema: "public", name: "users" };

/** Runs the case at every parallelism, the modes in turn within each repetition, and works out each one's floor and ratios. */
export async function runCase(spec: CaseSpec): Promise<CaseResult[]> {
  const loadBefore = os.loadavg()[0];
  const start = await exportDocument(spec.server, spec.adminSecret);
  const sources = Array.isArray(start.sources) ? start.sources.length : 0;
  if (sources !== spec.profile.sources) throw new Error(`The server has ${sources} sources, not the ${spec.profile.sources} of ${spec.profile.name}.`);
  const suffix = `${spec.n}-${spec.profile.rebuildMs}-${spec.profile.catalogIntrospectionMs}`;
  const stacks: CaseStacks = { stackOf: (kind) => `${kind === "relationships" ? "rel" : kind}-${suffix}`, probe: await startWriteProbe(spec.server), start };
  const runs = spec.modes.map((): ModeRuns => ({ noop: [], oracle: [], relationships: [], direct: [] }));
  try {
    await spec.bench.createStack(stacks.stackOf("noop"), { "bench:kind": "noop" });
    await spec.bench.createStack(stacks.stackOf("oracle"), { "bench:kind": "oracle" });
    const relationshipConfig = { "bench:kind": "relationships", "hasura:endpoint": stacks.probe.url, ...spec.providerConfig };
    await spec.bench.createStack(stacks.stackOf("relationships"), relationshipConfig, { "hasura:adminSecret": spec.adminSecret });
    for (let repetition = 1; repetition <= spec.repeat; repetition++) {
      for (const [index, parallel] of spec.modes.entries()) {
        const label = `N=${spec.n}, ${spec.profile.name}, ${parallelLabel(parallel)}${spec.repeat > 1 ? `, run ${repetition}/${spec.repeat}` : ""}`;
        await runRepetition(spec, stacks, parallel, label, runs[index]);
      }
    }
  } finally {
    await stacks.probe.stop();
  }
  const loadAverage: [number, number] = [round(loadBefore, 2), round(os.loadavg()[0], 2)];
  return spec.modes.map((parallel, index) => summarize(spec, parallel, runs[index], loadAverage));
}

/** What a case's repetitions share: its stacks' names, the pass-through the relationships reach the server by, the start document. */
interface CaseStacks {
  readonly stackOf: (kind: StackKind) => string;
  readonly probe: WriteProbe;
  readonly start: JsonObject;
}

/** One repetition at one parallelism: the no-op resources, the oracle, the relationships (checked), the direct calls. */
async function runRepetition(spec: CaseSpec, stacks: CaseStacks, parallel: ParallelMode, label: string, into: ModeRuns): Promise<void> {
  const stackSpec = (kind: StackKind, stackOperations: readonly Operation[]): StackRunSpec => ({
    bench: spec.bench,
    server: spec.server,
    stack: stacks.stackOf(kind),
    kind,
    n: spec.n,
    operations: stackOperations,
    parallel,
    profile: spec.profile,
    progress: (operation, figures) => spec.log(progressLine(`${label}, ${kind}`, operation, figures)),
  });
  into.noop.push(await runStack(stackSpec("noop", operations)));
  into.oracle.push(await runStack(stackSpec("oracle", writingOperations)));
  const documents: Partial<Record<Phase, JsonObject>> = { empty: stacks.start };
  const check = async (operation: Operation, phase: Phase) => {
    documents[phase] = await checkHeld(spec, stacks.start, operation, phase);
  };
  into.relationships.push(await runStack({ ...stackSpec("relationships", operations), probe: stacks.probe, check }));
  const direct = await measureDirect(spec.server, spec.adminSecret, runDocuments(documents));
  checkCostModel(spec.profile, direct);
  into.direct.push(direct);
}

/** The direct calls of one repetition. */
type DirectRun = Partial<Record<Operation, OperationFigures>>;

/** Every repetition's runs at one parallelism. */
interface ModeRuns extends Record<StackKind, StackRun[]> {
  readonly direct: DirectRun[];
}

/** Checks that Hasura holds exactly what the program declares in `phase` (after a destroy: the start document); answers the document. */
async function checkHeld(spec: CaseSpec, start: JsonObject, operation: Operation, phase: Phase): Promise<JsonObject> {
  const document = await exportDocument(spec.server, spec.adminSecret);
  if (phase === "empty") {
    if (!isDeepStrictEqual(document, start)) throw new Error(`After the ${operation}, Hasura's metadata is not what it was before the up.`);
    return document;
  }
  const held = relationshipsOn(spec.server, users);
  const expected = Object.fromEntries(
    declared(spec.n, phase).map((entry) => [
      entry.name,
      { to_remote_schema: { remote_schema: entry.remoteSchema, lhs_fields: entry.hasuraFields, remote_field: entry.remoteField } },
    ]),
  );
  if (!isDeepStrictEqual(held, expected)) {
    const wrong = Object.keys({ ...held, ...expected }).filter((name) => !isDeepStrictEqual(held[name], expected[name]));
    throw new Error(
      `After the ${operation} (N=${spec.n}), Hasura holds ${wrong.length} relationships on users other than declared: ${wrong.slice(0, 5).join(", ")}.`,
    );
  }
  return document;
}

/**
 * The direct calls must have cost what the oracle's plans assume: a server that modelled Hasura's costs
 * otherwise would make every figure of the case wrong.
 */
function checkCostModel(profile: CostProfile, direct: DirectRun): void {
  const { singleMs, replaceMs } = planCosts(profile);
  for (const [call, figures, modelledMs] of [
    ["replace_metadata", direct.up, replaceMs],
    ["pg_update_remote_relationship", direct.oneChangeUp, singleMs],
  ] as const) {
    if (figures !== undefined && figures.costMs !== modelledMs)
      throw new Error(
        `A ${call} cost ${figures.costMs} ms on the local server's model, not the ${modelledMs} ms the oracle's plans assume at ${profile.name}.`,
      );
  }
}

function runDocuments(documents: Partial<Record<Phase, JsonObject>>): RunDocuments {
  const { empty, created, oneChanged, mixed } = documents;
  if (empty === undefined || created === undefined || oneChanged === undefined || mixed === undefined)
    throw new Error("The relationships' run did not pass through every state the direct calls need.");
  return { start: empty, created, oneChanged, mixed };
}

function summarize(spec: CaseSpec, parallel: ParallelMode, runs: ModeRuns, loadAverage: [number, number]): CaseResult {
  const [ours, noop, oracle] = [medianRun(runs.relationships), medianRun(runs.noop), medianRun(runs.oracle)];
  const direct = medianDirect(runs.direct);
  const seconds = (run: typeof ours, operation: Operation) => run.operations[operation]?.seconds ?? Number.NaN;
  const floor = perOperation(operations, (operation) => round(seconds(noop, operation) + (direct[operation]?.seconds ?? 0), 3));
  const ratio = perOperation(operations, (operation) => round(seconds(ours, operation) / floor[operation], 2));
  const oracleRatio = perOperation(writingOperations, (operation) => ({
    ours: round(seconds(ours, operation) / seconds(oracle, operation), 2),
    oracleToFloor: round(seconds(oracle, operation) / floor[operation], 2),
  }));
  return { n: spec.n, profile: spec.profile, parallel, ours, noop, oracle, direct, floor, ratio, oracleRatio, loadAverage };
}

function progressLine(label: string, operation: Operation, figures: OperationFigures): string {
  const batches = batchText(figures.writeLog);
  const parts = [
    `${label}: ${operation} ${figures.seconds.toFixed(1)} s`,
    `${figures.totalRequests} requests`,
    `${figures.writes} writes`,
    `${figures.rebuilds} rebuilds`,
    batches === undefined ? undefined : `changes per write: ${batches}`,
  ];
  return parts.filter((part) => part !== undefined).join(", ");
}
