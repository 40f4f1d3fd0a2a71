/** Measuring one step: its wall time, and the local server's counters over it. */
import type { RunningHasuraServer, ServerStats } from "../server";
import type { OperationFigures } from "./results";

/** Runs `step` with the server's counters reset before it, and reports its seconds and what the server saw. */
export async function measure(server: RunningHasuraServer, step: () => Promise<unknown>): Promise<OperationFigures> {
  server.resetStats();
  const started = performance.now();
  await step();
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 3), ...serverFigures(server.stats()) };
}

/** What the server's counters say about the requests since they were reset. */
export function serverFigures(stats: ServerStats): Omit<OperationFigures, "seconds" | "writeLog"> {
  return {
    requests: stats.requests,
    totalRequests: Object.values(stats.requests).reduce((sum, count) => sum + count, 0),
    writes: stats.writes,
    rebuilds: stats.rebuilds,
    costMs: stats.rebuildMs + stats.catalogIntrospectionMs,
    lockMaxQueued: stats.lock.maxQueued,
  };
}

/** `value` to `digits` decimals. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
