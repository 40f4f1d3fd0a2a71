import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explain } from "../../../generator/liveHasura";
import { hasuraError } from "../../../provider/hasura/errors";

const endpoint = "http://127.0.0.1:8080";
const read = { operation: "read", command: "export_metadata" };

describe("generator: a failed read of Hasura, as one line with the fix", () => {
  it("tells an answer that is not Hasura's (a web server, a proxy whose Hasura is down) to check the endpoint and Hasura", () => {
    const error = hasuraError({ status: 501, code: "http-501", error: "text/html: \"<h1>Error response</h1> Unsupported method ('POST')\"" }, read);
    assert.equal(
      explain(error, endpoint, true).message,
      `${endpoint} answered export_metadata with HTTP 501 and no Hasura error (text/html: "<h1>Error response</h1> Unsupported method ('POST')"). Check --endpoint (Hasura's base URL, such as http://localhost:8080) and that Hasura is running behind any proxy in front of it.`,
    );
  });

  it("gives Hasura's own error of the call that failed, and where to look", () => {
    const error = hasuraError({ status: 500, code: "unexpected", error: "database query error" }, { operation: "read", command: "get_inconsistent_metadata" });
    assert.equal(
      explain(error, endpoint, true).message,
      `Hasura at ${endpoint} refused get_inconsistent_metadata: 500 unexpected: database query error. Check Hasura's log for why, and run again.`,
    );
  });

  it("says to set HASURA_GRAPHQL_ADMIN_SECRET when the secret is refused or missing", () => {
    const refused = hasuraError({ status: 401, code: "access-denied", error: "invalid x-hasura-admin-secret/x-hasura-access-key" }, read);
    assert.match(
      explain(refused, endpoint, true).message,
      /refused the admin secret .* Set HASURA_GRAPHQL_ADMIN_SECRET to the admin secret this Hasura runs with/,
    );
    assert.match(explain(refused, endpoint, false).message, /needs its admin secret .* Set HASURA_GRAPHQL_ADMIN_SECRET to it/);
  });
});
