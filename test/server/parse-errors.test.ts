/**
 * Parse failures answer 400 `parse-failed` before anything runs: on `/v1/query` with paths from
 * `$` (Hasura's derived parser adds no `args`), on `/v1/metadata` with Hasura's wrapped message
 * for backend commands at `$.args...`, inside bulk at `$.args[i].args`.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../server";
import { metadata, pgCreate, post, query, SECRET, startEnvServer } from "./helpers";

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

const NEITHER = { name: "r", table: "profiles" };

test("parse: /v1/query reports the exactly-one-of failure at $", async () => {
  const answer = await query(server, { type: "create_remote_relationship", args: NEITHER });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$", error: "create_remote_relationship expects exactly one of: remote_schema, definition", code: "parse-failed" },
  });
});

test("parse: /v1/metadata wraps the message of a backend command at $.args", async () => {
  const answer = await metadata(server, { type: "pg_create_remote_relationship", args: NEITHER });
  const error = wrapped("create_remote_relationship", "create_remote_relationship expects exactly one of: remote_schema, definition");
  assert.deepEqual(answer, { status: 400, body: { path: "$.args", error, code: "parse-failed" } });
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

test("parse: a missing table on /v1/query", async () => {
  const answer = await query(server, { type: "delete_remote_relationship", args: { name: "r" } });
  assert.deepEqual(answer.body, { path: "$", error: 'key "table" not found', code: "parse-failed" });
});

test("parse: a missing args key", async () => {
  const answer = await metadata(server, { type: "export_metadata" });
  assert.deepEqual(answer.body, { path: "$", error: 'key "args" not found', code: "parse-failed" });
});

test("parse: unknown commands", async () => {
  const noBackend = await metadata(server, { type: "foo_bar", args: {} });
  assert.deepEqual(noBackend.body, {
    path: "$",
    error: 'unknown metadata command "foo_bar"; "foo" was not recognized as a valid backend name',
    code: "parse-failed",
  });
  const noCommand = await metadata(server, { type: "pg_frobnicate", args: {} });
  assert.deepEqual(noCommand.body, { path: "$", error: 'unknown metadata command "frobnicate" for backend postgres', code: "parse-failed" });
});

test("parse: a bulk child fails at $.args[i].args and nothing runs", async () => {
  const before = server.stats().commands;
  const answer = await metadata(server, { type: "bulk", args: [pgCreate("ok"), { type: "pg_create_remote_relationship", args: NEITHER }] });
  assert.equal(answer.status, 400);
  assert.equal((answer.body as { path: string }).path, "$.args[1].args");
  assert.deepEqual(server.stats().commands, before);
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

test("parse: invalid JSON answers invalid-json", async () => {
  const answer = await post(server, "/v1/metadata", '{"type": ', { "X-Hasura-Admin-Secret": SECRET });
  assert.equal(answer.status, 400);
  assert.equal((answer.body as { code: string }).code, "invalid-json");
  assert.equal((answer.body as { path: string }).path, "$");
});

test("parse: resource_version must be an integer", async () => {
  const answer = await metadata(server, { type: "export_metadata", args: {}, resource_version: "x" });
  assert.deepEqual(answer.body, { path: "$.resource_version", error: "parsing Int failed, expected Number, but encountered String", code: "parse-failed" });
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
