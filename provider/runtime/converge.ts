import { setTimeout as sleep } from "node:timers/promises";
import type { HeldRelationship, MetadataSnapshot } from "../../model";
import type { CallContext } from "../hasura/client";
import { isHasuraError } from "../hasura/errors";
import type { ApiMode, HasuraRequest, Write } from "../hasura/requests";
import { defaultRetryPolicy, retryDelayMs } from "../hasura/retryPolicy";
import type { Step } from "../plans";
import type { Gateway } from "./gateway";

/** One relationship's change, as the loop drives it: where it is in the metadata, what to do, and how to say it to Hasura. */
export interface Change {
  readonly context: CallContext;
  /** What Hasura holds for this relationship in a snapshot. */
  find(metadata: MetadataSnapshot["metadata"]): HeldRelationship | undefined;
  /** The next step, from what Hasura holds. */
  plan(held: HeldRelationship | undefined): Step;
  /** The request for a write, in the endpoint's API. */
  request(mode: ApiMode, write: Write, resourceVersion: number | undefined): HasuraRequest;
}

/**
 * Observe, then write, until Hasura holds the wanted state. A stale `resource_version` (409) re-reads
 * and tries again; so does a write whose outcome is uncertain (no answer, or a gateway error), because
 * the re-read shows whether it applied. Both are bounded. A refusal by the plan is the provider's own
 * decision, not Hasura's answer: a plain error that says what to do.
 */
export function converge(gateway: Gateway, change: Change): Promise<Step> {
  return gateway.exclusive(async () => {
    const mode = await gateway.api(change.context);
    let conflicts = 0;
    let uncertain = 0;
    for (;;) {
      const snapshot = await gateway.observe(change.context);
      const step = change.plan(change.find(snapshot.metadata));
      if (step.kind === "fail") throw new Error(step.message);
      if (step.kind === "done") return step;
      try {
        await gateway.write(change.request(mode, step.write, snapshot.resourceVersion), change.context);
        return step;
      } catch (error) {
        if (!isHasuraError(error)) throw error;
        const retry =
          error.code === "conflict" ? ++conflicts <= gateway.settings.conflictRetries : error.uncertain === true && ++uncertain <= gateway.settings.maxRetries;
        if (!retry) throw error;
        // Wait a little, then observe again: the re-read tells whether to write at all.
        await sleep(retryDelayMs(defaultRetryPolicy(), conflicts + uncertain, undefined));
      }
    }
  });
}
