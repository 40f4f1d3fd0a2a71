/**
 * The large-metadata case in the report: one row per scenario and document size, and how each step's
 * CPU time grows with the document and with the batch, as an exponent: 1 is linear, 2 quadratic.
 */
import type { LargeMetadataResults, LargeMetadataRun } from "../largeMetadata/results";

const mb = (bytes: number) => bytes / 1e6;
const mib = (bytes: number) => bytes / 2 ** 20;

/** Each run as a row: time, CPU, peak RSS over the baseline, per step. */
export function largeMetadataTable(results: LargeMetadataResults): string {
  const lines = [
    "| tables | document MB | scenario | in flight | seconds | provider CPU s | peak RSS over baseline MiB (baseline) | steps: s (CPU s) | writes |",
    "|---:|---:|---|---:|---:|---:|---|---|---:|",
  ];
  for (const run of results.runs) {
    const { result } = run;
    const steps = result.steps.map((step) => `${step.name} ${step.seconds.toFixed(2)} (${step.cpuSeconds.toFixed(2)})`).join(", ");
    lines.push(
      `| ${run.tables} | ${mb(run.documentBytes).toFixed(1)} | ${scenarioName(run)} | ${run.inFlight} | ${result.seconds.toFixed(1)} | ${result.cpuSeconds.toFixed(1)} | ${mib(result.peakRssBytes - result.baselineRssBytes).toFixed(0)} (${mib(result.baselineRssBytes).toFixed(0)}) | ${steps} | ${run.writes} |`,
    );
  }
  return lines.join("\n");
}

/** "burst of 50", "3 one at a time". */
export function scenarioName(run: Pick<LargeMetadataRun, "scenario" | "relationships">): string {
  return run.scenario === "single" ? `${run.relationships} one at a time` : `burst of ${run.relationships}`;
}

/** How one step's CPU time grows between two runs that differ in one dimension. */
export interface Growth {
  /** What differs: "document" (same scenario, two sizes) or "batch" (same document, two burst sizes). */
  readonly dimension: "document" | "batch";
  readonly scenario: string;
  readonly step: string;
  /** The two runs' CPU seconds for the step, smaller dimension first. */
  readonly cpuSeconds: readonly [number, number];
  /** The dimension's two values: document bytes, or relationships in the burst. */
  readonly sizes: readonly [number, number];
  /** log(cpu ratio) / log(size ratio): 1 is linear. */
  readonly exponent: number;
}

/** Steps whose CPU at the larger size is under this are too small to tell growth from noise. */
export const smallestTellingCpuSeconds = 0.5;

/** Every step's growth with the document (per scenario, smallest and largest document) and with the batch (largest document). */
export function growths(results: LargeMetadataResults): Growth[] {
  const found: Growth[] = [];
  const compare = (dimension: Growth["dimension"], scenario: string, small: LargeMetadataRun, large: LargeMetadataRun, sizes: [number, number]) => {
    for (const step of large.result.steps) {
      const before = small.result.steps.find((entry) => entry.name === step.name);
      if (before === undefined || sizes[0] === sizes[1]) continue;
      const cpuSeconds: [number, number] = [before.cpuSeconds, step.cpuSeconds];
      found.push({
        dimension,
        scenario,
        step: step.name,
        cpuSeconds,
        sizes,
        exponent: Math.log(cpuSeconds[1] / cpuSeconds[0]) / Math.log(sizes[1] / sizes[0]),
      });
    }
  };
  const bySize = [...results.runs].sort((a, b) => a.documentBytes - b.documentBytes);
  const [smallest, largest] = [bySize[0]?.tables, bySize.at(-1)?.tables];
  for (const run of bySize.filter((entry) => entry.tables === largest)) {
    const same = bySize.find((entry) => entry.tables === smallest && scenarioName(entry) === scenarioName(run));
    if (same !== undefined && same !== run) compare("document", scenarioName(run), same, run, [same.documentBytes, run.documentBytes]);
  }
  const bursts = bySize.filter((entry) => entry.tables === largest && entry.scenario === "burst").sort((a, b) => a.relationships - b.relationships);
  if (bursts.length >= 2) {
    const [small, large] = [bursts[0], bursts[bursts.length - 1]];
    compare("batch", `document of ${large.tables} tables`, small, large, [small.relationships, large.relationships]);
  }
  return found;
}

/** The growths as a table. */
export function growthTable(found: readonly Growth[]): string {
  const lines = ["| grows with | scenario | step | CPU s, smaller / larger | size ratio | exponent (1 = linear) |", "|---|---|---|---|---:|---:|"];
  for (const growth of found) {
    const tell = growth.cpuSeconds[1] < smallestTellingCpuSeconds ? " (too small to tell)" : "";
    lines.push(
      `| ${growth.dimension} | ${growth.scenario} | ${growth.step} | ${growth.cpuSeconds[0].toFixed(2)} / ${growth.cpuSeconds[1].toFixed(2)} | ${(growth.sizes[1] / growth.sizes[0]).toFixed(2)} | ${growth.exponent.toFixed(2)}${tell} |`,
    );
  }
  return lines.join("\n");
}
