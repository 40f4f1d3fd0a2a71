/**
 * The databases behind the sources (engine/catalog.ts), pure: `default` is always a Postgres
 * database; other sources have their own kind and tables; a table is looked up in its source only.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Catalog } from "../../../server/engine/catalog";

const album = { schema: "hasura", name: "album", columns: [{ name: "id", type: "integer" }] };

test("catalog: default is a Postgres database; others have their own kind", () => {
  const catalog = new Catalog([], [{ name: "target", kind: "mssql", tables: [album] }]);
  assert.equal(catalog.kind("default"), "postgres");
  assert.equal(catalog.kind("target"), "mssql");
  assert.equal(catalog.kind("nope"), undefined);
});

test("catalog: a table belongs to its source's database", () => {
  const catalog = new Catalog([{ schema: "public", name: "profiles", columns: [{ name: "id", type: "integer" }] }], [{ name: "target", tables: [album] }]);
  assert.deepEqual(catalog.columns("target", { schema: "hasura", name: "album" }), ["id"]);
  assert.equal(catalog.columns("default", { schema: "hasura", name: "album" }), undefined);
  assert.deepEqual(catalog.columns("default", { schema: "public", name: "profiles" }), ["id"]);
  assert.equal(catalog.kind("target"), "postgres");
});

test("catalog: a database named default adds to the default one", () => {
  const catalog = new Catalog([], [{ name: "default", kind: "mssql", tables: [album] }]);
  assert.equal(catalog.kind("default"), "postgres");
  assert.deepEqual(catalog.columns("default", { schema: "hasura", name: "album" }), ["id"]);
});
