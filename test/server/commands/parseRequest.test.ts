/**
 * Turning a request into a command (commands/parseRequest.ts): parse failures answer 400
 * `parse-failed` before anything runs; on `/v1/metadata` backend commands wrap their message and
 * report at `$.args...`; inside bulk at `$.args[i].args`.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { metadata, pgCreate, startEnvServer } from "../helpers";

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

test("parse: /v1/metadata wraps the message of a backend command at $.args", async () => {
  const answer = await metadata(server, { type: "pg_create_remote_relationship", args: neitherFormat });
  const error = wrapped("create_remote_relationship", "create_remote_relationship expects exactly one of: remote_schema, definition");
  assert.deepEqual(answer, { status: 400, body: { path: "$.args", error, code: "parse-failed" } });
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
  const answer = await metadata(server, { type: "bulk", args: [pgCreate("ok"), { type: "pg_create_remote_relationship", args: neitherFormat }] });
  assert.equal(answer.status, 400);
  assert.equal((answer.body as { path: string }).path, "$.args[1].args");
  assert.deepEqual(server.stats().commands, before);
});

test("parse: resource_version must be an integer", async () => {
  const answer = await metadata(server, { type: "export_metadata", args: {}, resource_version: "x" });
  assert.deepEqual(answer.body, { path: "$.resource_version", error: "parsing Int failed, expected Number, but encountered String", code: "parse-failed" });
});
