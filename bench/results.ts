/** The bench's figures, as written to the results JSON: what one run measured, case by case. */
import type { LargeMetadataResults } from "./largeMetadata/results";

/** The engine operations measured, in the order they run on a stack (bench/phases.ts says what each declares). */
export const operations = ["preview", "up", "noChangeUp", "refresh", "oneChangeUp", "mixedUp", "destroy"] as const;
export type Operation = (typeof operations)[number];

/** The operations that write to Hasura, which the oracle (bench/oracle.ts) also runs. */
export const writingOperations = ["up", "oneChangeUp", "mixedUp", "destroy"] as const satisfies readonly Operation[];
export type WritingOperation = (typeof writingOperations)[number];

/** A record with one entry per operation of `keys`. */
export function perOperation<K extends Operation, V>(keys: readonly K[], value: (operation: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((operation) => [operation, value(operation)])) as Record<K, V>;
}

/**
 * What Hasura costs, as the local server models it (docs/local-hasura-server.md): a schema rebuild per
 * write, and a catalog introspection of each source the rebuild reads again: every source for a
 * replace_metadata, the one source whose metadata it changed for a single relationship command.
 */
export interface CostProfile {
  /** How the report names it: "free rebuilds", "200 ms rebuilds", "large Hasura" (report/profiles.ts describes it). */
  readonly name: string;
  readonly rebuildMs: number;
  readonly catalogIntrospectionMs: number;
  /** The server's database sources: `default`, and the others each with a tracked table, so that a replace_metadata reads more catalogs than a single command. */
  readonly sources: number;
}

/** The engine's parallelism: the CLI's default (no flag, 4 x the CPUs it may use), or `--parallel N`. */
export interface ParallelMode {
  /** "default" or "unbounded" or the number given. */
  readonly name: string;
  /** The flag passed, or undefined for none (the CLI's default). */
  readonly flag: number | undefined;
  /** The parallelism the engine runs with: the flag, or the default as the CLI computes it here. */
  readonly value: number;
}

/** What one operation cost: its wall time, and what Hasura (the local server) saw during it. */
export interface OperationFigures {
  readonly seconds: number;
  /** Requests received, keyed by the server's `"<endpoint> <type>"`, e.g. `"/v1/metadata export_metadata"`. */
  readonly requests: Readonly<Record<string, number>>;
  readonly totalRequests: number;
  /** Committed metadata writes (the oracle: its batches). */
  readonly writes: number;
  /** Schema-cache rebuilds (the oracle: those its plans would make Hasura do). */
  readonly rebuilds: number;
  /** Hasura's modelled time for the operation's requests: rebuilds plus catalog introspections (the oracle: its holds). */
  readonly costMs: number;
  /** The most requests ever queued on the server's metadata lock at once. */
  readonly lockMaxQueued: number;
  /** The metadata writes, as the write probe (bench/writeProbe.ts) or the oracle's own log saw them. */
  readonly writeLog?: readonly WriteRecord[];
}

/** One metadata write: when it arrived (ms since the operation started), its type, how many relationships it changed, how long it took. */
export interface WriteRecord {
  readonly atMs: number;
  /** The request type, such as `replace_metadata`; for the oracle, the plan it chose: `single` or `replace`. */
  readonly type: string;
  readonly changes: number;
  readonly ms: number;
  readonly status: number;
}

/** The state after the `up`, from `pulumi stack export`. */
export interface StateFigures {
  readonly totalBytes: number;
  /** Resources of the measured type (relationships, or no-op resources). */
  readonly resources: number;
  /** totalBytes / resources: the stack's fixed part (stack, default provider, secrets provider) shared among them. */
  readonly bytesPerResource: number;
  /** What each resource's own entry adds to the export: the marginal cost of one more. */
  readonly entryBytesPerResource: number;
  /** The same entry as compact JSON, as the engine writes it into the checkpoint file after every step. */
  readonly compactEntryBytesPerResource: number;
  /** The `__provider` property's bytes per resource, inputs and outputs together. */
  readonly providerBytesPerResource: number;
}

/** One stack's run through its operations: the relationships ("ours"), the no-op resources, or the oracle. */
export interface EngineRun {
  /** Per operation run, the repetition with the median time (bench/median.ts). */
  readonly operations: Readonly<Partial<Record<Operation, OperationFigures>>>;
  readonly state?: StateFigures;
  /** Every repetition's seconds, per operation, in the order they ran. */
  readonly samples: Readonly<Partial<Record<Operation, readonly number[]>>>;
}

/** One N at one Hasura cost and one parallelism. */
export interface CaseResult {
  readonly n: number;
  readonly profile: CostProfile;
  readonly parallel: ParallelMode;
  readonly ours: EngineRun;
  readonly noop: EngineRun;
  readonly oracle: EngineRun;
  /** What Hasura itself needs for each operation's change, sent straight to it (bench/direct.ts). */
  readonly direct: Readonly<Partial<Record<Operation, OperationFigures>>>;
  /** Seconds of the floor per operation: the no-op engine run plus the direct call(s) that operation needs. */
  readonly floor: Readonly<Record<Operation, number>>;
  /** ours / floor, per operation. */
  readonly ratio: Readonly<Record<Operation, number>>;
  /** ours / the oracle, and the oracle / floor, per writing operation. */
  readonly oracleRatio: Readonly<Record<WritingOperation, { readonly ours: number; readonly oracleToFloor: number }>>;
  /** The machine's 1-minute load average when the case started and ended: other work on it shows here. */
  readonly loadAverage: readonly [number, number];
}

/** One target of issue 18, checked against one measurement. */
export interface TargetCheck {
  readonly target: string;
  /** Which case or run it was checked on, in words. */
  readonly where: string;
  readonly measured: string;
  readonly limit: string;
  readonly met: boolean;
}

/** Where and how the run was made. */
export interface Environment {
  readonly startedAt: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGB: number;
  readonly platform: string;
  readonly nodeOfBench: string;
  readonly nodeOfEngine: string;
  readonly pulumiCli: string;
  readonly languageHost: string;
  readonly pulumiSdk: string;
  readonly packageVersion: string;
  readonly packedBytes: number;
  /** The commit the package was packed from, and the package's files that had uncommitted changes then. */
  readonly commit: string;
  readonly uncommitted: readonly string[];
}

/** How the run was asked for. */
export interface RunSettings {
  readonly parallel: readonly ParallelMode[];
  /** How many times each case ran; the figures are the median repetition's. */
  readonly repeat: number;
  /** The engine cases run, as (N, cost profile) pairs. */
  readonly cases: readonly { readonly n: number; readonly profile: CostProfile }[];
  readonly providerConfig: Readonly<Record<string, string>>;
  /** Each operation's CLI arguments (without `--stack` and the parallelism flag). */
  readonly commands: Readonly<Record<Operation, string>>;
}

/** The whole JSON file. */
export interface BenchResults {
  readonly environment: Environment;
  readonly settings: RunSettings;
  readonly cases: readonly CaseResult[];
  readonly largeMetadata?: LargeMetadataResults;
  readonly targets: readonly TargetCheck[];
  readonly seconds: number;
}
