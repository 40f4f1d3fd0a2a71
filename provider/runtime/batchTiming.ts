/**
 * When a batch of writes goes: a pure policy over the times it is told. The engine runs at most
 * `--parallel` steps at once and sends the next changes only for the slots a completed batch freed,
 * spread out by its own work; a batch taken as soon as the endpoint is free would leave those for the
 * next batch, and the slots would settle into half-full batches taking turns, each costing Hasura a
 * schema rebuild. So a batch, once the endpoint is free for it:
 * - goes at once when as many changes wait as the burst has had outstanding at once (its slots are full);
 * - otherwise waits `windowMs` for the changes that arrive together (as the first batch of a burst,
 *   until none has come for that long, at most `windowMs + fillMs`: the engine's first steps arrive
 *   one by one), and goes if that filled it;
 * - otherwise waits for the rest, and goes once it is full, or once no change has come for three
 *   times the longest pause the burst has shown and at least twice `windowMs` (the last batch of an
 *   `up` is smaller than the engine's parallelism, and nothing more is coming for it), or `fillMs`
 *   after the window.
 * The window's arrivals are not held against the burst's size as they come: those beyond it are how
 * a batch learns that the engine runs more at once than it has seen so far. A burst ends when nothing
 * has been outstanding for longer than `fillMs`.
 */

/** The policy's two durations (`hasura:batchWindowMs`, `hasura:batchFillMs`). */
export interface BatchTimingSettings {
  readonly windowMs: number;
  readonly fillMs: number;
}

/** Whether the batch goes now, or else when to ask again (unless a change arrives first). */
export type BatchDecision = { readonly go: true } | { readonly go: false; readonly until: number };

/** The timing of one endpoint's batches; every method takes the time now. */
export interface BatchTiming {
  /** A change arrived. */
  arrive(now: number): void;
  /** A change heard back. */
  settle(now: number): void;
  /** The endpoint is free for the next batch, which starts filling. */
  startFill(now: number): void;
  /** Whether the filling batch goes now, with `waiting` changes in it. */
  decide(now: number, waiting: number): BatchDecision;
  /** The batch was taken and is being written. */
  taken(): void;
}

/** A new policy, with no burst under way. */
export function batchTiming(settings: BatchTimingSettings): BatchTiming {
  const { windowMs, fillMs } = settings;
  // The burst: the changes outstanding (waiting or being written) and the most at once, which is
  // the engine's --parallel as seen from here; whether a batch of it has gone (until one has, the
  // changes waiting are all there are, and their count says nothing of the engine's parallelism);
  // the longest pause between the arrivals of one filling batch (the engine's own pace).
  let outstanding = 0;
  let peak = 0;
  let underway = false;
  let longestPause = 0;
  let lastArrival = 0;
  let quietSince = -Infinity;
  // The filling batch: when it started, whether it has been judged at its start, and when its window ended.
  let fill: { readonly since: number; judged: boolean; restSince?: number } | undefined;

  const full = (waiting: number) => underway && peak > 1 && waiting >= peak;

  return {
    arrive(now) {
      if (outstanding === 0 && now - quietSince > fillMs) {
        peak = longestPause = 0;
        underway = false;
      }
      outstanding += 1;
      peak = Math.max(peak, outstanding);
      // A change that waited out a write says nothing about the pace: measure from when the fill began.
      if (fill !== undefined) longestPause = Math.max(longestPause, now - Math.max(lastArrival, fill.since));
      lastArrival = now;
    },
    settle(now) {
      outstanding -= 1;
      if (outstanding === 0) quietSince = now;
    },
    startFill(now) {
      fill = { since: now, judged: false };
    },
    decide(now, waiting) {
      if (fill === undefined) return { go: true };
      if (fill.restSince === undefined) {
        // Only a batch full when the endpoint becomes free goes at once: in the window, more than the
        // burst's size may come.
        if (!fill.judged && full(waiting)) return { go: true };
        fill.judged = true;
        const windowEnd = underway ? fill.since + windowMs : Math.min(Math.max(lastArrival, fill.since) + windowMs, fill.since + windowMs + fillMs);
        if (now < windowEnd) return { go: false, until: windowEnd };
        if (waiting >= peak) return { go: true };
        fill.restSince = now;
      }
      if (full(waiting)) return { go: true };
      const quiet = longestPause > 0 ? Math.max(2 * windowMs, 3 * longestPause) : fillMs;
      const until = Math.min(Math.max(lastArrival, fill.restSince) + quiet, fill.restSince + fillMs);
      return now >= until ? { go: true } : { go: false, until };
    },
    taken() {
      fill = undefined;
      underway = true;
    },
  };
}
