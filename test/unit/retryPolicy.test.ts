import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs, shouldRetry } from "../../provider/http/retryPolicy";
import { formatHasuraMessage, redact } from "../../provider/errors";

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

describe("error messages", () => {
  it("name the operation, relationship, status, code, error, reason and fix", () => {
    assert.equal(
      formatHasuraMessage({
        operation: "create",
        relationship: "default.public.profiles.rel",
        status: 400,
        code: "invalid-configuration",
        error: 'Inconsistent object: in table "profiles": in remote relationship "rel": remote schema with name "nope" not found',
        reason: "x",
      }),
      'Could not create remote relationship "default.public.profiles.rel": Hasura answered 400 invalid-configuration: Inconsistent object: in table "profiles": in remote relationship "rel": remote schema with name "nope" not found. Reason: x. Add the remote schema to Hasura first, or fix remoteSchema.',
    );
  });
  it("say when no answer came", () => {
    assert.equal(
      formatHasuraMessage({
        operation: "read",
        relationship: "default.public.t.r",
        endpoint: "http://127.0.0.1:1",
        code: "transport",
        error: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1",
      }),
      'Could not read remote relationship "default.public.t.r": no answer from Hasura at http://127.0.0.1:1 (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1). Check that the endpoint is right and reachable.',
    );
  });
  it("redact every secret", () => assert.equal(redact("a s3cr3t b s3cr3t", ["s3cr3t", undefined]), "a [secret] b [secret]"));
});
