/**
 * Environment files (boot/environment.ts): the `default` source's database and tracked tables at
 * the top level, further sources under `sources` with their kind, database and tracked tables, and
 * readable failures for malformed ones.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironment } from "../../../server/boot/environment";
import { environmentFile } from "../helpers";

async function withFile(text: string, use: (file: string) => Promise<void>): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), "environment-"));
  try {
    const file = join(directory, "environment.yaml");
    await writeFile(file, text);
    await use(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

test("environment: the conformance environment has a second Postgres source with hasura.album tracked", async () => {
  const environment = await loadEnvironment(environmentFile);
  assert.deepEqual(
    environment.sources.map((source) => [source.name, source.kind, source.tables.map((table) => table.name), source.trackedTables]),
    [["target", "postgres", ["album", "not_tracked"], [{ schema: "hasura", name: "album" }]]],
  );
  assert.deepEqual(
    environment.trackedTables.map((table) => table.name),
    ["profiles", "profiles"],
  );
});

test("environment: a source's kind defaults to postgres and its tables to schema public", async () => {
  await withFile("sources:\n  - name: db2\n    database: [{name: t, columns: [{name: id}]}]\n    tracked_tables: [t]\n", async (file) => {
    await assert.rejects(loadEnvironment(file), /each table needs a "name"/);
  });
  await withFile("sources:\n  - name: db2\n    database: [{name: t, columns: [{name: id}]}]\n    tracked_tables: [{name: t}]\n", async (file) => {
    const [source] = (await loadEnvironment(file)).sources;
    assert.deepEqual(source, {
      name: "db2",
      kind: "postgres",
      tables: [{ schema: "public", name: "t", columns: [{ name: "id", type: "text" }] }],
      trackedTables: [{ schema: "public", name: "t" }],
    });
  });
});

test("environment: malformed sources are refused with the file named", async () => {
  await withFile("sources: {name: x}\n", async (file) => {
    await assert.rejects(loadEnvironment(file), new RegExp(`Environment file ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: "sources" must be a list`));
  });
  await withFile("sources: [{kind: mssql}]\n", async (file) => {
    await assert.rejects(loadEnvironment(file), /each source needs a "name"/);
  });
  await withFile("sources: [{name: x, kind: 3}]\n", async (file) => {
    await assert.rejects(loadEnvironment(file), /the kind of source "x" must be a string/);
  });
});
