/** How many times a write goes round again, and how long it waits first: by the endpoint's one retry policy. */
import { setTimeout as sleep } from "node:timers/promises";
import { isHasuraError } from "../hasura/errors";
import { retryDelayMs, type RetryPolicy } from "../hasura/retryPolicy";

/** How many times a write has gone round for each reason, against its bounds. */
export class RetryBudget {
  private conflicts = 0;
  private uncertain = 0;

  /** `policy` bounds the writes whose outcome is unknown and spaces every try; `conflictRetries` bounds the 409s. */
  constructor(
    private readonly policy: RetryPolicy,
    private readonly conflictRetries: number,
  ) {}

  /**
   * True (after the policy's jittered wait) when the failure is worth another observe-and-write: a
   * stale `resource_version` (409), or a write whose outcome is unknown, since a re-read shows whether
   * it applied. Both are bounded.
   */
  async another(error: unknown): Promise<boolean> {
    if (!isHasuraError(error)) return false;
    const retry = error.code === "conflict" ? ++this.conflicts <= this.conflictRetries : error.uncertain === true && ++this.uncertain <= this.policy.maxRetries;
    if (retry) await sleep(retryDelayMs(this.policy, this.conflicts + this.uncertain, undefined));
    return retry;
  }
}
