/** Summaries of the write probe's log: how many relationships each metadata write carried. */
import type { WriteRecord } from "../results";

/** How many relationships the writes carried, "mean 4.0, max 8", or undefined when the log is absent or empty. */
export function batchText(log: readonly WriteRecord[] | undefined): string | undefined {
  if (log === undefined || log.length === 0) return undefined;
  const sizes = log.map((record) => record.changes);
  const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
  return `mean ${mean.toFixed(1)}, max ${Math.max(...sizes)}`;
}
