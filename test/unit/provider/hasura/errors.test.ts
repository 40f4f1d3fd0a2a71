import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatHasuraMessage, redact } from "../../../../provider/hasura/errors";

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
