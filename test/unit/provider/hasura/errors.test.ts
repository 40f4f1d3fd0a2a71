import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatHasuraMessage, hasuraError, redact } from "../../../../provider/hasura/errors";

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

describe("error messages of any size", () => {
  it("repeat at most the start of a huge Hasura error, with the secret gone from it first", () => {
    const error = hasuraError({ operation: "read", code: "unexpected", status: 500, error: `s3cr3t ${"x".repeat(10 * 1024 * 1024)}` }, ["s3cr3t"]);
    assert.ok(error.message.length < 1_200, `${error.message.length} characters`);
    assert.match(error.message, /answered 500 unexpected: \[secret\] x+\.\.\. \(10485269 more characters\)/);
  });
});
