import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { goneAfterLooks, lookEveryMs, watchEngine, type EngineProbe } from "../../../../provider/runtime/engineWatch";

/** Drives a watch by hand: each scheduled look runs when `next()` is called, and the probe answers from a script. */
function scriptedWatch(answers: readonly (EngineProbe | Error)[]) {
  const scheduled: { look: () => void; ms: number }[] = [];
  const state = { probes: 0, gone: 0 };
  watchEngine({
    probe: () => {
      const answer = answers[state.probes++] ?? "alive";
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    later: (look, ms) => scheduled.push({ look, ms }),
    onGone: () => (state.gone += 1),
  });
  return {
    state,
    scheduled,
    /** Runs the next scheduled look and lets its probe answer. */
    async next() {
      const step = scheduled.shift();
      assert.ok(step, "no look is scheduled");
      step.look();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("engine watch", () => {
  it("believes the engine gone only after its address refused the connection several looks in a row, then stops looking", async () => {
    const watch = scriptedWatch(["alive", "refused", "refused", "alive", ...Array<EngineProbe>(goneAfterLooks).fill("refused"), "alive"]);
    for (let look = 0; look < 4 + goneAfterLooks - 1; look++) await watch.next();
    assert.equal(watch.state.gone, 0);
    await watch.next();
    assert.equal(watch.state.gone, 1);
    assert.equal(watch.scheduled.length, 0);
    assert.equal(watch.state.probes, 4 + goneAfterLooks);
  });

  it("believes the engine gone at once when this process has another parent", async () => {
    const watch = scriptedWatch(["alive", "orphaned", "alive"]);
    await watch.next();
    assert.equal(watch.state.gone, 0);
    await watch.next();
    assert.equal(watch.state.gone, 1);
    assert.equal(watch.scheduled.length, 0);
  });

  it("counts neither an unanswered look nor a failed probe as refused, and keeps looking at the same pace", async () => {
    const watch = scriptedWatch(["refused", "unknown", "refused", new Error("probe failed"), "refused", "refused"]);
    for (let look = 0; look < 6; look++) await watch.next();
    assert.equal(watch.state.gone, 0);
    assert.deepEqual(
      watch.scheduled.map((step) => step.ms),
      [lookEveryMs],
    );
  });

  it("looks one at a time: the next look is scheduled only once the last one answered", async () => {
    const watch = scriptedWatch([]);
    assert.equal(watch.scheduled.length, 1);
    await watch.next();
    assert.equal(watch.scheduled.length, 1);
    assert.equal(watch.state.probes, 1);
  });
});
