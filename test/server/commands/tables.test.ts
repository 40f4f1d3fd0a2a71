/**
 * Tracking and untracking tables (commands/tables.ts): refused twice, a table the database lacks
 * fails in the rebuild, and untracking the target of a `to_source` join is refused unless
 * cascaded.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { qualifyTable, type JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer({ database: [{ schema: "public", name: "extra", columns: [{ name: "id", type: "integer" }] }] });
});
after(() => server.stop());

function toSource(name: string, overrides: JsonObject = {}): JsonObject {
  const definition = {
    to_source: { source: "default", table: { schema: "custom", name: "profiles" }, relationship_type: "object", field_mapping: { id: "id" }, ...overrides },
  };
  return { type: "pg_create_remote_relationship", args: { source: "default", table: { schema: "public", name: "profiles" }, name, definition } };
}

test("tables: track, refuse twice, untrack", async () => {
  assert.equal((await metadata(server, { type: "pg_track_table", args: { source: "default", table: { schema: "public", name: "extra" } } })).status, 200);
  const twice = await query(server, { type: "track_table", args: { schema: "public", name: "extra" } });
  assert.deepEqual(twice.body, { path: "$.args", error: 'view/table already tracked: "extra"', code: "already-tracked" });
  assert.equal((await query(server, { type: "untrack_table", args: { table: "extra" } })).status, 200);
  const gone = await metadata(server, { type: "pg_untrack_table", args: { table: "extra" } });
  assert.deepEqual(gone.body, { path: "$.args", error: 'view/table already untracked: "extra"', code: "already-untracked" });
});

test("tables: tracking a table the database lacks fails in the rebuild", async () => {
  const answer = objectBody(await metadata(server, { type: "pg_track_table", args: { table: "ghost" } }));
  assert.equal(answer.code, "invalid-configuration");
  assert.equal(answer.error, 'Inconsistent object: no such table/view exists in source: "ghost"');
});

test("to_source: untracking the target is refused while the join exists, unless cascaded", async () => {
  assert.equal((await metadata(server, toSource("join"))).status, 200);
  const refused = await metadata(server, { type: "pg_untrack_table", args: { table: { schema: "custom", name: "profiles" } } });
  assert.equal(objectBody(refused).code, "dependency-error");
  assert.match(String(objectBody(refused).error), /remote relationship profiles\.join in source "default"/);
  const cascaded = await metadata(server, { type: "pg_untrack_table", args: { table: { schema: "custom", name: "profiles" }, cascade: true } });
  assert.equal(cascaded.status, 200);
  const table = server.exportMetadata().sources[0].tables.find((t) => qualifyTable(t.table).schema === "public");
  assert.ok(!(table?.remote_relationships ?? []).some((relationship) => relationship.name === "join"));
});
