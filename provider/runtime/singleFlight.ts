/**
 * One value read from Hasura on demand and shared. Callers that ask while it is being read share that
 * one read; its answer then serves later callers for `keepMs`. A read that fails is kept for no one:
 * the next caller reads again. `invalidate` forgets the value and any read under way, which still
 * answers the callers who asked for it but is kept for no one after: what was read before a change
 * must not be served after it.
 */

/** A shared value; see the module comment for its rules. */
export interface SingleFlight<T> {
  /** The value kept, else the read under way, else a new `read()`; `fresh` skips both and reads anew (and is what later callers then share). */
  get(read: () => Promise<T>, options?: { readonly fresh?: boolean }): Promise<T>;
  /** Keeps `value` as if it had just been read. */
  set(value: T): void;
  /** Forgets the value and the read under way. */
  invalidate(): void;
}

/** How long an answer serves, and the clock it is measured with. */
export interface KeepRule {
  /** How long an answer serves later callers; `Infinity` for the life of the process, 0 for none after the callers who shared its read. */
  readonly keepMs: number;
  readonly now: () => number;
}

/** A new, empty shared value. */
export function singleFlight<T>(rule: KeepRule): SingleFlight<T> {
  let kept: { readonly value: T; readonly at: number } | undefined;
  let reading: Promise<T> | undefined;
  // Moves whenever what was read may no longer hold: a read keeps its answer only if it did not move meanwhile.
  let generation = 0;

  const invalidate = () => {
    generation += 1;
    kept = undefined;
    reading = undefined;
  };

  return {
    get(read, options = {}) {
      if (options.fresh) invalidate();
      if (kept !== undefined) {
        if (rule.now() - kept.at < rule.keepMs) return Promise.resolve(kept.value);
        // Served to no one again, so not kept alive beside the read that replaces it: on a large
        // Hasura the document is tens of megabytes, and two at once were the provider's peak memory.
        kept = undefined;
      }
      if (reading !== undefined) return reading;
      const sentIn = generation;
      const started = read().then((value) => {
        if (generation === sentIn) kept = { value, at: rule.now() };
        return value;
      });
      reading = started;
      const done = () => {
        if (reading === started) reading = undefined;
      };
      started.then(done, done);
      return started;
    },
    set(value) {
      invalidate();
      kept = { value, at: rule.now() };
    },
    invalidate,
  };
}

/** Shared values by key (a remote schema's name, a source's name), each kept by the same rule. */
export interface KeyedSingleFlight<K, T> {
  /** The value of `key`, by the rules of `SingleFlight.get`. */
  get(key: K, read: () => Promise<T>): Promise<T>;
}

/** A new, empty map of shared values, each made on first use. */
export function keyedSingleFlight<K, T>(rule: KeepRule): KeyedSingleFlight<K, T> {
  const values = new Map<K, SingleFlight<T>>();
  return {
    get(key, read) {
      let value = values.get(key);
      if (value === undefined) {
        value = singleFlight<T>(rule);
        values.set(key, value);
      }
      return value.get(read);
    },
  };
}
