/**
 * The databases behind the sources (database/databases.ts, database/sourceDatabase.ts,
 * model/sourceCatalog.ts) on real embedded Postgres: `default` is always a Postgres database;
 * other sources have their own kind and tables; a table is looked up in its source only; the
 * catalog read gives columns with their types and functions with what computed fields need; a
 * catalog read after `run_sql` sees what the SQL made.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { catalogColumns } from "../../../model";
import { SourceDatabases } from "../../../server/database/databases";

const album = {
  schema: "hasura",
  name: "album",
  columns: [
    { name: "id", type: "integer" },
    { name: "title", type: "text" },
  ],
};
const profiles = {
  schema: "public",
  name: "profiles",
  columns: [
    { name: "id", type: "integer" },
    { name: "name", type: "varchar(40)" },
  ],
};
// A domain's column reads as the domain, over the type it is made of.
const email = "CREATE DOMAIN public.email AS text; ALTER TABLE public.profiles ADD COLUMN email public.email;";
const nameLength = "CREATE FUNCTION public.name_length(p public.profiles) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT length(p.name) $$;";

const databases = new SourceDatabases([
  { name: "default", tables: [profiles], sql: `${email}\n${nameLength}` },
  { name: "target", kind: "mssql", tables: [album] },
]);
after(() => databases.close());

test("databases: default is a Postgres database; others have their own kind", () => {
  assert.equal(databases.kind("default"), "postgres");
  assert.equal(databases.kind("target"), "mssql");
  assert.equal(databases.kind("nope"), undefined);
});

test("databases: a table belongs to its source's database, with its columns, their types, the types under domains and their categories", async () => {
  await databases.ready();
  const target = await databases.introspect("target");
  const defaults = await databases.introspect("default");
  assert.deepEqual(catalogColumns(target, { schema: "hasura", name: "album" }), ["id", "title"]);
  assert.equal(catalogColumns(defaults, { schema: "hasura", name: "album" }), undefined);
  assert.deepEqual(defaults.tables.get("public.profiles")?.columns, [
    { name: "id", type: "integer", base: "integer", category: "N" },
    { name: "name", type: "character varying(40)", base: "character varying", category: "S" },
    { name: "email", type: "email", base: "text", category: "S" },
  ]);
});

test("databases: functions are read with volatility, return type and input arguments", async () => {
  const catalog = await databases.introspect("default");
  assert.deepEqual(catalog.functions.get("public.name_length"), [
    {
      schema: "public",
      name: "name_length",
      volatility: "stable",
      returnType: { schema: "pg_catalog", name: "int4", kind: "base", category: "N" },
      returnsSet: false,
      inputArguments: [{ name: "p", type: { schema: "public", name: "profiles", kind: "composite", category: "C" } }],
      defaultArguments: 0,
    },
  ]);
});

test("databases: run_sql changes the database and a later catalog read sees it", async () => {
  assert.deepEqual(await databases.runSql("default", "CREATE TABLE public.orders (id bigint, user_id integer)", { readOnly: false, noTransaction: false }), {
    result_type: "CommandOk",
    result: null,
  });
  assert.deepEqual(catalogColumns(await databases.introspect("default"), { schema: "public", name: "orders" }), ["id", "user_id"]);
  assert.throws(() => databases.kind("nope") ?? assert.fail("no kind"));
});

test("databases: a database named default adds to the default one", async () => {
  const merged = new SourceDatabases([{ name: "default", kind: "mssql", tables: [album] }]);
  try {
    assert.equal(merged.kind("default"), "postgres");
    assert.deepEqual(catalogColumns(await merged.introspect("default"), { schema: "hasura", name: "album" }), ["id", "title"]);
  } finally {
    await merged.close();
  }
});

test("databases: a declaration Postgres refuses fails at ready, naming the source", async () => {
  const broken = new SourceDatabases([{ name: "default", tables: [], sql: "CREATE TABLE nope (id notatype);" }]);
  try {
    await assert.rejects(broken.ready(), /The database of source "default" could not be set up: type "notatype" does not exist/);
  } finally {
    await broken.close();
  }
});
