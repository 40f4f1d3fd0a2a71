/**
 * The databases behind the sources (engine/catalog.ts), pure: `default` is always a Postgres
 * database; other sources have their own kind and tables; a table is looked up in its source only.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Catalog, catalogColumns } from "../../../server/engine/catalog";

const album = { schema: "hasura", name: "album", columns: [{ name: "id", type: "integer" }] };

test("catalog: default is a Postgres database; others have their own kind", () => {
  const catalog = new Catalog([], [{ name: "target", kind: "mssql", tables: [album] }]);
  assert.equal(catalog.kind("default"), "postgres");
  assert.equal(catalog.kind("target"), "mssql");
  assert.equal(catalog.kind("nope"), undefined);
});

test("catalog: a table belongs to its source's database", async () => {
  const catalog = new Catalog([{ schema: "public", name: "profiles", columns: [{ name: "id", type: "integer" }] }], [{ name: "target", tables: [album] }]);
  assert.deepEqual(catalogColumns(await catalog.introspect("target"), { schema: "hasura", name: "album" }), ["id"]);
  assert.equal(catalogColumns(await catalog.introspect("default"), { schema: "hasura", name: "album" }), undefined);
  assert.deepEqual(catalogColumns(await catalog.introspect("default"), { schema: "public", name: "profiles" }), ["id"]);
  assert.equal(catalog.kind("target"), "postgres");
});

test("catalog: a database named default adds to the default one", async () => {
  const catalog = new Catalog([], [{ name: "default", kind: "mssql", tables: [album] }]);
  assert.equal(catalog.kind("default"), "postgres");
  assert.deepEqual(catalogColumns(await catalog.introspect("default"), { schema: "hasura", name: "album" }), ["id"]);
});
