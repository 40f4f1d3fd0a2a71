import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs, shouldRetry } from "../../../../provider/hasura/retryPolicy";

describe("retry policy", () => {
  const policy = defaultRetryPolicy();
  const decisions: [string, { statusCode?: number; code?: string }, number, boolean][] = [
    ["503", { statusCode: 503 }, 1, true],
    ["429", { statusCode: 429 }, 1, true],
    ["400", { statusCode: 400 }, 1, false],
    ["500", { statusCode: 500 }, 1, false],
    ["a reset connection", { code: "ECONNRESET" }, 1, true],
    ["a refused connection", { code: "ECONNREFUSED" }, 2, true],
    ["an unknown error", { code: "EWHAT" }, 1, false],
    ["a 503 past the budget", { statusCode: 503 }, 5, false],
  ];
  for (const [what, failure, attempt, expected] of decisions) {
    it(`${expected ? "retries" : "does not retry"} ${what} (attempt ${attempt})`, () => assert.equal(shouldRetry(policy, failure, attempt), expected));
  }
  it("jitters below a doubling ceiling", () => {
    assert.equal(
      retryDelayMs(policy, 1, undefined, () => 0.999),
      249,
    );
    assert.equal(
      retryDelayMs(policy, 3, undefined, () => 0.5),
      500,
    );
    assert.equal(
      retryDelayMs(policy, 10, undefined, () => 0.999),
      7992,
    );
    assert.equal(
      retryDelayMs(policy, 2, undefined, () => 0),
      0,
    );
  });
  it("takes Retry-After as a floor, capped", () => {
    assert.equal(
      retryDelayMs(policy, 1, 3000, () => 0),
      3000,
    );
    assert.equal(
      retryDelayMs(policy, 1, 60_000, () => 0),
      8000,
    );
  });
  it("reads Retry-After in seconds or as a date", () => {
    assert.equal(parseRetryAfter("2"), 2000);
    assert.equal(parseRetryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 1000), 4000);
    assert.equal(parseRetryAfter("soon"), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});
