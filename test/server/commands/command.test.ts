/**
 * The lookups every relationship command runs before changing anything (commands/command.ts:
 * `askTableInfo`, `askRemoteRelationship`), each answering 400 `not-exists` (or
 * `unexpected-payload`) at `$.args` with no rebuild.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { legacyCreate, metadata, pgCreate, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function notExists(error: string) {
  return { status: 400, body: { path: "$.args", error, code: "not-exists" } };
}

test("not-exists: an untracked table, on either endpoint, costs no rebuild", async () => {
  server.resetStats();
  assert.deepEqual(await query(server, legacyCreate("r", { table: "not_tracked" })), notExists('table "not_tracked" does not exist in source: default'));
  assert.equal(server.stats().rebuilds, 0);
});

test("not-exists: a table outside public is named schema.name", async () => {
  const answer = await query(server, legacyCreate("r", { table: { schema: "custom", name: "nope" } }));
  assert.deepEqual(answer, notExists('table "custom.nope" does not exist in source: default'));
});

test("not-exists: an unknown source gives the same message", async () => {
  const body = pgCreate("r");
  const answer = await metadata(server, { ...body, args: { ...(body.args as object), source: "other" } });
  assert.deepEqual(answer, notExists('table "profiles" does not exist in source: other'));
});

test("not-exists: update and delete of a missing relationship", async () => {
  const update = pgCreate("missing", {}, "pg_update_remote_relationship");
  assert.deepEqual(await metadata(server, update), notExists('"missing" does not exist'));
  const remove = { type: "pg_delete_remote_relationship", args: { source: "default", table: { schema: "public", name: "profiles" }, name: "missing" } };
  assert.deepEqual(await metadata(server, remove), notExists('"missing" does not exist'));
  assert.deepEqual(
    await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "missing" } }),
    notExists('"missing" does not exist'),
  );
});

test("not-exists: a column name is not a remote relationship", async () => {
  const answer = await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "id" } });
  assert.deepEqual(answer, { status: 400, body: { path: "$.args", error: "expecting a remote relationship", code: "unexpected-payload" } });
});

test("not-exists: other backends have no tables here", async () => {
  const answer = await metadata(server, pgCreate("r", {}, "mssql_create_remote_relationship"));
  assert.deepEqual(answer, notExists('table "profiles" does not exist in source: default'));
});
