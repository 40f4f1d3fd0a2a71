import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LargeMetadataResults, LargeMetadataRun } from "../../../bench/largeMetadata/results";
import { unboundedParallel } from "../../../bench/parallelism";
import { checkTargets } from "../../../bench/report/targets";
import { perOperation, writingOperations } from "../../../bench/results";
import { caseOf, large, slow, write } from "./fixtures";

describe("bench: issue 18's targets", () => {
  it("holds unbounded parallelism to two rebuilds an operation, and the large Hasura to the oracle's plans", () => {
    const oneReplace = [write("replace_metadata", 100, 5000)];
    const ours = {
      up: oneReplace,
      mixedUp: [write("replace_metadata", 66, 5000), write("replace_metadata", 33, 5000)],
      oneChangeUp: [write("replace_metadata", 1, 5000)],
      destroy: [...oneReplace, ...oneReplace, ...oneReplace],
    };
    const oracle = {
      up: [write("replace", 100, 5000)],
      mixedUp: [write("replace", 66, 5000), write("replace", 33, 5000)],
      oneChangeUp: [write("single", 1, 3000)],
      destroy: [write("replace", 100, 5000)],
    };
    const checks = checkTargets([caseOf(100, large, unboundedParallel, ours, oracle)], undefined);
    const verdict = (target: string) => checks.filter((check) => check.target === target).map((check) => [check.measured, check.met]);
    assert.deepEqual(verdict("up rebuilds, unbounded parallelism"), [["1", true]]);
    assert.deepEqual(verdict("mixedUp rebuilds, unbounded parallelism"), [["2", true]]);
    assert.deepEqual(verdict("destroy rebuilds, unbounded parallelism"), [["3", false]]);
    // A lone change sent as a whole-document write costs a replace where a single command would do.
    assert.deepEqual(verdict("one change as a single command"), [["1 writes, 1 replace_metadata", false]]);
    assert.deepEqual(verdict("oneChangeUp: Hasura's time vs the oracle's cheaper plans"), [["5.0 s / 3.0 s = 1.67x", false]]);
    assert.deepEqual(verdict("up: Hasura's time vs the oracle's cheaper plans"), [["5.0 s / 5.0 s = 1.00x", true]]);
    assert.deepEqual(verdict("destroy: Hasura's time vs the oracle's cheaper plans"), [["15.0 s / 5.0 s = 3.00x", false]]);
    assert.deepEqual(verdict("state per relationship (its own entry)"), [["3700 B", true]]);
    assert.deepEqual(verdict("no-change up requests"), [["0", true]]);
  });

  it("holds bounded parallelism to ceil(N/P) rebuilds and to the oracle's seconds, and checks no catalog target where there is no catalog cost", () => {
    const writes = { up: Array.from({ length: 14 }, () => write("replace_metadata", 7, 200)) };
    const result = { ...caseOf(100, slow, 8, writes, {}), oracleRatio: perOperation(writingOperations, () => ({ ours: 1.08, oracleToFloor: 2 })) };
    const checks = checkTargets([result], undefined);
    assert.deepEqual(
      checks.filter((check) => !check.met).map((check) => [check.target, check.measured, check.limit]),
      [
        ["up rebuilds, bounded parallelism", "14", "<= ceil(N/P) = 13"],
        ["up vs the oracle, bounded parallelism", "1.08x", "<= 1.05x"],
      ],
    );
    assert.equal(checks.filter((check) => check.target.includes("Hasura's time") || check.target.includes("unbounded")).length, 0);
  });

  it("holds the large-metadata burst to 10 s of CPU and 300 MB, and tells growth only where the CPU is large enough", () => {
    const run = (tables: number, relationships: number, cpu: number, peakMB: number): LargeMetadataRun => ({
      tables,
      documentBytes: tables * 4000,
      scenario: "burst",
      relationships,
      inFlight: 8,
      result: {
        seconds: cpu,
        cpuSeconds: cpu,
        baselineRssBytes: 100 * 2 ** 20,
        peakRssBytes: peakMB * 2 ** 20,
        steps: [
          { name: "create", seconds: cpu, cpuSeconds: cpu },
          { name: "check", seconds: 0.1, cpuSeconds: 0.01 },
        ],
      },
      requests: {},
      writes: 14,
    });
    const results: LargeMetadataResults = { runs: [run(1000, 50, 2, 300), run(2000, 50, 8, 500), run(2000, 25, 4, 400)] };
    const checks = checkTargets([], results).map((check) => [check.target, check.measured, check.met]);
    assert.deepEqual(checks, [
      ["provider CPU", "8.0 s", true],
      ["provider peak RSS over its baseline", "400 MiB", false],
      ["CPU growth with the document", "2.00", false],
      ["CPU growth with the batch", "1.00", true],
    ]);
  });
});
