/** Issue 8's targets, checked against the measured cases (reported, never asserted: timings vary by machine). */
import type { CaseResult, TargetCheck } from "../results";

const stateLimitBytes = 4096;
const upRatioLimit = 1.3;
const slowUpRatioLimit = 2;
const refreshExportLimit = 3;
const exportKey = "/v1/metadata export_metadata";

/** Every target that some measured case speaks to, one check per such case. */
export function checkTargets(cases: readonly CaseResult[], parallel: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (target: string, result: CaseResult, measured: string, limit: string, met: boolean) =>
    checks.push({ target, n: result.n, rebuildMs: result.rebuildMs, measured, limit, met });
  for (const result of cases) {
    const bytes = result.ours.state.bytesPerResource;
    add("state per relationship", result, `${Math.round(bytes)} B`, `<= ${stateLimitBytes} B`, bytes <= stateLimitBytes);
  }
  for (const result of cases.filter((entry) => entry.n === 200 && entry.rebuildMs === 0)) {
    const ratio = result.ours.operations.up.seconds / result.noop.operations.up.seconds;
    add("up vs the no-op up", result, `${ratio.toFixed(2)}x`, `<= ${upRatioLimit}x`, ratio <= upRatioLimit);
  }
  for (const result of cases) {
    const limit = Math.ceil(result.n / parallel) + 2;
    const rebuilds = result.ours.operations.up.rebuilds;
    add(`up rebuilds, --parallel ${parallel}`, result, String(rebuilds), `<= ceil(N/P)+2 = ${limit}`, rebuilds <= limit);
  }
  for (const result of cases.filter((entry) => entry.n === 100 && entry.rebuildMs === 200)) {
    const ratio = result.ours.operations.up.seconds / result.floor.up;
    add("up vs no-op up + one replace_metadata", result, `${ratio.toFixed(2)}x`, `<= ${slowUpRatioLimit}x`, ratio <= slowUpRatioLimit);
  }
  for (const result of cases.filter((entry) => entry.n === 100)) {
    const exports = result.ours.operations.refresh.requests[exportKey] ?? 0;
    add("refresh exports", result, String(exports), `<= ${refreshExportLimit}`, exports <= refreshExportLimit);
  }
  for (const result of cases) {
    const requests = result.ours.operations.noChangeUp.totalRequests;
    add("no-change up requests", result, String(requests), "0", requests === 0);
  }
  return checks;
}
