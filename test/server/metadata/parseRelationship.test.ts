/**
 * Parsing relationship arguments and definitions (metadata/parseRelationship.ts) with Hasura's
 * messages and paths: on `/v1/query` paths start at `$` (Hasura's derived parser adds no `args`).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { metadata, pgCreate, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function wrapped(command: string, message: string): string {
  return [
    `Error when parsing command ${command}.`,
    "See our documentation at https://hasura.io/docs/latest/graphql/core/api-reference/metadata-api/index.html#metadata-apis.",
    `Internal error message: ${message}`,
  ].join("\n");
}

const neitherFormat = { name: "r", table: "profiles" };

test("parse: /v1/query reports the exactly-one-of failure at $", async () => {
  const answer = await query(server, { type: "create_remote_relationship", args: neitherFormat });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$", error: "create_remote_relationship expects exactly one of: remote_schema, definition", code: "parse-failed" },
  });
});

test("parse: both remote_schema and definition are refused too", async () => {
  const body = pgCreate("r");
  const answer = await query(server, { type: "create_remote_relationship", args: { ...(body.args as object), remote_schema: "user" } });
  assert.equal((answer.body as { error: string }).error, "create_remote_relationship expects exactly one of: remote_schema, definition");
});

test("parse: a missing key deep in the definition names its path", async () => {
  const answer = await metadata(server, pgCreate("r", { lhs_fields: undefined }));
  assert.deepEqual(answer.body, {
    path: "$.args.definition.to_remote_schema",
    error: wrapped("create_remote_relationship", 'key "lhs_fields" not found'),
    code: "parse-failed",
  });
});

test("parse: legacy fields under definition are refused (strict format)", async () => {
  const answer = await metadata(server, {
    type: "pg_create_remote_relationship",
    args: { table: "profiles", name: "r", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: {} } },
  });
  assert.deepEqual(answer.body, {
    path: "$.args.definition",
    error: wrapped("create_remote_relationship", "remote relationship definition (strict format) expects exactly one of: to_source, to_remote_schema"),
    code: "parse-failed",
  });
});

test("parse: a missing table on /v1/query", async () => {
  const answer = await query(server, { type: "delete_remote_relationship", args: { name: "r" } });
  assert.deepEqual(answer.body, { path: "$", error: 'key "table" not found', code: "parse-failed" });
});

test("parse: remote schema relationships take only the strict definition, unwrapped", async () => {
  const answer = await metadata(server, {
    type: "create_remote_schema_remote_relationship",
    args: { remote_schema: "user", type_name: "User", name: "x", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: {} } },
  });
  assert.deepEqual(answer.body, {
    path: "$.args.definition",
    error: "remote relationship definition (strict format) expects exactly one of: to_source, to_remote_schema",
    code: "parse-failed",
  });
});
