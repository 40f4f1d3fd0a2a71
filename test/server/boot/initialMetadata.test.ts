/**
 * The metadata a server starts with (boot/initialMetadata.ts), pure: what the data directory
 * kept wins; fresh metadata tracks the tables and adds the remote schemas it is given, and starts
 * at the `resource_version` Hasura would have after those writes, one per table and per schema.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstResourceVersion, initialMetadata } from "../../../server/boot/initialMetadata";

const environment = {
  database: [],
  trackedTables: [
    { schema: "public", name: "profiles" },
    { schema: "custom", name: "profiles" },
  ],
  sources: [],
  remoteSchemas: [],
};

test("initialMetadata: a fresh start counts each tracked table and added remote schema as a write", () => {
  const start = initialMetadata({ environment, options: {}, remoteSchemaUrls: { user: "http://127.0.0.1:1/graphql", other: "http://127.0.0.1:2/graphql" } });
  assert.equal(start.fromDisk, false);
  assert.equal(start.metadata.sources[0].tables.length, 2);
  assert.deepEqual(
    start.metadata.remoteSchemas.map((schema) => schema.name),
    ["user", "other"],
  );
  assert.equal(start.resourceVersion, firstResourceVersion + 2 + 2);
});

test("initialMetadata: a table tracked twice is one write; options count like the environment", () => {
  const start = initialMetadata({
    environment,
    options: {
      trackedTables: [
        { schema: "public", name: "profiles" },
        { schema: "public", name: "extra" },
      ],
      remoteSchemas: [{ name: "x", url: "http://h/graphql" }],
    },
    remoteSchemaUrls: {},
  });
  assert.equal(start.metadata.sources[0].tables.length, 3);
  assert.equal(start.resourceVersion, firstResourceVersion + 3 + 1);
});

test("initialMetadata: nothing set up starts at Hasura's first resource_version", () => {
  assert.equal(initialMetadata({ options: {}, remoteSchemaUrls: {} }).resourceVersion, firstResourceVersion);
  assert.equal(firstResourceVersion, 1);
});

test("initialMetadata: stored metadata wins, with its resource_version and moved remote schema servers", () => {
  const persisted = {
    resource_version: 42,
    metadata: {
      version: 3,
      sources: [{ name: "default", kind: "postgres", tables: [] }],
      remote_schemas: [{ name: "user", definition: { url: "http://127.0.0.1:1/graphql" } }],
    },
    environment_remote_schemas: { user: "http://127.0.0.1:1/graphql" },
  };
  const start = initialMetadata({ environment, options: {}, persisted, remoteSchemaUrls: { user: "http://127.0.0.1:9/graphql" } });
  assert.equal(start.fromDisk, true);
  assert.equal(start.resourceVersion, 42);
  assert.equal(start.metadata.sources[0].tables.length, 0);
  assert.equal(start.metadata.remoteSchemas[0].definition.url, "http://127.0.0.1:9/graphql");
});

test("initialMetadata: each further source is one write, and each table tracked in it one more", () => {
  const sources = [{ name: "target", kind: "citus", tables: [], trackedTables: [{ schema: "hasura", name: "album" }] }];
  const start = initialMetadata({ environment: { ...environment, sources }, options: { sources: [{ name: "empty", tables: [] }] }, remoteSchemaUrls: {} });
  assert.deepEqual(
    start.metadata.sources.map((source) => [source.name, source.kind, source.tables.length]),
    [
      ["default", "postgres", 2],
      ["target", "citus", 1],
      ["empty", "postgres", 0],
    ],
  );
  assert.deepEqual(start.metadata.sources[1].configuration.connection_info, {
    database_url: { from_env: "TARGET_DATABASE_URL" },
    isolation_level: "read-committed",
    pool_settings: { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 },
    use_prepared_statements: true,
  });
  assert.equal(start.resourceVersion, firstResourceVersion + 2 + 2 + 1);
});
