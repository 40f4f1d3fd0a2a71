/**
 * `bulk` (one transaction, error at `$.args[i].args`, whole request undone, one rebuild per
 * child), `bulk_keep_going` (failing children undone alone, errors in their slots) and
 * `bulk_atomic` (deletes only among remote relationship commands, one rebuild, 500 otherwise).
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { deleteProfileRelationships, legacyCreate, metadata, objectBody, pgCreate, profileRelationshipNames, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(async () => {
  await deleteProfileRelationships(server);
  server.resetStats();
});

const invalidCreate = pgCreate("bad", { remote_field: { user: { arguments: { id: "abc" } } } });
const names = () => profileRelationshipNames(server).sort();
const deleteOf = (name: string) => ({ type: "pg_delete_remote_relationship", args: { table: "profiles", name } });

test("bulk: every child runs, each with its own rebuild, one write", async () => {
  const version = server.stats().resourceVersion;
  const answer = await metadata(server, { type: "bulk", args: [pgCreate("a"), pgCreate("b")] });
  assert.deepEqual(answer, { status: 200, body: [{ message: "success" }, { message: "success" }] });
  assert.deepEqual(names(), ["a", "b"]);
  const stats = server.stats();
  assert.equal(stats.rebuilds, 2);
  assert.equal(stats.resourceVersion, version + 1);
  assert.equal(stats.commands["/v1/metadata pg_create_remote_relationship"], 2);
});

test("bulk: a failing child answers at $.args[i].args and undoes the whole bulk", async () => {
  const version = server.stats().resourceVersion;
  const answer = await metadata(server, { type: "bulk", args: [pgCreate("a"), invalidCreate] });
  const body = objectBody(answer);
  assert.equal(answer.status, 400);
  assert.equal(body.path, "$.args[1].args");
  assert.equal(body.code, "invalid-configuration");
  assert.deepEqual(names(), []);
  assert.equal(server.stats().resourceVersion, version);
  assert.equal(server.stats().rebuilds, 2);
});

test("bulk: /v1/query bulk reports the same path and undoes too", async () => {
  const answer = await query(server, { type: "bulk", args: [legacyCreate("a"), legacyCreate("b", { table: "not_tracked" })] });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$.args[1].args", error: 'table "not_tracked" does not exist in source: default', code: "not-exists" },
  });
  assert.deepEqual(names(), []);
});

test("bulk_keep_going: a failing child is undone alone and answered in its slot", async () => {
  const answer = await metadata(server, { type: "bulk_keep_going", args: [pgCreate("a"), invalidCreate, pgCreate("c")] });
  assert.equal(answer.status, 200);
  const results = answer.body as { code?: string; path?: string; message?: string }[];
  assert.deepEqual(results[0], { message: "success" });
  assert.equal(results[1].code, "invalid-configuration");
  assert.equal(results[1].path, "$.args");
  assert.deepEqual(results[2], { message: "success" });
  assert.deepEqual(names(), ["a", "c"]);
  assert.equal(server.stats().rebuilds, 3);
});

test("bulk_atomic: deletes apply together with one rebuild", async () => {
  await metadata(server, { type: "bulk", args: [pgCreate("a"), pgCreate("b")] });
  server.resetStats();
  const answer = await metadata(server, { type: "bulk_atomic", args: [deleteOf("a"), deleteOf("b")] });
  assert.deepEqual(answer, { status: 200, body: { message: "success" } });
  assert.deepEqual(names(), []);
  assert.equal(server.stats().rebuilds, 1);
});

test("bulk_atomic: a create answers 500 and changes nothing", async () => {
  await metadata(server, pgCreate("a"));
  server.resetStats();
  const answer = await metadata(server, { type: "bulk_atomic", args: [deleteOf("a"), pgCreate("b")] });
  assert.deepEqual(answer, { status: 500, body: { path: "$.args", error: "Bulk atomic does not support this command", code: "unexpected" } });
  assert.deepEqual(names(), ["a"]);
  assert.equal(server.stats().rebuilds, 0);
});

test("bulk_atomic: update and other commands are refused as well", async () => {
  for (const child of [pgCreate("a", {}, "pg_update_remote_relationship"), { type: "export_metadata", args: {} }]) {
    assert.equal((await metadata(server, { type: "bulk_atomic", args: [child] })).status, 500);
  }
});

test("bulk_atomic: deleting a missing relationship is not-exists", async () => {
  const answer = await metadata(server, { type: "bulk_atomic", args: [deleteOf("missing")] });
  assert.deepEqual(answer, { status: 400, body: { path: "$.args", error: '"missing" does not exist', code: "not-exists" } });
});

test("bulk_atomic: every child is checked against the schema cache from before the bulk", async () => {
  await metadata(server, pgCreate("a"));
  const answer = await metadata(server, { type: "bulk_atomic", args: [deleteOf("a"), deleteOf("a")] });
  assert.deepEqual(answer, { status: 200, body: { message: "success" } });
  assert.deepEqual(names(), []);
});
