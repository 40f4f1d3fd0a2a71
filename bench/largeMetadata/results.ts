/** The large-metadata case's figures: what the provider process reports, and what the bench adds around it. */

/** What the provider process (workload.ts) is told to do. */
export interface WorkloadSpec {
  readonly endpoint: string;
  readonly adminSecret: string;
  readonly scenario: "single" | "burst";
  /** One relationship on each of these tables. */
  readonly tables: readonly string[];
  /** Calls at once, as the engine's parallelism makes them. */
  readonly inFlight: number;
}

/** One step of a scenario: every call of one method. */
export interface WorkloadStep {
  /** `check`, `create`, `read` or `delete`. */
  readonly name: string;
  readonly seconds: number;
  /** The provider process's CPU time (user and system, every thread) during the step. */
  readonly cpuSeconds: number;
}

/** What the provider process reports. */
export interface WorkloadResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** RSS after the provider was loaded and configured, before its first call. */
  readonly baselineRssBytes: number;
  /** The process's peak RSS (getrusage's maxrss). */
  readonly peakRssBytes: number;
  readonly steps: readonly WorkloadStep[];
}

/** One scenario at one document size. */
export interface LargeMetadataRun {
  readonly tables: number;
  /** Bytes of the seeded document, as export_metadata gives it. */
  readonly documentBytes: number;
  readonly scenario: "single" | "burst";
  /** Relationships created and deleted. */
  readonly relationships: number;
  readonly inFlight: number;
  /**
   * The scenario's figures over its runs (`--repeat`): the median of each step's seconds and CPU and
   * of the totals, and the highest peak RSS over its baseline (./repeats.ts).
   */
  readonly result: WorkloadResult;
  /** Every run's own figures, in order. */
  readonly repeats?: readonly WorkloadResult[];
  /** What the server saw during the scenario's last run. */
  readonly requests: Readonly<Record<string, number>>;
  readonly writes: number;
}

/** Every scenario run. */
export interface LargeMetadataResults {
  readonly runs: readonly LargeMetadataRun[];
}
