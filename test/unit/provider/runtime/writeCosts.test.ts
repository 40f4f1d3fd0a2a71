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

/** `count` commands on the one source `default`. */
const commands = (count: number) => Array.from({ length: count }, () => "source:default");

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

  it("a batch goes together unless its own commands, each after a fresh read, cost clearly less", () => {
    // A large Hasura: a rebuild of 2 s for any write and 1 s to re-read a source's catalog, 3 sources:
    // a table relationship's command re-reads its one source's (3 s), replace_metadata all three (5 s).
    const large = seen({ single: 3_000, whole: 5_000, read: 100 });
    assert.equal(cheaperTogether(commands(1), large), false);
    assert.equal(cheaperTogether(commands(2), large), true, "5 s against 2 x 3 s + 0.1 s");
    // Many sources, a minute to re-read them all, and commands that re-read none (remote schema
    // relationships) or a small one: alone saves at least a tenth (6.2 s) up to 25 changes.
    const huge = seen({ single: 2_000, whole: 62_000, read: 100 });
    assert.equal(cheaperTogether(commands(25), huge), false, "52.4 s against 62 s");
    assert.equal(cheaperTogether(commands(27), huge), true, "56.6 s saves less than a tenth of 62 s");
    // Free writes: a few milliseconds saved is not worth more rebuilds.
    assert.equal(cheaperTogether(commands(2), seen({ single: 3, whole: 40, read: 2 })), true);
    assert.equal(cheaperTogether(commands(2), seen({ single: 3, whole: 140, read: 2 })), false);
  });

  it("commands are expected to cost what commands of their class took, and a class never seen what any command took", () => {
    // A large Hasura: a table relationship's command re-reads its source's catalog (3 s), a remote
    // schema relationship's none (a 2 s rebuild); replace_metadata re-reads the three sources' (5 s).
    const costs = seen({ whole: 5_000, read: 100 });
    costs.observe("single", 3_000, "source:default");
    costs.observe("single", 2_000, "remote-schema");
    assert.equal(costs.estimate("single", "source:default"), 3_000);
    assert.equal(costs.estimate("single", "remote-schema"), 2_000);
    assert.equal(costs.estimate("single", "source:other"), 2_500, "any command's, moved halfway by each");
    assert.equal(cheaperTogether(["remote-schema", "remote-schema"], costs), false, "4.1 s saves a tenth of 5 s");
    assert.equal(cheaperTogether(["source:default", "remote-schema"], costs), true, "5.1 s against 5 s");
    // Another remote schema command seen at 0 ms brings its class to 1 s: three go alone.
    costs.observe("single", 0, "remote-schema");
    assert.equal(cheaperTogether(["remote-schema", "remote-schema", "remote-schema"], costs), false);
    assert.equal(cheaperTogether(["source:default", "source:default"], costs), true);
  });

  it("what was never seen is taken to cost as much as the other write; with nothing seen, together", () => {
    assert.equal(cheaperTogether(commands(2), callCosts()), true);
    assert.equal(cheaperTogether(commands(2), seen({ single: 5_000 })), true);
    assert.equal(cheaperTogether(commands(2), seen({ whole: 5_000 })), true);
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
