/**
 * `run_sql` (commands/runSql.ts, database/runSql.ts) on the sources' embedded Postgres, beyond the
 * conformance cases: the prefixed forms act on their kind of source only, with Hasura's
 * `askSourceInfo` messages; `no_transaction`; a statement Hasura's heuristic takes for DDL rebuilds
 * the schema cache with its source introspected again, and is a metadata write, while a read
 * (`read_only`, or SQL without those words) is not; the schema cache then sees the new columns.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { currentVersion, metadata, objectBody, pgCreate, post, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer({
    sources: [{ name: "citus_source", kind: "citus", tables: [{ schema: "public", name: "things", columns: [{ name: "id", type: "integer" }] }] }],
  });
});
after(() => server.stop());

function v2(body: unknown) {
  return post(server, "/v2/query", body);
}

test("run_sql: each prefix acts on its kind of source; Hasura's messages for the others", async () => {
  assert.deepEqual(await v2({ type: "citus_run_sql", args: { source: "citus_source", sql: "select count(*) as n from things" } }), {
    status: 200,
    body: { result_type: "TuplesOk", result: [["n"], ["0"]] },
  });
  assert.deepEqual(await v2({ type: "citus_run_sql", args: { sql: "select 1" } }), {
    status: 400,
    body: { path: "$.args", error: 'source with name "default" has backend type "postgres" which does not match the expected type citus', code: "not-exists" },
  });
  assert.deepEqual(await v2({ type: "run_sql", args: { source: "nope", sql: "select 1" } }), {
    status: 400,
    body: { path: "$.args", error: 'source with name "nope" does not exist', code: "not-exists" },
  });
  assert.equal(objectBody(await v2({ type: "mssql_run_sql", args: { sql: "select 1" } })).code, "not-supported");
});

test("run_sql: no_transaction runs a statement Postgres refuses inside a transaction", async () => {
  assert.equal((await query(server, { type: "run_sql", args: { sql: "CREATE TABLE logins (id serial primary key, at timestamp)" } })).status, 200);
  const sql = "CREATE INDEX CONCURRENTLY logins_at ON logins (at)";
  assert.equal(objectBody(await query(server, { type: "run_sql", args: { sql } })).code, "postgres-error");
  assert.deepEqual(await query(server, { type: "run_sql", args: { sql, no_transaction: true } }), {
    status: 200,
    body: { result_type: "CommandOk", result: null },
  });
  assert.deepEqual(await query(server, { type: "run_sql", args: { sql: "select indexname from pg_indexes where indexname = 'logins_at'", read_only: true } }), {
    status: 200,
    body: { result_type: "TuplesOk", result: [["indexname"], ["logins_at"]] },
  });
});

test("run_sql: DDL by Hasura's heuristic rebuilds with its source introspected and is a write; reads are not", async () => {
  const version = await currentVersion(server);
  server.resetStats();
  assert.equal((await query(server, { type: "run_sql", args: { sql: "create table plain (id int)" } })).status, 200);
  assert.equal((await query(server, { type: "run_sql", args: { sql: "select 1", read_only: true } })).status, 200);
  assert.deepEqual([server.stats().rebuilds, server.stats().catalogIntrospections, await currentVersion(server)], [0, 0, version]);
  assert.equal((await query(server, { type: "run_sql", args: { sql: "ALTER TABLE profiles ADD COLUMN age integer" } })).status, 200);
  assert.deepEqual([server.stats().rebuilds, server.stats().catalogIntrospections, await currentVersion(server)], [1, 1, version + 1]);
  const joinOnAge = await metadata(server, pgCreate("byAge", { lhs_fields: ["age"], remote_field: { user: { arguments: { id: "$age" } } } }));
  assert.equal(joinOnAge.status, 200);
  await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "byAge" } });
});

test("run_sql: a schema change that breaks a relationship is refused by the rebuild, as Hasura's withNewInconsistentObjsCheck refuses it", async () => {
  assert.equal((await metadata(server, pgCreate("userBasic"))).status, 200);
  const answer = objectBody(await query(server, { type: "run_sql", args: { sql: "ALTER TABLE profiles RENAME COLUMN id TO profile_id" } }));
  assert.deepEqual([answer.code, answer.error], ["unexpected", "cannot continue due to newly found inconsistent metadata"]);
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), { is_consistent: true, inconsistent_objects: [] });
});
