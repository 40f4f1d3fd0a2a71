/**
 * The cost model (engine/sourceResolution.ts, engine/tx.ts), read off the stats counters: every
 * schema-changing command pays one rebuild; a rebuild introspects a source's catalog again when the
 * source is invalidated or its metadata changed, as Hasura's `Inc.cache`d `resolveSourceIfNeeded`
 * does (Hasura/RQL/DDL/Schema/Cache.hs). `replace_metadata` invalidates every source
 * (`runReplaceMetadataV2'`, Hasura/RQL/DDL/Metadata.hs), `reload_metadata` those in
 * `reload_sources`; a command that changes one source's metadata introspects that one; commands
 * on remote schemas introspect none. The conformance environment has two sources. The modelled
 * time is waited out under the metadata lock, shown with a fake sleep.
 */
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setImmediate } from "node:timers/promises";
import type { RunningHasuraServer } from "../../../server";
import { parseRequest } from "../../../server/commands/parseRequest";
import type { Databases } from "../../../server/engine/catalog";
import { Engine } from "../../../server/engine/engine";
import { StatsRecorder } from "../../../server/harness/stats";
import { emptyMetadata } from "../../../server/metadata/records";
import { deleteProfileRelationships, metadata, objectBody, pgCreate, startEnvServer } from "../helpers";

const schemaRelationship = {
  type: "create_remote_schema_remote_relationship",
  args: {
    remote_schema: "my-remote-schema",
    type_name: "Message",
    name: "self",
    definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
  },
};

function costs(server: RunningHasuraServer): { rebuilds: number; introspections: number; introspectionMs: number } {
  const stats = server.stats();
  return { rebuilds: stats.rebuilds, introspections: stats.catalogIntrospections, introspectionMs: stats.catalogIntrospectionMs };
}

describe("catalog introspection cost", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startEnvServer({ catalogIntrospectionMs: 7 });
  });
  after(() => server.stop());
  beforeEach(async () => {
    await deleteProfileRelationships(server);
    server.resetStats();
  });

  test("cost: replace_metadata introspects every source once, with one rebuild", async () => {
    assert.equal((await metadata(server, { type: "replace_metadata", args: server.exportMetadata() })).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 2, introspectionMs: 14 });
  });

  test("cost: a single table relationship command introspects its own source only", async () => {
    assert.equal((await metadata(server, pgCreate("a"))).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 1, introspectionMs: 7 });
  });

  test("cost: a bulk pays per child; bulk_atomic once", async () => {
    assert.equal((await metadata(server, { type: "bulk", args: [pgCreate("b1"), pgCreate("b2"), pgCreate("b3")] })).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 3, introspections: 3, introspectionMs: 21 });
    server.resetStats();
    const deleteOf = (name: string) => ({ type: "pg_delete_remote_relationship", args: { table: "profiles", name } });
    assert.equal((await metadata(server, { type: "bulk_atomic", args: [deleteOf("b1"), deleteOf("b2"), deleteOf("b3")] })).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 1, introspectionMs: 7 });
  });

  test("cost: a command that fails its lookups pays nothing; one that fails validation pays the rebuild and its source", async () => {
    const untracked = { type: "pg_create_remote_relationship", args: { table: "not_tracked", name: "x", definition: schemaRelationship.args.definition } };
    assert.equal(objectBody(await metadata(server, untracked)).code, "not-exists");
    assert.deepEqual(costs(server), { rebuilds: 0, introspections: 0, introspectionMs: 0 });
    assert.equal((await metadata(server, pgCreate("bad", { remote_schema: "nope" }))).status, 400);
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 1, introspectionMs: 7 });
  });

  test("cost: commands on remote schemas introspect no source", async () => {
    assert.equal((await metadata(server, schemaRelationship)).status, 200);
    const remove = { type: "delete_remote_schema_remote_relationship", args: { remote_schema: "my-remote-schema", type_name: "Message", name: "self" } };
    assert.equal((await metadata(server, remove)).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 2, introspections: 0, introspectionMs: 0 });
  });

  test("cost: tracking a table changes its source's metadata, so that source is introspected", async () => {
    assert.equal((await metadata(server, { type: "pg_track_table", args: { table: "not_tracked" } })).status, 200);
    assert.equal((await metadata(server, { type: "pg_untrack_table", args: { table: "not_tracked" } })).status, 200);
    assert.deepEqual(costs(server), { rebuilds: 2, introspections: 2, introspectionMs: 14 });
  });

  test("cost: reload_metadata introspects the sources reload_sources names (all by default)", async () => {
    const reload = async (args: object) => assert.equal((await metadata(server, { type: "reload_metadata", args })).status, 200);
    await reload({});
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 2, introspectionMs: 14 });
    server.resetStats();
    await reload({ reload_sources: false });
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 0, introspectionMs: 0 });
    server.resetStats();
    await reload({ reload_sources: ["target"] });
    assert.deepEqual(costs(server), { rebuilds: 1, introspections: 1, introspectionMs: 7 });
  });

  test("cost: reads introspect nothing", async () => {
    await metadata(server, { type: "export_metadata", args: {} });
    await metadata(server, { type: "get_inconsistent_metadata", args: {} });
    assert.deepEqual(costs(server), { rebuilds: 0, introspections: 0, introspectionMs: 0 });
  });
});

describe("modelled time", () => {
  test("cost: the modelled times are waited out while the metadata lock is held, introspection before the rebuild", async () => {
    const waits: { ms: number; release: () => void }[] = [];
    const sleep = (ms: number) => new Promise<void>((release) => waits.push({ ms, release }));
    const stats = new StatsRecorder();
    // A database whose catalog is known at once, so that only the modelled waits take turns of the event loop.
    const profiles = { schema: "public", name: "profiles", columns: [{ name: "id", type: "integer" }] };
    const databases: Databases = {
      kind: (source) => (source === "default" ? "postgres" : undefined),
      introspect: async () => ({ tables: new Map([["public.profiles", profiles]]), functions: new Map() }),
      runSql: () => Promise.reject(new Error("no SQL in this test")),
    };
    const engine = new Engine(
      {
        databases,
        profile: "v2",
        rebuildMs: 30,
        rebuildMsPerObject: 0,
        catalogIntrospectionMs: 20,
        stats,
        introspect: () => Promise.reject(new Error("no remote schemas here")),
        sleep,
      },
      { metadata: emptyMetadata(), remoteSchemas: new Map(), remoteSchemaFailures: new Map(), inconsistencies: [], resolvedSources: new Map() },
      1,
    );
    const track = parseRequest({ type: "pg_track_table", args: { table: "profiles" } }, "/v1/metadata", "v2").command;
    const exportMetadata = parseRequest({ type: "export_metadata", args: {} }, "/v1/metadata", "v2").command;
    const tracking = engine.execute("/v1/metadata", track);
    let exported = false;
    const reading = engine.execute("/v1/metadata", exportMetadata).then(() => (exported = true));
    await setImmediate();
    assert.deepEqual(
      waits.map((wait) => wait.ms),
      [20],
    );
    waits[0].release();
    await setImmediate();
    assert.deepEqual(
      waits.map((wait) => wait.ms),
      [20, 30],
    );
    assert.equal(exported, false);
    waits[1].release();
    assert.equal((await tracking).status, 200);
    await reading;
    assert.equal(exported, true);
    assert.deepEqual([stats.snapshot(2, { maxQueued: 0, acquisitions: 0 }).catalogIntrospectionMs, engine.resourceVersion], [20, 2]);
  });
});
