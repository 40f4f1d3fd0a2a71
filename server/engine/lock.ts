/**
 * A first-in-first-out async mutex: Hasura serialises every metadata request on one lock, so
 * requests are served strictly in arrival order, reads included.
 */

/** A FIFO lock; `run` waits for every earlier caller to finish. */
export class FifoLock {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  private maxWaiting = 0;
  private acquisitions = 0;

  /** Runs `action` once all earlier actions have finished; later callers wait for this one. */
  async run<T>(action: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release: () => void = () => undefined;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.waiting += 1;
    this.maxWaiting = Math.max(this.maxWaiting, this.waiting);
    try {
      await previous;
      this.acquisitions += 1;
      return await action();
    } finally {
      this.waiting -= 1;
      release();
    }
  }

  /** How many callers are in the queue now (the running one included), the most ever seen, and how many ran. */
  usage(): { queued: number; maxQueued: number; acquisitions: number } {
    return { queued: this.waiting, maxQueued: this.maxWaiting, acquisitions: this.acquisitions };
  }

  /** Forgets the high-water mark and count (stats reset). */
  resetUsage(): void {
    this.maxWaiting = this.waiting;
    this.acquisitions = 0;
  }
}
