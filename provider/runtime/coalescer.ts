/**
 * The write queue of one endpoint: changes wait here while a batch is written, and go as the next
 * batch when the timing policy (./batchTiming.ts) says so; one batch at a time, so this process never
 * races itself into conflicts. Each change hears its own outcome. What a batch does is the writer's
 * business (./writes.ts); when it goes, the policy's; this file only keeps the queue and the clock.
 */
import type { Step } from "../plans";
import { batchTiming, type BatchTimingSettings } from "./batchTiming";
import type { WriteReport } from "./writes";

/** The clock the queue waits by: real time in the provider, a fake one in the tests. */
export interface Clock {
  now(): number;
  /** Calls `wake` at time `at` or soon after; the function returned cancels it. */
  wakeAt(at: number, wake: () => void): () => void;
}

/** Real time. */
const realClock: Clock = {
  now: () => Date.now(),
  wakeAt: (at, wake) => {
    const timer = setTimeout(wake, Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  },
};

/** Takes changes for one endpoint and applies them, alone or together. */
export interface Coalescer<T> {
  submit(change: T): Promise<Step>;
  /**
   * The engine began checking or diffing a resource, whose change may join the filling batch; the
   * function returned says the call ended, and whether it announced that change. See ./batchTiming.ts.
   */
  engineCall(): (announces?: boolean) => void;
}

/** What the queue needs: whether to batch at all, the policy's durations, the writer and the clock. */
export interface CoalescerOptions<T> {
  /** `hasura:coalesceWrites`: when false, each change is written alone, one at a time. */
  readonly coalesce: boolean;
  readonly timing: BatchTimingSettings;
  /** Writes a batch; `together` allows one whole-document write for it. */
  write(changes: readonly T[], together: boolean): Promise<WriteReport>;
  /** Told when Hasura refused to take changes together that it took one by one: from then on, this queue writes each alone. */
  onRefusedTogether?(count: number): void;
  /** What the next write is expected to cost, in ms (undefined until known): dear writes are worth waiting longer for. */
  expectedWriteMs?(): number | undefined;
  /** How many changes the engine runs at once, when the program said (its `--parallel`). */
  engineParallelism?(): number | undefined;
  /**
   * Told once, when a batch goes because the engine sent all it runs at once and the burst has been
   * written before: the engine's parallelism, not Hasura, is setting how many writes it takes.
   */
  onHeldBack?(report: HeldBack): void;
  readonly clock?: Clock;
}

/** A burst written in more batches than needed because the engine held its changes back. */
export interface HeldBack {
  /** The most changes the engine had outstanding at once: its `--parallel`, as seen from here. */
  readonly parallelism: number;
  /** This batch's number in the burst: the writes so far, this one included. */
  readonly writes: number;
  /** What one write is expected to cost, when known. */
  readonly writeMs?: number;
}

/** A change waiting for its batch, and how to tell its caller. */
interface Pending<T> {
  readonly change: T;
  resolve(step: Step): void;
  reject(error: unknown): void;
}

/** A new, empty queue. */
export function createCoalescer<T>(options: CoalescerOptions<T>): Coalescer<T> {
  const clock = options.clock ?? realClock;
  const timing = batchTiming(options.timing);
  const queue: Pending<T>[] = [];
  // Whether a batch is filling or waiting for the endpoint: the next change joins it.
  let scheduled = false;
  // Cleared once Hasura refused a batch it took change by change: writing together cannot help.
  let together = true;
  // Wakes the filling batch when a change arrives, so that the policy can look again.
  let wake: (() => void) | undefined;
  let toldHeldBack = false;
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every earlier batch of this queue has been written. */
  const exclusive = <R>(work: () => Promise<R>): Promise<R> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  const fill = async (): Promise<Pending<T>[]> => {
    timing.startFill(clock.now());
    for (;;) {
      const writeMs = options.expectedWriteMs?.();
      const decision = timing.decide(clock.now(), queue.length, writeMs, options.engineParallelism?.());
      if (decision.go) {
        if (decision.heldBack !== undefined && !toldHeldBack) {
          toldHeldBack = true;
          options.onHeldBack?.({ parallelism: decision.heldBack.parallelism, writes: decision.heldBack.batch, ...(writeMs === undefined ? {} : { writeMs }) });
        }
        break;
      }
      await new Promise<void>((resolve) => {
        const cancel = clock.wakeAt(decision.until, resolve);
        wake = () => {
          cancel();
          resolve();
        };
      });
      wake = undefined;
    }
    timing.taken();
    scheduled = false;
    return queue.splice(0, queue.length);
  };

  const writeBatch = async (batch: readonly Pending<T>[], allowTogether: boolean) => {
    try {
      const report = await options.write(
        batch.map((pending) => pending.change),
        allowTogether,
      );
      report.outcomes.forEach((outcome, index) => (outcome.ok ? batch[index].resolve(outcome.step) : batch[index].reject(outcome.error)));
      if (report.refusedTogether > 0 && together) {
        together = false;
        options.onRefusedTogether?.(report.refusedTogether);
      }
    } catch (error) {
      // A bug must not leave the engine waiting: every change still hears back.
      batch.forEach((pending) => pending.reject(error));
    }
  };

  const flush = () =>
    exclusive(async () => {
      const batch = await fill();
      if (batch.length > 0) await writeBatch(batch, together);
    });

  return {
    engineCall: () => {
      timing.engineCallBegan(clock.now());
      let ended = false;
      return (announces) => {
        if (ended) return;
        ended = true;
        timing.engineCallEnded(clock.now(), announces);
        wake?.();
      };
    },
    submit: (change) =>
      new Promise<Step>((resolve, reject) => {
        if (!options.coalesce) {
          void exclusive(() => writeBatch([{ change, resolve, reject }], false));
          return;
        }
        timing.arrive(clock.now());
        let heard = false;
        // A change hears back once; a later reject (after a bug, to every change of a batch) changes nothing.
        const hear = () => {
          if (heard) return false;
          heard = true;
          timing.settle(clock.now());
          return true;
        };
        queue.push({ change, resolve: (step) => hear() && resolve(step), reject: (error) => hear() && reject(error) });
        wake?.();
        if (!scheduled) {
          scheduled = true;
          void flush();
        }
      }),
  };
}
