import assert from "node:assert/strict";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import { tempDir } from "../../../scripts/localStack";
import { oracleBatches, oracleRebuilds, planCosts, writeOraclePlan } from "../../../bench/oracle";
import { oracleProvider } from "../../../bench/oracleProvider";

/** A plan where a batch of one is cheaper as a single command, and two or more as one replace_metadata. */
const costs = { singleMs: 3, replaceMs: 5 };

describe("bench: the oracle's provider", () => {
  let planFile: string;
  beforeEach(() => {
    globalThis.__benchOracle = undefined;
    planFile = path.join(tempDir("oracle"), "stack.json");
  });

  it("releases a batch when the engine's slots are full, and the rest when the burst is complete", async () => {
    writeOraclePlan(planFile, { parallel: 2, bursts: [3], ...costs });
    const provider = oracleProvider(planFile);
    const order: string[] = [];
    await Promise.all(["a", "b", "c"].map((name) => provider.create({ name }).then((result) => order.push(result.id))));
    assert.deepEqual(order, ["a", "b", "c"]);
    const batches = oracleBatches(planFile);
    assert.deepEqual(
      batches.map(({ type, changes, ms }) => ({ type, changes, ms })),
      [
        { type: "replace", changes: 2, ms: 5 },
        { type: "single", changes: 1, ms: 3 },
      ],
    );
    assert.equal(oracleRebuilds(batches), 2);
  });

  it("waits for the whole burst at unbounded parallelism, then takes the deletes as a burst of their own", async () => {
    writeOraclePlan(planFile, { parallel: 2_147_483_647, bursts: [2, 1], ...costs });
    const provider = oracleProvider(planFile);
    const [created, updated] = await Promise.all([provider.create({ name: "a" }), provider.update("b", {}, { name: "b" })]);
    assert.deepEqual(created, { id: "a", outs: { name: "a" } });
    assert.deepEqual(updated, { outs: { name: "b" } });
    assert.equal(await provider.delete(), undefined);
    assert.deepEqual(
      oracleBatches(planFile).map(({ type, changes }) => [type, changes]),
      [
        ["replace", 2],
        ["single", 1],
      ],
    );
  });

  it("costs a single command a rebuild and its source's catalog, a replace_metadata a rebuild and every source's", () => {
    assert.deepEqual(planCosts({ name: "large Hasura", rebuildMs: 2000, catalogIntrospectionMs: 1000, sources: 3 }), { singleMs: 3000, replaceMs: 5000 });
    assert.deepEqual(planCosts({ name: "200 ms rebuilds", rebuildMs: 200, catalogIntrospectionMs: 0, sources: 1 }), { singleMs: 200, replaceMs: 200 });
  });

  it("takes the one rebuild of a replace_metadata where the plans cost the same, as with free rebuilds", async () => {
    writeOraclePlan(planFile, { parallel: 8, bursts: [3], singleMs: 0, replaceMs: 0 });
    const provider = oracleProvider(planFile);
    await Promise.all(["a", "b", "c"].map((name) => provider.create({ name })));
    const batches = oracleBatches(planFile);
    assert.deepEqual(
      batches.map(({ type, changes }) => [type, changes]),
      [["replace", 3]],
    );
    assert.equal(oracleRebuilds(batches), 1);
  });

  it("reads no batches before its first operation", () => {
    assert.deepEqual(oracleBatches(planFile), []);
  });
});
