/**
 * Coalesced writes: changes to one endpoint that arrive while a write is in flight, or within a short
 * window of each other, are applied together as one read-modify-write of the whole metadata (one
 * `replace_metadata`, so one schema rebuild in Hasura however many changes it carries). Each change
 * still gets its own outcome: the same plans decide as for a change alone, and when Hasura refuses
 * the batch every change in it is sent alone, so that its error is its own.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { MetadataSnapshot } from "../../model";
import { isHasuraError } from "../hasura/errors";
import { replaceMetadataRequest } from "../hasura/requests";
import type { Step } from "../plans";
import { planBatch } from "./batchPlan";
import { warn } from "./engineLog";
import { RetryBudget, type Change } from "./converge";
import { snapshotAfterReplace, type Gateway } from "./gateway";

/** A change waiting for its batch, and how to tell its caller. */
interface Pending {
  readonly change: Change;
  resolve(step: Step): void;
  reject(error: unknown): void;
}

/** Takes changes for one endpoint and applies them, alone or together. */
export interface Coalescer {
  submit(change: Change): Promise<Step>;
}

/** Coalesces the gateway's writes when its settings and API allow; `alone` applies one change by itself (the caller holds the lock). */
export function createCoalescer(gateway: Gateway, alone: (change: Change) => Promise<Step>): Coalescer {
  const queue: Pending[] = [];
  let scheduled = false;
  // Set when a batch was refused but each of its changes then went through alone: the metadata is
  // inconsistent already (replace_metadata would need all of it consistent), so batching cannot help.
  let batchingRefused = false;
  // The changes waiting or being written, and the most at once in this burst: the engine's
  // --parallel, as seen from here. A burst survives the moment a batch that held every change
  // completes (the engine sends the next ones right after); only a quiet spell longer than the fill
  // time ends it.
  let outstanding = 0;
  let peak = 0;
  let quietSince = 0;
  // Whether a batch of this burst has gone: until one has, the changes waiting are all there are, and
  // their count says nothing yet of how many the engine runs at once.
  let burstUnderway = false;
  // The longest pause between the arrivals of one batch in this burst (0 until one was seen): the
  // engine's own pace, so that a batch stops waiting once the engine has clearly sent all it will.
  let longestPause = 0;
  let lastArrival = 0;
  let fillingSince: number | undefined;
  let onArrival: (() => void) | undefined;

  // The batch is taken once the endpoint's lock is ours and its changes are all here. The engine runs
  // at most --parallel steps at once and sends the next changes only for the slots a completed batch
  // freed, spread out by its own work; taking the queue at once would leave those for the next batch,
  // and the slots would settle into half-full batches taking turns, each costing Hasura a schema
  // rebuild. So a batch:
  // - goes at once when as many changes wait as the burst has had at once (its slots are full);
  // - otherwise waits batchWindowMs for the changes that arrive together (as the first batch of a
  //   burst, until none has come for that long: the engine's first steps arrive one by one), and goes
  //   if that filled it;
  // - otherwise waits for the rest, and goes once it is full, or once no change has come for three
  //   times the longest pause the burst has shown, and at least twice batchWindowMs (the last batch
  //   of an `up` is smaller than the engine's parallelism, and nothing more is coming for it), or
  //   batchFillMs after the window.
  // The window's changes are not counted against the burst's size as they come: those that come
  // beyond it are how a batch learns that the engine runs more at once than it has seen so far.
  const waitForBatch = async () => {
    const { batchWindowMs, batchFillMs } = gateway.settings;
    const full = () => burstUnderway && peak > 1 && queue.length >= peak;
    if (full()) return;
    const begun = Date.now();
    if (burstUnderway) await sleep(batchWindowMs);
    else
      await waitUntil(
        () => false,
        () => Math.max(lastArrival, begun) + batchWindowMs,
        begun + batchWindowMs + batchFillMs,
      );
    if (queue.length >= peak) return;
    const windowEnd = Date.now();
    await waitUntil(
      full,
      () => Math.max(lastArrival, windowEnd) + (longestPause > 0 ? Math.max(2 * batchWindowMs, 3 * longestPause) : batchFillMs),
      windowEnd + batchFillMs,
    );
  };

  // Waits, waking at each arrival, until `done()` or the time `quietUntil()` gives (recomputed after each
  // arrival) or `deadline`, whichever comes first.
  const waitUntil = async (done: () => boolean, quietUntil: () => number, deadline: number) => {
    for (;;) {
      if (done()) return;
      const wait = Math.min(deadline, quietUntil()) - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        onArrival = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      onArrival = undefined;
    }
  };

  // A change that arrives while a batch fills measures the engine's pace (from the previous arrival,
  // or from when the fill began: a change that waited out a write says nothing about the pace).
  const arrived = () => {
    const now = Date.now();
    if (fillingSince !== undefined) longestPause = Math.max(longestPause, now - Math.max(lastArrival, fillingSince));
    lastArrival = now;
    onArrival?.();
  };

  const flush = () =>
    gateway.exclusive(async () => {
      fillingSince = Date.now();
      await waitForBatch().finally(() => (fillingSince = undefined));
      scheduled = false;
      const batch = queue.splice(0, queue.length);
      burstUnderway = true;
      // A bug must not leave the engine waiting: every change still hears back.
      if (batch.length > 0) await applyBatch(batch).catch((error: unknown) => batch.forEach((pending) => pending.reject(error)));
    });
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    void flush();
  };

  const applyBatch = async (batch: Pending[]) => {
    const mode = await gateway.api(batch[0].change.context).catch((error: unknown) => error);
    if (typeof mode !== "string") return batch.forEach((pending) => pending.reject(mode));
    if (mode !== "metadata" || batchingRefused || batch.length === 1) return applyEachAlone(batch);
    const budget = new RetryBudget(gateway.settings);
    let remaining = batch;
    for (let fresh = false; remaining.length > 0; fresh = true) {
      const context = { operation: "apply", command: "replace_metadata" };
      const snapshot = await gateway.observe(context, { fresh }).catch((error: unknown) => error);
      if (!isSnapshot(snapshot)) return remaining.forEach((pending) => pending.reject(snapshot));
      const plan = planBatch(
        snapshot.metadata,
        remaining.map((pending) => pending.change),
      );
      const written: Pending[] = [];
      const loners: Pending[] = [];
      plan.outcomes.forEach((outcome, index) => {
        const pending = remaining[index];
        if (outcome.kind === "settled") settle(pending, outcome.step);
        else (outcome.kind === "written" ? written : loners).push(pending);
      });
      await applyEachAlone(loners);
      if (written.length <= 1) return applyEachAlone(written);
      try {
        await gateway.write(replaceMetadataRequest(plan.metadata, snapshot.resourceVersion as number), context);
        gateway.remember(snapshotAfterReplace(plan.metadata, snapshot.resourceVersion as number));
        plan.outcomes.forEach((outcome, index) => outcome.kind === "written" && remaining[index].resolve(outcome.step));
        return;
      } catch (error) {
        if (await budget.another(error)) {
          remaining = written;
          continue;
        }
        if (isHasuraError(error) && error.status === 400) return applyRefusedBatch(written);
        return written.forEach((pending) => pending.reject(error));
      }
    }
  };

  const applyRefusedBatch = async (written: Pending[]) => {
    const results = await applyEachAlone(written);
    if (results.every((ok) => ok)) {
      batchingRefused = true;
      warn(
        `Hasura at ${gateway.endpoint} refused a whole-document write that each of its ${written.length} changes passed alone; its metadata is probably inconsistent already. Writes go one at a time from now on; run \`pulumi refresh\` to see the inconsistencies.`,
      );
    }
  };

  const applyEachAlone = async (batch: Pending[]): Promise<boolean[]> => {
    const results: boolean[] = [];
    for (const pending of batch) {
      try {
        pending.resolve(await alone(pending.change));
        results.push(true);
      } catch (error) {
        pending.reject(error);
        results.push(false);
      }
    }
    return results;
  };

  return {
    submit: (change) =>
      new Promise<Step>((resolve, reject) => {
        if (!gateway.settings.coalesceWrites) {
          gateway.exclusive(() => alone(change)).then(resolve, reject);
          return;
        }
        if (outstanding === 0 && Date.now() - quietSince > gateway.settings.batchFillMs) {
          peak = longestPause = 0;
          burstUnderway = false;
        }
        outstanding += 1;
        peak = Math.max(peak, outstanding);
        let settled = false;
        // A change hears back once; a later reject (after a bug, to every change of a batch) changes nothing.
        const done = () => {
          if (settled) return;
          settled = true;
          outstanding -= 1;
          if (outstanding === 0) quietSince = Date.now();
        };
        queue.push({ change, resolve: (step) => (done(), resolve(step)), reject: (error) => (done(), reject(error)) });
        arrived();
        schedule();
      }),
  };
}

function settle(pending: Pending, step: Step & { readonly kind: "done" | "fail" }): void {
  if (step.kind === "fail") pending.reject(new Error(step.message));
  else pending.resolve(step);
}

function isSnapshot(value: unknown): value is MetadataSnapshot {
  return typeof value === "object" && value !== null && "metadata" in value;
}
