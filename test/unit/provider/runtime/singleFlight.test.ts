import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { keyedSingleFlight, singleFlight } from "../../../../provider/runtime/singleFlight";

/** A read the test answers by hand, counting how many were started. */
function reads() {
  const pending: { resolve(value: string): void; reject(error: Error): void }[] = [];
  return {
    started: () => pending.length,
    read: () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })),
    answer: (index: number, value: string) => pending[index].resolve(value),
    fail: (index: number, message: string) => pending[index].reject(new Error(message)),
  };
}

describe("singleFlight", () => {
  it("callers that ask while a read is under way share it, and its answer serves for keepMs", async () => {
    let now = 0;
    const shared = singleFlight<string>({ keepMs: 100, now: () => now });
    const source = reads();
    const first = shared.get(source.read);
    const second = shared.get(source.read);
    source.answer(0, "v1");
    assert.deepEqual(await Promise.all([first, second]), ["v1", "v1"]);
    now = 99;
    assert.equal(await shared.get(source.read), "v1");
    assert.equal(source.started(), 1);
    now = 100;
    const third = shared.get(source.read);
    source.answer(1, "v2");
    assert.equal(await third, "v2");
    assert.equal(source.started(), 2);
  });

  it("an expired value is let go when the read that replaces it starts, not when it ends", async () => {
    // The collector, as --expose-gc gives it, without the flag on the command line.
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    let now = 0;
    const shared = singleFlight<{ readonly document: number[] }>({ keepMs: 100, now: () => now });
    let answerSecond: ((value: { readonly document: number[] }) => void) | undefined;
    const old = await (async () => {
      const value = await shared.get(async () => ({ document: Array.from({ length: 1_000 }, (_, index) => index) }));
      return new WeakRef(value);
    })();
    now = 100;
    const second = shared.get(() => new Promise((resolve) => (answerSecond = resolve)));
    // A turn of the event loop, so that the WeakRef no longer holds the value itself.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(old.deref(), undefined, "the expired value is still held while the new read is under way");
    answerSecond?.({ document: [] });
    assert.deepEqual(await second, { document: [] });
  });

  it("a failed read is kept for no one: the next caller reads again", async () => {
    const shared = singleFlight<string>({ keepMs: Infinity, now: () => 0 });
    const source = reads();
    const failing = shared.get(source.read);
    source.fail(0, "down");
    await assert.rejects(failing, /down/);
    const again = shared.get(source.read);
    source.answer(1, "up");
    assert.equal(await again, "up");
  });

  it("a read under way when the value is invalidated answers its callers but is kept for no one after", async () => {
    const shared = singleFlight<string>({ keepMs: Infinity, now: () => 0 });
    const source = reads();
    const before = shared.get(source.read);
    shared.invalidate();
    const after = shared.get(source.read);
    assert.equal(source.started(), 2, "a caller after the invalidation does not join the read made before it");
    source.answer(0, "old");
    source.answer(1, "new");
    assert.equal(await before, "old");
    assert.equal(await after, "new");
    assert.equal(await shared.get(source.read), "new");
  });

  it("fresh reads anew, and later callers share the fresh read; set keeps a value as if read", async () => {
    const shared = singleFlight<string>({ keepMs: Infinity, now: () => 0 });
    const source = reads();
    const kept = shared.get(source.read);
    source.answer(0, "kept");
    await kept;
    const fresh = shared.get(source.read, { fresh: true });
    const joining = shared.get(source.read);
    source.answer(1, "fresh");
    assert.deepEqual(await Promise.all([fresh, joining]), ["fresh", "fresh"]);
    assert.equal(source.started(), 2);
    shared.set("written");
    assert.equal(await shared.get(source.read), "written");
    assert.equal(source.started(), 2);
  });

  it("by key: each key is read once and shared, a failed one read again, and one key's read never answers another", async () => {
    const shared = keyedSingleFlight<string, string>({ keepMs: Infinity, now: () => 0 });
    const source = reads();
    const [a1, a2, b] = [shared.get("a", source.read), shared.get("a", source.read), shared.get("b", source.read)];
    assert.equal(source.started(), 2);
    source.answer(1, "for b");
    source.fail(0, "a down");
    await assert.rejects(a1, /a down/);
    await assert.rejects(a2, /a down/);
    assert.equal(await b, "for b");
    const again = shared.get("a", source.read);
    source.answer(2, "for a");
    assert.equal(await again, "for a");
    assert.deepEqual(await Promise.all([shared.get("a", source.read), shared.get("b", source.read)]), ["for a", "for b"]);
    assert.equal(source.started(), 3);
  });
});
