import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runSoak } from "../soak/soak";

/** The short soak; `npm run soak` runs the long one (100 rounds and more). */
describe("soak under faults", () => {
  it("8 random rounds at a 10% fault rate: nothing lost, nothing duplicated, no secret in any output", async () => {
    const figures = await runSoak({ seed: 20261124, rounds: 8, faultRate: 0.1 });
    console.log(JSON.stringify(figures));
    assert.equal(figures.rounds, 8);
    assert.equal(figures.lost, 0);
    assert.ok(figures.faultsInjected > 0, "the proxy injected faults");
  });
});
