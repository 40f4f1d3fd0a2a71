/**
 * Issue 18's targets, checked against the measured cases (reported, never asserted: timings vary by
 * machine). A target is checked on every case it speaks to, not only at the N the issue names.
 */
import type { LargeMetadataResults } from "../largeMetadata/results";
import { parallelLabel, unboundedParallel } from "../parallelism";
import type { CaseResult, TargetCheck, WritingOperation } from "../results";
import { growths, scenarioName, smallestTellingCpuSeconds } from "./largeMetadata";

const limits = {
  unboundedRebuilds: 2,
  unboundedUpToFloor: 1.1,
  upToOracle: 1.05,
  hasuraTimeToOracle: 1.1,
  burstCpuSeconds: 10,
  burstRssOverBaselineMiB: 300,
  growthExponent: 1.2,
  stateBytes: 4096,
  refreshExports: 3,
};
const exportKey = "/v1/metadata export_metadata";
const replaceKey = "/v1/metadata replace_metadata";

/** Every target that some measurement speaks to, one check per such measurement. */
export function checkTargets(cases: readonly CaseResult[], largeMetadata: LargeMetadataResults | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (target: string, where: string, measured: string, limit: string, met: boolean) => checks.push({ target, where, measured, limit, met });
  const where = (result: CaseResult) => `N=${result.n}, ${result.profile.name}, ${parallelLabel(result.parallel)}`;
  const costed = cases.filter((result) => result.profile.rebuildMs > 0);
  const unbounded = costed.filter((result) => result.parallel.value === unboundedParallel);
  const bounded = cases.filter((result) => result.parallel.value !== unboundedParallel);

  for (const result of unbounded) {
    for (const operation of ["up", "destroy", "mixedUp"] as const satisfies readonly WritingOperation[]) {
      const rebuilds = result.ours.operations[operation]?.rebuilds ?? Number.NaN;
      add(
        `${operation} rebuilds, unbounded parallelism`,
        where(result),
        String(rebuilds),
        `<= ${limits.unboundedRebuilds}`,
        rebuilds <= limits.unboundedRebuilds,
      );
    }
    const ratio = result.ratio.up;
    add("up vs no-op up + one replace_metadata", where(result), `${ratio.toFixed(2)}x`, `<= ${limits.unboundedUpToFloor}x`, ratio <= limits.unboundedUpToFloor);
  }
  for (const result of bounded) {
    const limit = Math.ceil(result.n / result.parallel.value);
    const rebuilds = result.ours.operations.up?.rebuilds ?? Number.NaN;
    add("up rebuilds, bounded parallelism", where(result), String(rebuilds), `<= ceil(N/P) = ${limit}`, rebuilds <= limit);
  }
  for (const result of costed.filter((entry) => entry.parallel.value !== unboundedParallel)) {
    const ratio = result.oracleRatio.up.ours;
    add("up vs the oracle, bounded parallelism", where(result), `${ratio.toFixed(2)}x`, `<= ${limits.upToOracle}x`, ratio <= limits.upToOracle);
  }
  for (const result of cases.filter((entry) => entry.profile.catalogIntrospectionMs > 0)) {
    const one = result.ours.operations.oneChangeUp;
    const replaced = one?.requests[replaceKey] ?? 0;
    add(
      "one change as a single command",
      where(result),
      `${one?.writes ?? "?"} writes, ${replaced} replace_metadata`,
      "1 write, 0 replace",
      one?.writes === 1 && replaced === 0,
    );
    for (const operation of ["up", "oneChangeUp", "mixedUp", "destroy"] as const satisfies readonly WritingOperation[]) {
      const [ours, oracle] = [result.ours.operations[operation]?.costMs ?? Number.NaN, result.oracle.operations[operation]?.costMs ?? Number.NaN];
      const ratio = ours / oracle;
      add(
        `${operation}: Hasura's time vs the oracle's cheaper plans`,
        where(result),
        `${(ours / 1000).toFixed(1)} s / ${(oracle / 1000).toFixed(1)} s = ${ratio.toFixed(2)}x`,
        `<= ${limits.hasuraTimeToOracle}x`,
        ratio <= limits.hasuraTimeToOracle,
      );
    }
  }
  for (const result of cases) {
    // What one more relationship adds to the state: at small N the stack's fixed part, shared by all, would swamp it.
    const bytes = result.ours.state?.entryBytesPerResource ?? Number.NaN;
    add("state per relationship (its own entry)", where(result), `${Math.round(bytes)} B`, `<= ${limits.stateBytes} B`, bytes <= limits.stateBytes);
    const exports = result.ours.operations.refresh?.requests[exportKey] ?? 0;
    add("refresh exports", where(result), String(exports), `<= ${limits.refreshExports}`, exports <= limits.refreshExports);
    const requests = result.ours.operations.noChangeUp?.totalRequests ?? Number.NaN;
    add("no-change up requests", where(result), String(requests), "0", requests === 0);
  }
  if (largeMetadata !== undefined) checks.push(...largeMetadataTargets(largeMetadata));
  return checks;
}

function largeMetadataTargets(results: LargeMetadataResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const largest = Math.max(...results.runs.map((run) => run.tables));
  const biggestBurst = Math.max(...results.runs.filter((run) => run.scenario === "burst").map((run) => run.relationships));
  for (const run of results.runs.filter((entry) => entry.tables === largest && entry.scenario === "burst" && entry.relationships === biggestBurst)) {
    const where = `${run.tables} tables (${(run.documentBytes / 1e6).toFixed(1)} MB), ${scenarioName(run)} at ${run.inFlight} in flight`;
    const { cpuSeconds, peakRssBytes, baselineRssBytes } = run.result;
    const overMiB = (peakRssBytes - baselineRssBytes) / 2 ** 20;
    checks.push({
      target: "provider CPU",
      where,
      measured: `${cpuSeconds.toFixed(1)} s`,
      limit: `<= ${limits.burstCpuSeconds} s`,
      met: cpuSeconds <= limits.burstCpuSeconds,
    });
    checks.push({
      target: "provider peak RSS over its baseline",
      where,
      measured: `${overMiB.toFixed(0)} MiB`,
      limit: `<= ${limits.burstRssOverBaselineMiB} MiB`,
      met: overMiB <= limits.burstRssOverBaselineMiB,
    });
  }
  const telling = growths(results).filter((growth) => growth.cpuSeconds[1] >= smallestTellingCpuSeconds);
  for (const growth of telling) {
    checks.push({
      target: `CPU growth with the ${growth.dimension}`,
      where: `${growth.scenario}, ${growth.step}`,
      measured: growth.exponent.toFixed(2),
      limit: `<= ${limits.growthExponent} (1 = linear)`,
      met: growth.exponent <= limits.growthExponent,
    });
  }
  return checks;
}

/** The targets, met or missed. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  const lines = ["| target | where | measured | limit | met |", "|---|---|---:|---|---|"];
  for (const check of checks) lines.push(`| ${check.target} | ${check.where} | ${check.measured} | ${check.limit} | ${check.met ? "yes" : "**no**"} |`);
  return lines.join("\n");
}
