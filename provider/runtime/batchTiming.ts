/**
 * When a batch of writes goes: a pure policy over the times it is told. Each write costs Hasura a
 * schema rebuild, so changes that come close together should go as one; but while a batch waits,
 * its changes wait too. So a batch waits for more only while more is likely and worth waiting for:
 *
 * - It waits while changes keep coming, and goes once the engine has been quiet for its patience: at
 *   least twice `windowMs`, three times the longest pause the burst has shown (the engine's own
 *   pace; at most `fillMs`), and a quarter of what a write is expected to cost (a write of seconds is
 *   worth a few hundred milliseconds of waiting for the rest of a burst; a free one is not), at most
 *   `maxPatienceMs`. Before any write has shown what one costs (the first of each process, which
 *   may cost seconds), at least `fillMs`: a first change written alone would cost a rebuild more
 *   than the whole burst needs. A lone change, with no pace learned and writes that cost nothing,
 *   goes once the engine has been quiet for `windowMs`.
 * - The engine checks and diffs each resource of the program, one at a time, before it sends the
 *   resource's change (if any): those calls show it is still working through the program, so the
 *   engine is quiet only when none is under way and none has begun or ended, nor any change come,
 *   for the patience. A stretch of unchanged resources between two changed ones, or one check
 *   waiting for a slow read, is not the end of a burst.
 * - A check of a new resource, or a diff that finds a change, tells that a change is coming (outside a
 *   preview): the engine sends it once it has recorded the step, tens to hundreds of milliseconds
 *   later, or once one of its slots frees. While a change announced in the last `maxPatienceMs` is
 *   owed, the batch waits for it; older announcements (a change queued behind the engine's slots, a
 *   run the engine stopped) are forgotten. The engine's delay in sending an owed change is not its
 *   pace, so it does not lengthen the patience once all have come.
 * - The engine runs at most `--parallel` changes at once and sends the next ones only for the slots
 *   a completed batch freed. The program is told that number and passes it on, when its SDK does
 *   (`parallelism`); else a batch that went because no more came, while it held every change
 *   outstanding, shows the limit: the engine had sent all it would. A batch that holds as many goes
 *   at once, with no wait for a quiet that cannot tell it more (`heldBack` from the second batch of
 *   a burst: the engine, not Hasura, sets how many writes the burst takes). Once more than that are
 *   outstanding, the limit was not one, and batches wait for quiet again. With no limit (`--parallel`
 *   unbounded) a burst's changes keep coming, and a batch waits for all of them.
 * - However long changes keep coming, a batch waits at most `maxFillMs`. While the engine streams
 *   changes, waiting for the last costs nothing: the write that would have gone earlier would only
 *   have run beside the stream, and another would follow it.
 * A burst ends when nothing has been outstanding for longer than `fillMs` and the patience.
 */

/** The policy's durations (`hasura:batchWindowMs`, `hasura:batchFillMs`). */
export interface BatchTimingSettings {
  readonly windowMs: number;
  readonly fillMs: number;
}

/** The longest a batch waits for the next change, however dear the writes. */
const maxPatienceMs = 2_000;

/** The longest a batch waits however long changes keep coming: a safety net, not a policy. */
const maxFillMs = 60_000;

/** The engine's limit, when a batch goes because it reached it: the limit, and the batch's number in its burst. */
export interface HeldBackBatch {
  readonly parallelism: number;
  readonly batch: number;
}

/** Whether the batch goes now, or else when to ask again (unless a change arrives first). */
export type BatchDecision = { readonly go: true; readonly heldBack?: HeldBackBatch } | { readonly go: false; readonly until: number };

/** The timing of one endpoint's batches; every method takes the time now. */
export interface BatchTiming {
  /** A change arrived. */
  arrive(now: number): void;
  /** A change heard back. */
  settle(now: number): void;
  /** The engine began checking or diffing a resource of this provider. */
  engineCallBegan(now: number): void;
  /** That call returned (or failed); `announces` when it told that the resource's change is coming. */
  engineCallEnded(now: number, announces?: boolean): void;
  /** The endpoint is free for the next batch, which starts filling. */
  startFill(now: number): void;
  /**
   * Whether the filling batch goes now, with `waiting` changes in it, when a write is expected to cost
   * `writeMs` and the engine runs `parallelism` changes at once (undefined: not known yet).
   */
  decide(now: number, waiting: number, writeMs: number | undefined, parallelism?: number): BatchDecision;
  /** The batch was taken and is being written. */
  taken(): void;
}

/** A new policy, with no burst under way. */
export function batchTiming(settings: BatchTimingSettings): BatchTiming {
  const { windowMs, fillMs } = settings;
  // The burst: the changes outstanding (waiting or being written), the engine's limit when one has
  // shown, how many batches have gone, the longest pause the engine made while a batch filled.
  let outstanding = 0;
  let limit: number | undefined;
  let batches = 0;
  let longestPause = 0;
  // The engine's calls under way (checks and diffs), and when it was last seen: a change came, or a call began or ended.
  let busy = 0;
  let lastSeen = 0;
  // How many batches had gone when the engine was last seen in this burst (-1: not yet in it).
  let lastSeenBatch = -1;
  let quietSince = -Infinity;
  let lastPatience = 0;
  let fillingSince: number | undefined;
  // When each change the engine announced and has not sent yet was announced, oldest first.
  const owed: number[] = [];

  const patience = (writeMs: number | undefined) =>
    Math.max(
      batches === 0 && longestPause === 0 ? windowMs : 2 * windowMs,
      // While no write has shown what one costs (a process's first may cost seconds), the fill time.
      writeMs === undefined ? fillMs : 0,
      Math.min(fillMs, 3 * longestPause),
      Math.min(maxPatienceMs, (writeMs ?? 0) / 4),
    );

  /** Forgets the announcements older than the longest patience. */
  const forgetOld = (now: number) => {
    while (owed.length > 0 && now - owed[0] > maxPatienceMs) owed.shift();
  };

  /**
   * The engine was seen: a change came or a call began. The engine's pace is a pause between two
   * sightings with no batch taken between them; across a batch, the pause is the write's, and only
   * the part since the fill began says anything. A call's own length is not a pause: while one is
   * under way, the batch waits for it anyway.
   */
  const seen = (now: number) => {
    if (lastSeenBatch === batches) longestPause = Math.max(longestPause, now - lastSeen);
    else if (fillingSince !== undefined && lastSeenBatch >= 0) longestPause = Math.max(longestPause, now - fillingSince);
    lastSeen = now;
    lastSeenBatch = batches;
  };

  return {
    arrive(now) {
      if (outstanding === 0 && now - quietSince > Math.max(fillMs, lastPatience)) {
        limit = undefined;
        longestPause = batches = 0;
        lastSeenBatch = -1;
      }
      outstanding += 1;
      if (limit !== undefined && outstanding > limit) limit = undefined;
      forgetOld(now);
      const announced = owed.shift() !== undefined;
      // A burst's first change starts its pace; the calls before it (an up's unchanged resources) say
      // nothing of it. Nor does the wait for a change the engine owed: that is its bookkeeping.
      if (lastSeenBatch < 0 || announced) {
        lastSeen = now;
        lastSeenBatch = batches;
      } else seen(now);
    },
    settle(now) {
      outstanding -= 1;
      if (outstanding === 0) quietSince = now;
    },
    engineCallBegan(now) {
      busy += 1;
      if (lastSeenBatch >= 0) seen(now);
    },
    engineCallEnded(now, announces = false) {
      busy = Math.max(0, busy - 1);
      lastSeen = now;
      if (announces) owed.push(now);
    },
    startFill(now) {
      fillingSince = now;
    },
    decide(now, waiting, writeMs, parallelism) {
      if (fillingSince === undefined) return { go: true };
      const engineLimit = limit ?? (parallelism !== undefined && outstanding <= parallelism ? parallelism : undefined);
      if (engineLimit !== undefined && engineLimit > 1 && waiting >= engineLimit)
        return batches === 0 ? { go: true } : { go: true, heldBack: { parallelism: engineLimit, batch: batches + 1 } };
      const lastResort = fillingSince + maxFillMs;
      // A call under way may send a change: asked again when it ends (or at the last resort).
      if (busy > 0 && now < lastResort) return { go: false, until: lastResort };
      lastPatience = patience(writeMs);
      forgetOld(now);
      // A change the engine owes comes unless the engine stopped: the batch waits until the last announced is as old as the longest patience.
      const quietUntil = Math.max(Math.max(lastSeen, fillingSince) + lastPatience, owed.length > 0 ? owed[owed.length - 1] + maxPatienceMs : -Infinity);
      const until = Math.min(quietUntil, lastResort);
      if (now < until) return { go: false, until };
      // Nothing more came while every change the engine had sent was waiting here: that is all it sends at once.
      if (now >= quietUntil && waiting === outstanding) limit = waiting;
      return { go: true };
    },
    taken() {
      fillingSince = undefined;
      batches += 1;
    },
  };
}
