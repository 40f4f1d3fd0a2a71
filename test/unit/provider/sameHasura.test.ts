import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MetadataSnapshot } from "../../../model";
import { askSameness, compareReads, settle, type Sameness } from "../../../provider/sameHasura";

const at = (resourceVersion: number | undefined, tables: string[] = []): MetadataSnapshot => ({
  resourceVersion,
  metadata: { version: 3, sources: [{ name: "default", tables: tables.map((name) => ({ table: { schema: "public", name } })) }] },
});

describe("compareReads", () => {
  const cases: [string, MetadataSnapshot, MetadataSnapshot, MetadataSnapshot, Sameness][] = [
    ["the same document at the same version on both", at(7, ["users"]), at(7, ["users"]), at(7, ["users"]), "same"],
    ["another version on the second", at(7, ["users"]), at(8, ["users"]), at(7, ["users"]), "different"],
    ["another document at the same version on the second", at(7, ["users"]), at(7, ["orders"]), at(7, ["users"]), "different"],
    ["the first changed while the second was read", at(7, ["users"]), at(8, ["users"]), at(8, ["users"]), "unsettled"],
    ["the first changed, even when the second matched one of its reads", at(7, ["users"]), at(7, ["users"]), at(8, ["users"]), "unsettled"],
    ["no version (the /v1/query API): documents alone", at(undefined, ["users"]), at(undefined, ["users"]), at(undefined, ["users"]), "same"],
    ["no version, another document", at(undefined, ["users"]), at(undefined, []), at(undefined, ["users"]), "different"],
  ];
  for (const [what, before, second, after, expected] of cases) {
    it(`${what}: ${expected}`, () => assert.equal(compareReads(before, second, after), expected));
  }
});

describe("settle", () => {
  it("any round that found both alike is the same Hasura", () => assert.equal(settle(["different", "same"], 2), "same"));
  it("different needs as many agreeing rounds as asked", () => {
    assert.equal(settle(["different"], 2), "unsettled");
    assert.equal(settle(["different", "unsettled", "different"], 2), "different");
  });
  it("nothing settled is unsettled", () => assert.equal(settle(["unsettled", "unsettled"], 2), "unsettled"));
});

describe("askSameness", () => {
  /** Reads answered from a script per endpoint (the last answer repeats), counted, with pauses counted instead of waited. */
  function scripted(answers: Record<string, MetadataSnapshot[]>) {
    const reads: string[] = [];
    let pauses = 0;
    return {
      reads,
      pauses: () => pauses,
      source: {
        read: async (endpoint: string) => {
          const script = answers[endpoint];
          const index = reads.filter((read) => read === endpoint).length;
          reads.push(endpoint);
          return script[Math.min(index, script.length - 1)];
        },
        pause: async () => {
          pauses += 1;
        },
      },
    };
  }

  it("one Hasura under two names: settled by the first round, without a pause", async () => {
    const run = scripted({ a: [at(5, ["users"])], b: [at(5, ["users"])] });
    assert.equal(await askSameness("a", "b", run.source), "same");
    assert.deepEqual(run.reads, ["a", "b", "a"]);
    assert.equal(run.pauses(), 0);
  });

  it("two Hasuras: two rounds that agree, with a pause between them", async () => {
    const run = scripted({ a: [at(5, ["users"])], b: [at(9, ["orders"])] });
    assert.equal(await askSameness("a", "b", run.source), "different");
    assert.deepEqual(run.reads, ["a", "b", "a", "a", "b", "a"]);
    assert.equal(run.pauses(), 1);
  });

  it("a replica that had not caught up in the first round but matches in the second: the same Hasura", async () => {
    const run = scripted({ a: [at(6, ["users"])], b: [at(5), at(6, ["users"])] });
    assert.equal(await askSameness("a", "b", run.source), "same");
  });

  it("metadata that keeps changing under the reads: unsettled after four rounds, never different", async () => {
    const versions = Array.from({ length: 12 }, (_, index) => at(index + 1, ["users"]));
    const run = scripted({ a: versions, b: [at(100)] });
    assert.equal(await askSameness("a", "b", run.source), "unsettled");
    assert.equal(run.reads.length, 12);
    assert.equal(run.pauses(), 3);
  });

  it("a read that fails is the answer: nothing is concluded about a Hasura that cannot be read", async () => {
    const failing = { read: async (endpoint: string) => (endpoint === "b" ? Promise.reject(new Error("no answer from b")) : at(1)), pause: async () => {} };
    await assert.rejects(askSameness("a", "b", failing), /no answer from b/);
  });
});
