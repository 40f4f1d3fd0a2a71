/** Results of the bench made by hand, for the tests of its report. */
import { unboundedParallel } from "../../../bench/parallelism";
import {
  operations,
  perOperation,
  writingOperations,
  type CaseResult,
  type CostProfile,
  type OperationFigures,
  type WriteRecord,
} from "../../../bench/results";

export const large: CostProfile = { name: "large Hasura", rebuildMs: 2000, catalogIntrospectionMs: 1000, sources: 3 };
export const slow: CostProfile = { name: "200 ms rebuilds", rebuildMs: 200, catalogIntrospectionMs: 0, sources: 1 };

export function figures(seconds: number, writes: readonly WriteRecord[] = [], extra: Partial<OperationFigures> = {}): OperationFigures {
  const requests = Object.fromEntries(writes.map((write) => [`/v1/metadata ${write.type}`, writes.filter((other) => other.type === write.type).length]));
  return {
    seconds,
    requests,
    totalRequests: writes.length,
    writes: writes.length,
    rebuilds: writes.length,
    costMs: writes.reduce((sum, write) => sum + write.ms, 0),
    lockMaxQueued: 1,
    writeLog: writes,
    ...extra,
  };
}

export const write = (type: string, changes: number, ms: number): WriteRecord => ({ atMs: 0, type, changes, ms, status: 200 });

/** A case whose relationships wrote `writes` per operation, beside an oracle of `oracle`, all taking `seconds`. */
export function caseOf(
  n: number,
  profile: CostProfile,
  parallel: number,
  writes: Record<string, WriteRecord[]>,
  oracle: Record<string, WriteRecord[]>,
  seconds = 10,
): CaseResult {
  const run = (log: Record<string, WriteRecord[]>) => ({
    operations: perOperation(operations, (operation) => figures(seconds, log[operation] ?? [])),
    samples: {},
    state: {
      totalBytes: 0,
      resources: n,
      bytesPerResource: 4500,
      entryBytesPerResource: 3700,
      compactEntryBytesPerResource: 1800,
      providerBytesPerResource: 298,
    },
  });
  return {
    n,
    profile,
    parallel: parallel === unboundedParallel ? { name: "unbounded", flag: parallel, value: parallel } : { name: "default", flag: undefined, value: parallel },
    ours: run(writes),
    noop: run({}),
    oracle: run(oracle),
    direct: {},
    floor: perOperation(operations, () => seconds),
    ratio: perOperation(operations, () => 1),
    oracleRatio: perOperation(writingOperations, () => ({ ours: 1, oracleToFloor: 1 })),
    loadAverage: [0, 0],
  };
}
