/**
 * The write queue and its timing policy on a fake clock: which changes go in which batch, and when.
 * Nothing sleeps; the writer takes `writeMs` of fake time, as Hasura's schema rebuild would.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createCoalescer, type Coalescer, type HeldBack } from "../../../../provider/runtime/coalescer";
import type { WriteReport } from "../../../../provider/runtime/writes";
import { FakeClock } from "../../../support/fakeClock";

/** One batch as the writer saw it. */
interface Batch {
  readonly at: number;
  readonly changes: readonly string[];
  readonly together: boolean;
}

/** Defaults: `hasura:batchWindowMs` and `hasura:batchFillMs` as shipped. */
const timing = { windowMs: 20, fillMs: 250 };

/** A queue on a fake clock whose writer records each batch and takes `writeMs`; `report` may refuse one; `expectedWriteMs` is what writes are known to cost. */
function queueOn(
  clock: FakeClock,
  options: {
    readonly writeMs?: number;
    readonly coalesce?: boolean;
    readonly fillMs?: number;
    readonly windowMs?: number;
    readonly expectedWriteMs?: number;
    readonly engineParallelism?: number;
    readonly report?: (batch: Batch) => Partial<WriteReport>;
  } = {},
) {
  const batches: Batch[] = [];
  const refusals: number[] = [];
  const heldBack: HeldBack[] = [];
  const queue: Coalescer<string> = createCoalescer<string>({
    coalesce: options.coalesce ?? true,
    timing: { windowMs: options.windowMs ?? timing.windowMs, fillMs: options.fillMs ?? timing.fillMs },
    clock,
    write: async (changes, together) => {
      const batch = { at: clock.now(), changes: [...changes], together };
      batches.push(batch);
      await clock.sleep(options.writeMs ?? 100);
      return { outcomes: changes.map(() => ({ ok: true as const, step: { kind: "done" as const } })), refusedTogether: 0, ...options.report?.(batch) };
    },
    onRefusedTogether: (count) => refusals.push(count),
    // Unless a case says otherwise, writes are known to cost nothing.
    expectedWriteMs: () => ("expectedWriteMs" in options ? options.expectedWriteMs : 0),
    onHeldBack: (report) => heldBack.push(report),
    engineParallelism: () => options.engineParallelism,
  });
  return { queue, batches, refusals, heldBack };
}

/**
 * The engine's way: at most `parallel` changes outstanding; slot `s` sends its first change at
 * `firstAt(s)` and each next one `workMs(s)` after the last returned (the engine's own work between).
 */
function engine(
  clock: FakeClock,
  queue: Coalescer<string>,
  names: readonly string[],
  parallel: number,
  firstAt: (slot: number) => number,
  workMs: (slot: number) => number,
) {
  return Promise.all(
    Array.from({ length: parallel }, async (_, slot) => {
      for (let index = slot; index < names.length; index += parallel) {
        await clock.sleep(index === slot ? firstAt(slot) : workMs(slot));
        await queue.submit(names[index]);
      }
    }),
  );
}

const shape = (batches: readonly Batch[]) => batches.map((batch) => [batch.at, batch.changes.join(",")]);

describe("write queue on a fake clock", () => {
  it("a lone change goes once the window shows nothing else is coming", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    const done = queue.submit("a");
    await clock.advanceTo(1_000);
    await done;
    assert.deepEqual(batches, [{ at: 20, changes: ["a"], together: true }]);
  });

  it("before any write has shown what one costs, a burst's first change waits the fill time for the next", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { expectedWriteMs: undefined });
    // The engine checks each resource before sending its change: the second comes 120 ms after the first.
    const all = Promise.all(["a", "b", "c"].map((name, index) => clock.sleep(index * 120).then(() => queue.submit(name))));
    await clock.advanceTo(10_000);
    await all;
    // Then the pace shown (120 ms) sets the patience: three times it, at most the fill time, after the last at 240.
    assert.deepEqual(shape(batches), [[490, "a,b,c"]]);
    // A lone change waits the fill time, once; written alone it would have gone at 20.
    const loneClock = new FakeClock();
    const lone = queueOn(loneClock, { expectedWriteMs: undefined });
    const done = lone.queue.submit("a");
    await loneClock.advanceTo(1_000);
    await done;
    assert.deepEqual(shape(lone.batches), [[250, "a"]]);
  });

  it("a burst's first steps, arriving one by one, wait for each other: the batch goes once none has come for its patience", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    const run = engine(
      clock,
      queue,
      ["a", "b", "c", "d"],
      4,
      (slot) => slot * 5,
      () => 0,
    );
    await clock.advanceTo(1_000);
    await run;
    // 5 ms apart: the patience is twice the window (40 ms) after the last, at 15.
    assert.deepEqual(shape(batches), [[55, "a,b,c,d"]]);
  });

  it("as the engine refills its slots, the next batch goes the moment it holds all the engine sends at once, and the user is told once; the last, smaller, once none has come for its patience", async () => {
    const clock = new FakeClock();
    const { queue, batches, heldBack } = queueOn(clock, { fillMs: 60_000, expectedWriteMs: 100 });
    // Four slots, 10 changes: the slots' next changes come 5, 13, 21 and 29 ms after a batch returns.
    const names = "abcdefghij".split("");
    const run = engine(
      clock,
      queue,
      names,
      4,
      (slot) => slot * 5,
      (slot) => 5 + slot * 8,
    );
    await clock.advanceTo(100_000);
    await run;
    assert.deepEqual(shape(batches), [
      // First: 40 ms after the last of the first four, all the engine had sent: its limit is 4.
      [55, "a,b,c,d"],
      // The write ends at 155; e, f, g come at 160, 168, 176, and h (184) makes four: it goes at once.
      [184, "e,f,g,h"],
      // The write ends at 284; i and j come at 289 and 297, and nothing after: the batch goes 40 ms
      // (twice the window, more than three times the 8 ms pace) after j, long before the fill time.
      [337, "i,j"],
    ]);
    assert.deepEqual(heldBack, [{ parallelism: 4, writes: 2, writeMs: 100 }]);
  });

  it("told the engine's parallelism, the first batch goes the moment it holds that many, and the user is told from the second", async () => {
    const clock = new FakeClock();
    const { queue, batches, heldBack } = queueOn(clock, { expectedWriteMs: undefined, engineParallelism: 4 });
    // The same engine as above: four slots, 10 changes.
    const run = engine(
      clock,
      queue,
      "abcdefghij".split(""),
      4,
      (slot) => slot * 5,
      (slot) => 5 + slot * 8,
    );
    await clock.advanceTo(100_000);
    await run;
    assert.deepEqual(shape(batches), [
      // At d, the fourth, with no wait for a quiet (before any write has shown its cost, the fill time: 265).
      [15, "a,b,c,d"],
      [144, "e,f,g,h"],
      // The last two, fewer than the engine runs at once: after a quiet of the fill time, from j at 257.
      [507, "i,j"],
    ]);
    assert.deepEqual(heldBack, [{ parallelism: 4, writes: 2 }]);
  });

  it("changes the engine announced (new resources' checks) hold the batch until they come, and their lateness is not its pace", async () => {
    // --parallel 4, 10 new resources, as the engine runs them: it checks each (5 ms, every 30 ms as the
    // program declares them) and sends its create 80 ms after the check (recording the step), or, when
    // its 4 slots are taken, 5 ms after one frees. The last batch holds 2.
    const run = async (announcing: boolean) => {
      const clock = new FakeClock();
      const { queue, batches } = queueOn(clock, { writeMs: 200, expectedWriteMs: 200, engineParallelism: 4 });
      let free = 4;
      const freed: (() => void)[] = [];
      const slot = async () => {
        while (free === 0) await new Promise<void>((resolve) => freed.push(resolve));
        free -= 1;
      };
      const release = () => {
        free += 1;
        void clock.sleep(5).then(() => freed.shift()?.());
      };
      const creates: Promise<void>[] = [];
      const program = (async () => {
        for (const name of "abcdefghij") {
          const end = queue.engineCall();
          await clock.sleep(5);
          end(announcing);
          creates.push(
            clock.sleep(80).then(async () => {
              await slot();
              await queue.submit(name);
              release();
            }),
          );
          await clock.sleep(25);
        }
      })();
      await clock.advanceTo(100_000);
      await program;
      await Promise.all(creates);
      return shape(batches);
    };
    // Told nothing, the engine's 80 ms between a check and its create looked like its pace: the last
    // two waited for three times that (the fill time, 250 ms) after j.
    assert.deepEqual(await run(false), [
      [175, "a,b,c,d"],
      [380, "e,f,g,h"],
      [835, "i,j"],
    ]);
    // Told, they went once nothing more was owed, after three times the program's own pace (25 ms
    // between two checks): i and j came at 585, when the second write freed the slots.
    assert.deepEqual(await run(true), [
      [175, "a,b,c,d"],
      [380, "e,f,g,h"],
      [660, "i,j"],
    ]);
  });

  it("a change that was announced and never comes (the engine stopped) holds the batch no longer than the longest patience", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { writeMs: 200, expectedWriteMs: 0 });
    const done = (async () => {
      for (let index = 0; index < 2; index++) {
        const end = queue.engineCall();
        await clock.sleep(5);
        end(true);
      }
      await clock.sleep(100);
      await queue.submit("a");
    })();
    await clock.advanceTo(100_000);
    await done;
    // a came at 110, the first announced; the second, announced at 10, held the batch until it was 2 s old.
    assert.deepEqual(shape(batches), [[2_010, "a"]]);
  });

  it("a parallelism the engine's changes outnumber is not its limit: batches wait for quiet", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { engineParallelism: 2 });
    const all = Promise.all(["a", "b", "c"].map((name) => queue.submit(name)));
    await clock.advanceTo(1_000);
    await all;
    assert.deepEqual(shape(batches), [[20, "a,b,c"]]);
  });

  it("with no limit on the engine, a burst whose changes keep coming is one write", async () => {
    // --parallel unbounded: the engine sends a change every 20 ms without waiting for any to return.
    const clock = new FakeClock();
    const { queue, batches, heldBack } = queueOn(clock, { writeMs: 200, expectedWriteMs: 200 });
    const names = Array.from({ length: 100 }, (_, index) => `r${index}`);
    const all = Promise.all(names.map((name, index) => clock.sleep(index * 20).then(() => queue.submit(name))));
    await clock.advanceTo(100_000);
    await all;
    // The last came at 1,980; the patience is three times the 20 ms pace.
    assert.deepEqual(
      batches.map((batch) => [batch.at, batch.changes.length]),
      [[2_040, 100]],
    );
    assert.deepEqual(heldBack, []);
  });

  it("with no limit on the engine and a pace slower than the window, the pace shown during the first write keeps the rest together", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { writeMs: 200, expectedWriteMs: 200 });
    const all = Promise.all(Array.from({ length: 50 }, (_, index) => clock.sleep(index * 60).then(() => queue.submit(`r${index}`))));
    await clock.advanceTo(100_000);
    await all;
    // The first waits a quarter of a write (50 ms) and goes alone; four more come 60 ms apart while it
    // is written, so the next batch's patience is three times that, and it takes all the rest.
    assert.deepEqual(
      batches.map((batch) => [batch.at, batch.changes.length]),
      [
        [50, 1],
        [3_120, 49],
      ],
    );
  });

  it("unchanged resources between changed ones, checked and diffed by the engine, keep the burst together", async () => {
    // --parallel unbounded, an up whose program declares 10 changed resources, then 40 unchanged, then 10 changed:
    // the engine checks and diffs each in turn (20 ms each, 10 ms apart), and sends a change for the changed ones.
    const run = async (withCalls: boolean) => {
      const clock = new FakeClock();
      const { queue, batches } = queueOn(clock, { writeMs: 200, expectedWriteMs: 200 });
      const changes: Promise<unknown>[] = [];
      const program = (async () => {
        for (let index = 0; index < 60; index++) {
          const end = withCalls ? queue.engineCall() : () => undefined;
          await clock.sleep(20);
          end();
          if (index < 10 || index >= 50) changes.push(queue.submit(`r${index}`));
          await clock.sleep(10);
        }
      })();
      await clock.advanceTo(100_000);
      await program;
      await Promise.all(changes);
      return batches.map((batch) => [batch.at, batch.changes.length]);
    };
    // Seen only by its changes, the engine seemed quiet for 1.2 s after the first ten: two writes, each
    // three times the 30 ms pace after its last change (290 and 1,790).
    assert.deepEqual(await run(false), [
      [380, 10],
      [1_880, 10],
    ]);
    // Seen by its calls too, it never was: one write, a quarter of a write (50 ms) after the last change.
    assert.deepEqual(await run(true), [[1_840, 20]]);
  });

  it("a check under way holds the batch, however long it takes, and the batch goes a patience after it ends", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { expectedWriteMs: 0 });
    const first = queue.submit("a");
    // The next resource's check waits 5 s for a slow read, then its change comes.
    const end = queue.engineCall();
    const second = clock.sleep(5_000).then(() => {
      end();
      return clock.sleep(5).then(() => queue.submit("b"));
    });
    await clock.advanceTo(100_000);
    await Promise.all([first, second]);
    // b came at 5,005: the pace is its 5 ms pause after the check, so the patience is twice the window.
    assert.deepEqual(shape(batches), [[5_045, "a,b"]]);
  });

  it("before any write has shown what one costs, a burst still waits at least twice the window", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { windowMs: 1_000, expectedWriteMs: undefined });
    const all = Promise.all(["a", "b"].map((name, index) => clock.sleep(index * 10).then(() => queue.submit(name))));
    await clock.advanceTo(10_000);
    await all;
    // Twice the window after b, not the fill time (250 ms).
    assert.deepEqual(shape(batches), [[2_010, "a,b"]]);
  });

  it("a call that ends without a change lets the batch go once the engine has been quiet for the patience", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { expectedWriteMs: 0 });
    const done = queue.submit("a");
    const end = queue.engineCall();
    clock.sleep(300).then(() => end());
    await clock.advanceTo(10_000);
    await done;
    // Alone, a would have gone at 20; the call held it until 300, then the window.
    assert.deepEqual(shape(batches), [[320, "a"]]);
  });

  it("before any write has shown what one costs, a batch waits at least the fill time for the next change", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { expectedWriteMs: undefined });
    // Ten changes 10 ms apart, then a pause of 200 ms (the engine busy elsewhere), then ten more.
    const all = Promise.all(Array.from({ length: 20 }, (_, index) => clock.sleep(index * 10 + (index >= 10 ? 200 : 0)).then(() => queue.submit(`r${index}`))));
    await clock.advanceTo(10_000);
    await all;
    // Three times the pace shown before the pause (30 ms) would have sent the first ten alone.
    assert.deepEqual(
      batches.map((batch) => [batch.at, batch.changes.length]),
      [[640, 20]],
    );
  });

  it("however long changes keep coming, a batch waits at most a minute", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    // One change every 30 ms for 75 s, each well within the patience (90 ms) of the one before.
    const all = Promise.all(Array.from({ length: 2_500 }, (_, index) => clock.sleep(index * 30).then(() => queue.submit(`r${index}`))));
    await clock.advanceTo(1_000_000);
    await all;
    // The first goes alone after the window; the second batch starts when its write ends, at 120,
    // and goes at the safety net, a minute later, with all that came until then.
    assert.deepEqual(
      batches.slice(0, 2).map((batch) => [batch.at, batch.changes.length]),
      [
        [20, 1],
        [60_120, 2_004],
      ],
    );
  });

  it("the dearer a write, the longer a batch waits for the next change: a quarter of its cost", async () => {
    const arrivals = ["a", "b", "c"].map((name, index) => [name, index * 350] as const);
    const run = async (expectedWriteMs: number | undefined) => {
      const clock = new FakeClock();
      const { queue, batches } = queueOn(clock, { expectedWriteMs });
      const all = Promise.all(arrivals.map(([name, at]) => clock.sleep(at).then(() => queue.submit(name))));
      await clock.advanceTo(100_000);
      await all;
      return shape(batches);
    };
    // Writes of 2 s: 500 ms of patience, so the three go together, 500 ms after the last.
    assert.deepEqual(await run(2_000), [[1_200, "a,b,c"]]);
    // Free writes: each goes on its own, after the window (a, the burst's first) or twice it (b and c).
    assert.deepEqual(await run(0), [
      [20, "a"],
      [390, "b"],
      [740, "c"],
    ]);
  });

  it("fills each write to the engine's parallelism when the engine refills its slots as writes complete", async () => {
    // Moved from test/provider/coalescedWrites.test.ts, where it slept on the real clock: 32 changes,
    // at most 8 at once, the engine's work between them spreading a round over tens of milliseconds.
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    const names = Array.from({ length: 32 }, (_, index) => `slot${index}`);
    const run = engine(
      clock,
      queue,
      names,
      8,
      (slot) => slot * 12,
      (slot) => slot * 12,
    );
    await clock.advanceTo(100_000);
    await run;
    assert.deepEqual(
      batches.map((batch) => batch.changes.length),
      [8, 8, 8, 8],
    );
  });

  it("a change arriving while a write is under way waits for it, and goes as the next batch", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    const first = queue.submit("a");
    clock.sleep(50).then(() => queue.submit("b"));
    await clock.advanceTo(10_000);
    await first;
    // a goes at 20 and is written until 120. b came at 50, during the write: it waits for the
    // endpoint, then the burst's patience (twice the window) for company, and goes alone.
    assert.deepEqual(shape(batches), [
      [20, "a"],
      [160, "b"],
    ]);
  });

  it("a quiet spell longer than the fill time ends the burst: a later lone change goes after the window, as a first one does", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock);
    const pair = Promise.all(["a", "b"].map((name) => queue.submit(name)));
    clock.sleep(1_000).then(() => queue.submit("c"));
    await clock.advanceTo(10_000);
    await pair;
    // Had the burst of two gone on, c would have waited twice the window, until 1,040.
    assert.deepEqual(shape(batches), [
      [20, "a,b"],
      [1_020, "c"],
    ]);
  });

  it("after Hasura refused a batch it then took change by change, writes go one at a time, and the user is told once", async () => {
    const clock = new FakeClock();
    const { queue, batches, refusals } = queueOn(clock, { report: (batch) => ({ refusedTogether: batch.together ? batch.changes.length : 0 }) });
    const first = Promise.all(["a", "b"].map((name) => queue.submit(name)));
    await clock.advanceTo(1_000);
    await first;
    const second = Promise.all(["c", "d"].map((name) => queue.submit(name)));
    await clock.advanceTo(2_000);
    await second;
    assert.deepEqual(
      batches.map((batch) => [batch.changes.join(","), batch.together]),
      [
        ["a,b", true],
        ["c,d", false],
      ],
    );
    assert.deepEqual(refusals, [2]);
  });

  it("each change hears its own outcome, and a writer that throws still answers every change", async () => {
    const clock = new FakeClock();
    const queue = createCoalescer<string>({
      coalesce: true,
      timing,
      clock,
      write: async (changes) => {
        if (changes.includes("boom")) throw new Error("a bug");
        return {
          outcomes: changes.map((change) =>
            change === "no" ? { ok: false as const, error: new Error(`refused ${change}`) } : { ok: true as const, step: { kind: "done" as const } },
          ),
          refusedTogether: 0,
        };
      },
    });
    const outcomes = Promise.allSettled(["yes", "no"].map((name) => queue.submit(name)));
    await clock.advanceTo(1_000);
    assert.deepEqual(
      (await outcomes).map((outcome) => (outcome.status === "fulfilled" ? outcome.value.kind : String(outcome.reason.message))),
      ["done", "refused no"],
    );
    const failed = Promise.allSettled(["boom", "other"].map((name) => queue.submit(name)));
    await clock.advanceTo(2_000);
    assert.deepEqual(
      (await failed).map((outcome) => outcome.status === "rejected" && String(outcome.reason.message)),
      ["a bug", "a bug"],
    );
  });

  it("with coalescing off, each change is written alone, one after another, never two at once", async () => {
    const clock = new FakeClock();
    const { queue, batches } = queueOn(clock, { coalesce: false });
    const all = Promise.all(["a", "b", "c"].map((name) => queue.submit(name)));
    await clock.advanceTo(1_000);
    await all;
    assert.deepEqual(batches, [
      { at: 0, changes: ["a"], together: false },
      { at: 100, changes: ["b"], together: false },
      { at: 200, changes: ["c"], together: false },
    ]);
  });
});
