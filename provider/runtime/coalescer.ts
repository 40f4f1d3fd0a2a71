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
  let whenFull: (() => void) | undefined;

  // The batch is taken once the endpoint's lock is ours, after the window for changes that arrive
  // together, and then, while fewer wait than the burst has had at once, up to batchFillMs more. The
  // engine runs at most --parallel steps at once and sends the next changes only for the slots a
  // completed batch freed; taking the queue at once would leave those for the next batch, and the
  // slots would settle into half-full batches taking turns, each costing Hasura a schema rebuild.
  const waitForBatch = async () => {
    // A burst whose size is known and whose changes are all here goes at once.
    if (peak > 1 && queue.length >= peak) return;
    await sleep(gateway.settings.batchWindowMs);
    if (queue.length >= peak) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, gateway.settings.batchFillMs);
      whenFull = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    whenFull = undefined;
  };

  const flush = () =>
    gateway.exclusive(async () => {
      await waitForBatch();
      scheduled = false;
      const batch = queue.splice(0, queue.length);
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
        if (outstanding === 0 && Date.now() - quietSince > gateway.settings.batchFillMs) peak = 0;
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
        if (queue.length >= peak) whenFull?.();
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
