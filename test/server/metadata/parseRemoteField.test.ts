/**
 * Parsing `remote_field` and its arguments (metadata/parseRemoteField.ts) with aeson's prefixed
 * messages.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("parse: a remote field with two mappings at one level", async () => {
  const answer = await query(server, {
    type: "create_remote_relationship",
    args: { name: "r", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { a: { arguments: {} }, b: { arguments: {} } } },
  });
  assert.deepEqual(answer.body, {
    path: "$.remote_field",
    error: "Remote fields are represented by an object that maps each field name to its arguments.Expecting one single mapping, received too many.",
    code: "parse-failed",
  });
});

test("parse: an invalid variable name in arguments", async () => {
  const answer = await query(server, {
    type: "create_remote_relationship",
    args: { name: "r", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { user: { arguments: { id: "$" } } } },
  });
  assert.equal(
    (answer.body as { error: string }).error,
    "Remote fields are represented by an object that maps each field name to its arguments.Remote arguments are represented by an object that maps each argument name to its value.Empty variable name",
  );
});
