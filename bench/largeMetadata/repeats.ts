/**
 * A large-metadata scenario's runs reduced to one set of figures. Its CPU figures are a second or less,
 * and one run's vary by a third from the next (when a collection lands, what a write waits beside), so
 * how a step grows is judged on the median of its runs, step by step; memory, a limit, on the highest.
 */
import type { WorkloadResult, WorkloadStep } from "./results";

/** Per step and in all, the median seconds and CPU seconds of `runs`; the peak RSS over baseline of the run that reached the highest. */
export function combinedRuns(runs: readonly WorkloadResult[]): WorkloadResult {
  const [first] = runs;
  if (first === undefined) throw new Error("A scenario with no run has no figures.");
  const highest = runs.reduce((top, run) => (run.peakRssBytes - run.baselineRssBytes > top.peakRssBytes - top.baselineRssBytes ? run : top));
  const steps: WorkloadStep[] = first.steps.map((step) => {
    const same = runs.map((run) => run.steps.find((entry) => entry.name === step.name)).filter((entry) => entry !== undefined);
    return { name: step.name, seconds: median(same.map((entry) => entry.seconds)), cpuSeconds: median(same.map((entry) => entry.cpuSeconds)) };
  });
  return {
    seconds: median(runs.map((run) => run.seconds)),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    baselineRssBytes: highest.baselineRssBytes,
    peakRssBytes: highest.peakRssBytes,
    steps,
  };
}

/** The median; of an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
