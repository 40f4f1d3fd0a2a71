import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { engineParallelism } from "../../../sdk/engineProps";

describe("SDK: what a resource tells its provider of the engine", () => {
  it("the engine's parallelism is the language host's PULUMI_NODEJS_PARALLEL, when it is a positive whole number", () => {
    const parallelism = (value: string | undefined) => engineParallelism(value === undefined ? {} : { PULUMI_NODEJS_PARALLEL: value });
    assert.equal(parallelism("8"), 8);
    assert.equal(parallelism("2147483647"), 2_147_483_647);
    for (const value of [undefined, "", "0", "-4", "1.5", "eight", "1e400"]) assert.equal(parallelism(value), undefined, String(value));
  });
});
