/**
 * The writes: changes to one endpoint made real, alone or together, as a function of the gateway and
 * the changes. One loop: observe the metadata, plan every open change on it (./batchPlan.ts), write,
 * and go round until each change has its outcome. One ladder when Hasura says no:
 * - a whole-document write of many changes refused (400): the same changes again, each alone, so
 *   that each hears Hasura's answer to itself;
 * - a change alone answered "does not exist" (an update or delete of a relationship Hasura holds but
 *   cannot build): the whole document with that change folded in, which still reaches it;
 * - a stale `resource_version` (409) or a write whose outcome is unknown: observe afresh and plan
 *   again, within the endpoint's retry policy.
 * The caller holds the endpoint's write lock.
 */
import type { MetadataDocument, MetadataSnapshot } from "../../model";
import { forCaller, isHasuraError, type CallContext } from "../hasura/errors";
import { replaceMetadataRequest, type ApiMode, type Write } from "../hasura/requests";
import { planRefusal, type Step } from "../plans";
import { planBatch } from "./batchPlan";
import type { Change } from "./change";
import type { Gateway } from "./gateway";
import { RetryBudget } from "./retryBudget";
import { cheaperTogether, type CallCosts, type CallKind } from "./writeCosts";

/** What became of one change: the step that settled it, or the error its caller hears. */
export type Outcome = { readonly ok: true; readonly step: Step } | { readonly ok: false; readonly error: unknown };

/** The outcome of each change, in the order given. */
export interface WriteReport {
  readonly outcomes: readonly Outcome[];
  /**
   * How many changes Hasura refused in a whole-document write and then took one by one (0 when none
   * were refused, or when one of them failed alone too): its metadata is inconsistent already (a
   * whole-document write needs all of it consistent), so writing together cannot help on this endpoint.
   */
  readonly refusedTogether: number;
}

/** One change, and whether it may still go in a whole-document write with others. */
interface Open {
  readonly index: number;
  readonly change: Change;
  together: boolean;
}

/** How a batch may be written. */
export interface WriteOptions {
  /** Whether the changes may go as one `replace_metadata` at all (not after Hasura refused that on this endpoint). */
  readonly together: boolean;
  /** What writes cost here: each write's latency is added, and a batch goes whichever way is cheaper. Without, a batch always goes together. */
  readonly costs?: CallCosts;
  /** The clock latencies are measured with. */
  readonly now?: () => number;
}

/**
 * Applies `changes` to the gateway's Hasura until each is settled. With `together`, the changes that
 * meet in one round go as one `replace_metadata` (one schema rebuild) when that is cheaper than
 * their own commands; otherwise each goes as its own command.
 */
export async function applyChanges(gateway: Gateway, changes: readonly Change[], options: WriteOptions): Promise<WriteReport> {
  const now = options.now ?? (() => performance.now());
  /** Sends a write, and takes its latency into the costs when it succeeds. */
  const timed = async (kind: CallKind, write: () => Promise<void>, commandClass?: string) => {
    const started = now();
    await write();
    options.costs?.observe(kind, now() - started, commandClass);
  };
  const outcomes: Outcome[] = changes.map(() => ({ ok: false, error: new Error("The write path ended without an outcome for this change.") }));
  const settle = (open: Open, step: Step) => {
    outcomes[open.index] = step.kind === "fail" ? { ok: false, error: planRefusal(step) } : { ok: true, step };
  };
  const fail = (open: Open, error: unknown) => {
    outcomes[open.index] = { ok: false, error: forCaller(error, open.change.context) };
  };
  let open: Open[] = changes.map((change, index) => ({ index, change, together: options.together }));
  const refusedTogether = new Set<number>();
  const report = () => ({ outcomes, refusedTogether: [...refusedTogether].every((index) => outcomes[index].ok) ? refusedTogether.size : 0 });
  if (open.length === 0) return report();

  // Reads for many changes are asked under the first one's name; a failure is told to each under its own.
  const context = changes[0].context;
  let mode: ApiMode;
  try {
    mode = await gateway.api(context);
  } catch (error) {
    open.forEach((each) => fail(each, error));
    return report();
  }
  const budget = new RetryBudget(gateway.retry, gateway.settings.conflictRetries);
  let fresh = false;
  while (open.length > 0) {
    let snapshot: MetadataSnapshot;
    try {
      // Without resource_version (the /v1/query API) nothing would catch a plan made on an old snapshot.
      snapshot = await gateway.observe(context, { fresh: fresh || mode === "query" });
    } catch (error) {
      open.forEach((each) => fail(each, error));
      break;
    }
    fresh = false;
    const plan = planBatch(
      snapshot.metadata,
      open.map((each) => each.change),
    );
    const toWrite: { readonly open: Open; readonly write: Write; readonly folded: boolean }[] = [];
    plan.outcomes.forEach((outcome, position) => {
      if (outcome.kind === "settled") settle(open[position], outcome.step);
      else toWrite.push({ open: open[position], write: outcome.step.write, folded: outcome.kind === "written" && open[position].together });
    });
    // A change that must go alone goes first, one a round; the rest, all folded into the plan's
    // document, go together once nothing else is left to write, unless their own commands cost less.
    const together =
      toWrite.length >= 2 &&
      (options.costs === undefined ||
        cheaperTogether(
          toWrite.map((each) => each.open.change.commandClass),
          options.costs,
        ));
    const alone = toWrite.find((each) => !each.folded) ?? (together ? undefined : toWrite[0]);
    if (alone === undefined && toWrite.length > 0 && snapshot.resourceVersion !== undefined) {
      try {
        const document = plan.metadata;
        const resourceVersion = snapshot.resourceVersion;
        await timed("whole", () => gateway.write(replaceMetadataRequest(document, resourceVersion), { ...context, command: "replace_metadata" }));
        gateway.remember(snapshotAfterReplace(plan.metadata, snapshot.resourceVersion));
        toWrite.forEach((each) => settle(each.open, { kind: "write", write: each.write }));
        open = [];
      } catch (error) {
        open = toWrite.map((each) => each.open);
        if (await budget.another(error)) fresh = true;
        else if (isHasuraError(error) && error.status === 400) {
          for (const each of open) {
            each.together = false;
            refusedTogether.add(each.index);
          }
        } else {
          open.forEach((each) => fail(each, error));
          open = [];
        }
      }
      continue;
    }
    const first = alone ?? toWrite[0];
    if (first === undefined) break;
    const rest = toWrite.filter((each) => each !== first).map((each) => each.open);
    try {
      const { change } = first.open;
      await timed("single", () => writeAlone(gateway, mode, change, first.write, snapshot), change.commandClass);
      settle(first.open, { kind: "write", write: first.write });
      open = rest;
    } catch (error) {
      if (await budget.another(error)) {
        fresh = true;
        open = toWrite.map((each) => each.open);
      } else {
        fail(first.open, error);
        open = rest;
      }
    }
  }
  return report();
}

/**
 * One change's own command. Hasura answers "does not exist" to an update or delete of a relationship
 * it holds but cannot build (an inconsistent one: stored, but not in the schema cache); the whole
 * document with the change folded in still reaches it. A delete may leave other inconsistencies as
 * they are; an update must make the metadata consistent.
 */
async function writeAlone(gateway: Gateway, mode: ApiMode, change: Change, write: Write, snapshot: MetadataSnapshot): Promise<void> {
  const context: CallContext = { ...change.context, fixes: change.fixes(write) };
  try {
    await gateway.write(change.request(mode, write, snapshot.resourceVersion, snapshot.metadata), context);
  } catch (error) {
    const unbuilt = isHasuraError(error) && error.code === "not-exists" && mode === "metadata" && write.kind !== "create";
    const edit = unbuilt ? change.edit(snapshot.metadata, write) : undefined;
    if (edit === undefined || !edit.ok || snapshot.resourceVersion === undefined) throw error;
    await gateway.write(replaceMetadataRequest(edit.metadata, snapshot.resourceVersion, write.kind === "delete"), { ...context, command: "replace_metadata" });
  }
}

/** The metadata after this process replaced it with `metadata` at `resourceVersion`: Hasura stores it as sent and adds one to the version. */
function snapshotAfterReplace(metadata: MetadataDocument, resourceVersion: number): MetadataSnapshot {
  return { metadata, resourceVersion: resourceVersion + 1 };
}
