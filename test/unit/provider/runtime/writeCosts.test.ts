import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { callCosts, cheaperTogether, expectedWriteMs, type CallKind } from "../../../../provider/runtime/writeCosts";
import { heldBackMessage } from "../../../../provider/runtime/runtime";

/** Costs as if these latencies had been seen. */
function seen(latencies: Partial<Record<CallKind, number>>) {
  const costs = callCosts();
  for (const [kind, ms] of Object.entries(latencies) as [CallKind, number][]) costs.observe(kind, ms);
  return costs;
}

describe("call costs", () => {
  it("know nothing until a call is seen, then move halfway towards each new latency", () => {
    const costs = callCosts();
    assert.equal(costs.estimate("whole"), undefined);
    costs.observe("whole", 1_000);
    assert.equal(costs.estimate("whole"), 1_000);
    costs.observe("whole", 3_000);
    assert.equal(costs.estimate("whole"), 2_000);
    assert.equal(costs.estimate("single"), undefined);
  });

  it("a batch goes together unless its own commands, each after a fresh read, cost less", () => {
    // Hasura's figures on a large database: a rebuild of 2 s for any write, and 1 s more for
    // replace_metadata, which re-reads the catalog of its one source; an export of 0.1 s.
    const large = seen({ single: 2_000, whole: 3_000, read: 100 });
    assert.equal(cheaperTogether(1, large), false);
    assert.equal(cheaperTogether(2, large), true, "3 s against 2 x 2 s + 0.1 s");
    // A catalog of a minute: alone is cheaper up to 30 changes.
    const huge = seen({ single: 2_000, whole: 62_000, read: 100 });
    assert.equal(cheaperTogether(29, huge), false);
    assert.equal(cheaperTogether(31, huge), true);
  });

  it("what was never seen is taken to cost as much as the other write; with nothing seen, together", () => {
    assert.equal(cheaperTogether(2, callCosts()), true);
    assert.equal(cheaperTogether(2, seen({ single: 5_000 })), true);
    assert.equal(cheaperTogether(2, seen({ whole: 5_000 })), true);
  });

  it("expect a write to cost the dearer of the two, when either is known", () => {
    assert.equal(expectedWriteMs(callCosts()), undefined);
    assert.equal(expectedWriteMs(seen({ single: 200 })), 200);
    assert.equal(expectedWriteMs(seen({ single: 200, whole: 1_200, read: 5_000 })), 1_200);
  });
});

describe("the notice that the engine held changes back", () => {
  it("says how many writes, what each costs, and the setting that makes them one", () => {
    assert.equal(
      heldBackMessage("http://hasura:8080", { parallelism: 8, writes: 2, writeMs: 2_400 }),
      "The engine sent this provider at most 8 changes at once (pulumi's --parallel), so Hasura at http://hasura:8080 is being written in batches of 8: 2 writes so far, about 2.4 s each, each a schema rebuild. `pulumi up --parallel N` (or PULUMI_PARALLEL=N) with N at least the number of relationships lets them go in one or two writes.",
    );
    assert.match(heldBackMessage("http://h", { parallelism: 4, writes: 3, writeMs: 180 }), /3 writes so far, about 180 ms each,/);
  });
});
