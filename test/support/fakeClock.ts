import type { Clock } from "../../provider/runtime/coalescer";

/**
 * A clock that moves only when a test moves it. Its timers fire in time order (and in the order they
 * were set, at one time); after each, every promise chain it started runs until it waits again, so a
 * test sees the state the real clock would show at that moment, without sleeping.
 */
export class FakeClock implements Clock {
  private time = 0;
  private nextId = 0;
  private timers: { readonly at: number; readonly id: number; readonly wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  wakeAt(at: number, wake: () => void): () => void {
    const timer = { at, id: this.nextId++, wake };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  }

  /** Resolves `ms` from now on this clock. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.wakeAt(this.time + ms, resolve));
  }

  /** Moves to `to`, firing every timer due on the way. */
  async advanceTo(to: number): Promise<void> {
    await settle();
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= to).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.wake();
      await settle();
    }
    this.time = Math.max(this.time, to);
    await settle();
  }
}

/** Lets every promise chain that can move, move: the microtask queue drains before the next macrotask. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
