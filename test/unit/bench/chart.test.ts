import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resultsChart, ticks } from "../../../bench/report/chart";
import { operations, perOperation, writingOperations, type CaseResult, type OperationFigures } from "../../../bench/results";

function caseAt(n: number, parallel: number, up: number): CaseResult {
  const figures = (seconds: number): OperationFigures => ({ seconds, requests: {}, totalRequests: 0, writes: 0, rebuilds: 0, costMs: 0, lockMaxQueued: 0 });
  const run = (seconds: number) => ({ operations: perOperation(operations, () => figures(seconds)), samples: {} });
  return {
    n,
    profile: { name: "200 ms <rebuilds>", rebuildMs: 200, catalogIntrospectionMs: 0, sources: 1 },
    parallel: { name: String(parallel), flag: parallel, value: parallel },
    ours: run(up),
    noop: run(up / 2),
    oracle: run(up * 0.9),
    direct: {},
    floor: perOperation(operations, () => up / 2),
    ratio: perOperation(operations, () => 2),
    oracleRatio: perOperation(writingOperations, () => ({ ours: 1.1, oracleToFloor: 1.8 })),
    loadAverage: [0, 0],
  };
}

describe("bench: the chart", () => {
  it("ticks at 1, 2 or 5 times a power of ten, past the largest value", () => {
    assert.deepEqual(ticks(17), [0, 5, 10, 15, 20]);
    assert.deepEqual(ticks(0.45), [0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("draws, per parallelism, the relationships, the oracle and the floor through every N, as plain SVG", () => {
    const svg = resultsChart([caseAt(10, 8, 2), caseAt(100, 8, 6), caseAt(10, 32, 1.5), caseAt(100, 32, 3)]);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<polyline fill="none" stroke="#/g) ?? []).length, 6);
    assert.equal((svg.match(/<circle /g) ?? []).length, 12);
    assert.match(svg, />200 ms &lt;rebuilds&gt;</);
    assert.match(svg, />--parallel 32</);
    assert.ok(svg.trimEnd().endsWith("</svg>"));
  });
});
