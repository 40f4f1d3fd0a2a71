import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { combinedRuns, median } from "../../../bench/largeMetadata/repeats";
import type { WorkloadResult } from "../../../bench/largeMetadata/results";

const mib = 2 ** 20;

function run(cpu: readonly [number, number], peakMiB: number, baselineMiB = 80): WorkloadResult {
  return {
    seconds: 10 + cpu[0],
    cpuSeconds: cpu[0] + cpu[1],
    baselineRssBytes: baselineMiB * mib,
    peakRssBytes: (baselineMiB + peakMiB) * mib,
    steps: [
      { name: "create", seconds: 5 + cpu[0], cpuSeconds: cpu[0] },
      { name: "delete", seconds: 5 + cpu[1], cpuSeconds: cpu[1] },
    ],
  };
}

describe("bench: a large-metadata scenario's runs", () => {
  it("are judged step by step on the median, and on the highest memory", () => {
    // The create step's median comes from the second run, the delete step's from the first: no run is the median of both.
    const combined = combinedRuns([run([0.7, 0.5], 200), run([0.4, 0.9], 260, 82), run([1.1, 0.3], 210)]);
    assert.deepEqual(
      combined.steps.map((step) => [step.name, step.cpuSeconds]),
      [
        ["create", 0.7],
        ["delete", 0.5],
      ],
    );
    assert.equal(combined.cpuSeconds, 1.3);
    assert.equal((combined.peakRssBytes - combined.baselineRssBytes) / mib, 260);
  });

  it("of one run are that run's figures; of none, an error", () => {
    const one = run([0.4, 0.2], 100);
    assert.deepEqual(combinedRuns([one]), one);
    assert.throws(() => combinedRuns([]), /no run/);
    assert.equal(median([3, 1, 2, 10]), 2.5);
  });
});
