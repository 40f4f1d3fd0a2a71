/** The bench's figures, as written to the results JSON: what one run measured, case by case. */

/** The engine operations measured, in the order they run. */
export const operations = ["preview", "up", "noChangeUp", "refresh", "destroy"] as const;
export type Operation = (typeof operations)[number];

/** What one operation cost: its wall time, and what Hasura (the local server) saw during it. */
export interface OperationFigures {
  readonly seconds: number;
  /** Requests received, keyed by the server's `"<endpoint> <type>"`, e.g. `"/v1/metadata export_metadata"`. */
  readonly requests: Readonly<Record<string, number>>;
  readonly totalRequests: number;
  /** Committed metadata writes. */
  readonly writes: number;
  /** Schema-cache rebuilds, and the time the server slept for them. */
  readonly rebuilds: number;
  readonly rebuildMs: number;
  /** The most requests ever queued on the server's metadata lock at once. */
  readonly lockMaxQueued: number;
  /** The relationship stacks' metadata writes, as the write probe saw them (bench/writeProbe.ts). */
  readonly writeLog?: readonly WriteRecord[];
}

/** One metadata write: when it arrived (ms since the operation started), its type, how many relationships it changed, how long the server took. */
export interface WriteRecord {
  readonly atMs: number;
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

/** One stack's run through the operations: the relationships ("ours") or the no-op resources. */
export interface EngineRun {
  /** Per operation, the repetition with the median time (bench/median.ts). */
  readonly operations: Readonly<Record<Operation, OperationFigures>>;
  readonly state: StateFigures;
  /** Every repetition's seconds, per operation, in the order they ran. */
  readonly samples?: Readonly<Record<Operation, readonly number[]>>;
}

/** Whole-document calls sent straight to the server: what Hasura itself needs for the same change. */
export interface DirectFigures {
  /** One `export_metadata` (version 2) of the end state. */
  readonly exportMetadata: OperationFigures;
  /** One `replace_metadata` from the start state to the end state of the up (N relationships). */
  readonly replaceToEnd: OperationFigures;
  /** One `replace_metadata` back to the start state: what a destroy needs. */
  readonly replaceToStart: OperationFigures;
  /** Bytes of the end state's metadata document. */
  readonly documentBytes: number;
}

/** One N at one rebuild cost. */
export interface CaseResult {
  readonly n: number;
  readonly rebuildMs: number;
  readonly ours: EngineRun;
  readonly noop: EngineRun;
  readonly direct: DirectFigures;
  /** Seconds of the floor per operation: the no-op engine run plus the whole-document calls that operation needs. */
  readonly floor: Readonly<Record<Operation, number>>;
  /** ours / floor, per operation. */
  readonly ratio: Readonly<Record<Operation, number>>;
  /** The machine's 1-minute load average when the case started and ended: other work on it shows here. */
  readonly loadAverage: readonly [number, number];
}

/** One target of issue 8, checked against one case. */
export interface TargetCheck {
  readonly target: string;
  readonly n: number;
  readonly rebuildMs: number;
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
  readonly parallel: number;
  /** How many times each case ran; the figures are the median repetition's. */
  readonly repeat: number;
  readonly sizes: readonly number[];
  readonly rebuildMs: readonly number[];
  readonly extraFreeSizes: readonly number[];
  readonly providerConfig: Readonly<Record<string, string>>;
  readonly commands: Readonly<Record<Operation, string>>;
}

/** The whole JSON file. */
export interface BenchResults {
  readonly environment: Environment;
  readonly settings: RunSettings;
  readonly cases: readonly CaseResult[];
  readonly targets: readonly TargetCheck[];
  readonly seconds: number;
}
