import { setTimeout as sleep } from "node:timers/promises";
import type { DocumentEdit, HeldRelationship, MetadataDocument, MetadataSnapshot } from "../../model";
import type { CallContext } from "../hasura/client";
import { isHasuraError, type HasuraError } from "../hasura/errors";
import { replaceMetadataRequest, type ApiMode, type HasuraRequest, type Write } from "../hasura/requests";
import { defaultRetryPolicy, retryDelayMs } from "../hasura/retryPolicy";
import type { Step } from "../plans";
import type { Gateway } from "./gateway";

/** One relationship's change, as the loops drive it: where it is in the metadata, what to do, and how to say it to Hasura. */
export interface Change {
  readonly context: CallContext;
  /** What Hasura holds for this relationship in a metadata document. */
  find(metadata: MetadataDocument): HeldRelationship | undefined;
  /** The next step, from what Hasura holds under the relationship's name and in the whole metadata. */
  plan(held: HeldRelationship | undefined, metadata: MetadataDocument): Step;
  /** The request for a write on its own, in the endpoint's API, given the metadata it was planned on. */
  request(mode: ApiMode, write: Write, resourceVersion: number | undefined, metadata: MetadataDocument): HasuraRequest;
  /** The document with the write folded in, for a whole-document write. */
  edit(metadata: MetadataDocument, write: Write): DocumentEdit;
}

/** How many times a loop has gone round for each reason, against the settings' bounds. */
export class RetryBudget {
  private conflicts = 0;
  private uncertain = 0;
  constructor(private readonly limits: { readonly conflictRetries: number; readonly maxRetries: number }) {}

  /**
   * True (after a short jittered wait) when the failure is worth another observe-and-write: a stale
   * `resource_version` (409), or a write whose outcome is unknown, since a re-read shows whether it
   * applied. Both are bounded.
   */
  async another(error: unknown): Promise<boolean> {
    if (!isHasuraError(error)) return false;
    const retry =
      error.code === "conflict" ? ++this.conflicts <= this.limits.conflictRetries : isUncertain(error) && ++this.uncertain <= this.limits.maxRetries;
    if (retry) await sleep(retryDelayMs(defaultRetryPolicy(), this.conflicts + this.uncertain, undefined));
    return retry;
  }
}

function isUncertain(error: HasuraError): boolean {
  return error.uncertain === true;
}

/**
 * Observe, then write, until Hasura holds the wanted state, for one change on its own; the caller
 * holds the endpoint's write lock. A refusal by the plan is the provider's own decision, not
 * Hasura's answer: a plain error that says what to do.
 */
export async function convergeAlone(gateway: Gateway, change: Change): Promise<Step> {
  const mode = await gateway.api(change.context);
  const budget = new RetryBudget(gateway.settings);
  for (let fresh = false; ; fresh = true) {
    // Without resource_version (the /v1/query API) nothing would catch a plan made on an old snapshot.
    const snapshot = await gateway.observe(change.context, { fresh: fresh || mode === "query" });
    const step = change.plan(change.find(snapshot.metadata), snapshot.metadata);
    if (step.kind === "fail") throw new Error(step.message);
    if (step.kind === "done") return step;
    try {
      await gateway.write(change.request(mode, step.write, snapshot.resourceVersion, snapshot.metadata), change.context);
      return step;
    } catch (error) {
      let failure = error;
      if (isHasuraError(error) && error.code === "not-exists" && mode === "metadata" && step.write.kind !== "create") {
        try {
          await writeInconsistent(gateway, change, step.write, snapshot);
          return step;
        } catch (second) {
          failure = second;
        }
      }
      if (!(await budget.another(failure))) throw failure;
    }
  }
}

/**
 * Hasura answers "does not exist" to an update or delete of a relationship it holds but cannot build
 * (an inconsistent one: it is stored, but not in the schema cache). The whole document, with the
 * change folded in, still reaches it. A delete may leave other inconsistencies as they are; an update
 * must make the metadata consistent.
 */
async function writeInconsistent(gateway: Gateway, change: Change, write: Write, snapshot: MetadataSnapshot): Promise<void> {
  const edit = change.edit(snapshot.metadata, write);
  if (!edit.ok || snapshot.resourceVersion === undefined)
    throw new Error(`Hasura answered that "${change.context.relationship}" does not exist, although its metadata holds it.`);
  await gateway.write(replaceMetadataRequest(edit.metadata, snapshot.resourceVersion, write.kind === "delete"), change.context);
}
