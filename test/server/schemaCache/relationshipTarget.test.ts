/**
 * Resolving a relationship's target (schemaCache/relationshipTarget.ts) for joins to another
 * database table (`definition.to_source`): the rebuild checks, in Hasura's order, that the source
 * resolved, that its kind can be a target, that the table is tracked there, then each mapping's
 * column on this side and on the target, with Hasura's reasons (`buildRemoteFieldInfo`).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { qualifyTable, type JsonObject } from "../../../model";
import { startHasuraServer, type RunningHasuraServer } from "../../../server";
import { metadata, objectBody, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function toSource(name: string, overrides: JsonObject = {}): JsonObject {
  const definition = {
    to_source: { source: "target", table: { schema: "hasura", name: "album" }, relationship_type: "array", field_mapping: { id: "artist_id" }, ...overrides },
  };
  return { type: "pg_create_remote_relationship", args: { source: "default", table: { schema: "public", name: "profiles" }, name, definition } };
}

async function reasonOf(overrides: JsonObject, on: RunningHasuraServer = server): Promise<string> {
  const body = objectBody(await metadata(on, toSource("r", overrides)));
  assert.equal(body.code, "invalid-configuration");
  return String(body.error).replace('Inconsistent object: in table "profiles": in remote relationship "r": ', "");
}

test("to_source: a join to a table of another source is stored in the definition format", async () => {
  assert.deepEqual(await metadata(server, toSource("albums")), { status: 200, body: { message: "success" } });
  const table = server.exportMetadata().sources[0].tables.find((t) => qualifyTable(t.table).schema === "public");
  assert.deepEqual(table?.remote_relationships, [
    {
      name: "albums",
      definition: {
        to_source: { relationship_type: "array", field_mapping: { id: "artist_id" }, source: "target", table: { schema: "hasura", name: "album" } },
      },
    },
  ]);
  await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "albums" } });
});

test("to_source: a join within the same source", async () => {
  assert.equal(
    (await metadata(server, toSource("twin", { source: "default", table: { schema: "custom", name: "profiles" }, field_mapping: { id: "id" } }))).status,
    200,
  );
  await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "twin" } });
});

describe("to_source: each of Hasura's reasons, in its order", () => {
  test("an unknown source", async () => {
    assert.equal(await reasonOf({ source: "other", field_mapping: { nope: "nope" } }), 'source not found: "other"');
  });
  test("a table not tracked in the target source, named as Hasura names tables", async () => {
    assert.equal(await reasonOf({ table: { schema: "hasura", name: "not_tracked" } }), 'table "hasura.not_tracked" does not exist in source: target');
    assert.equal(await reasonOf({ table: "album" }), 'table "album" does not exist in source: target');
  });
  test("a table of another source is not the target source's", async () => {
    assert.equal(await reasonOf({ table: { schema: "public", name: "profiles" } }), 'table "profiles" does not exist in source: target');
  });
  test("a mapping from a column this table lacks", async () => {
    assert.equal(await reasonOf({ field_mapping: { nope: "id" } }), '"nope" does not exist');
  });
  test("a mapping to a column the target table lacks", async () => {
    assert.equal(await reasonOf({ field_mapping: { id: "nope" } }), '"nope" does not exist');
  });
  test("a source whose kind cannot be a target", async () => {
    const mysql = await startEnvServer({
      sources: [
        {
          name: "legacy",
          kind: "mysql",
          tables: [{ schema: "public", name: "t", columns: [{ name: "id", type: "int" }] }],
          trackedTables: [{ schema: "public", name: "t" }],
        },
      ],
    });
    try {
      assert.equal(
        await reasonOf({ source: "legacy", table: "t", field_mapping: { id: "nope" } }, mysql),
        "source legacy does not support being used as the target of a remote relationship",
      );
    } finally {
      await mysql.stop();
    }
  });
});

test("to_source: the inconsistency's definition is the create command's arguments", async () => {
  const body = objectBody(await metadata(server, toSource("r", { source: "other" })));
  assert.deepEqual(body.internal, [
    {
      definition: {
        definition: {
          to_source: { relationship_type: "array", field_mapping: { id: "artist_id" }, source: "other", table: { schema: "hasura", name: "album" } },
        },
        source: "default",
        table: { schema: "public", name: "profiles" },
        name: "r",
      },
      name: "remote_relationship r in table profiles in source default",
      reason: 'Inconsistent object: in table "profiles": in remote relationship "r": source not found: "other"',
      type: "remote_relationship",
    },
  ]);
});

test("to_source: a relationship defined on a table of another source", async () => {
  const bare = await startHasuraServer({
    sources: [
      { name: "a", tables: [{ schema: "public", name: "x", columns: [{ name: "id", type: "integer" }] }], trackedTables: [{ schema: "public", name: "x" }] },
      {
        name: "b",
        kind: "citus",
        tables: [{ schema: "public", name: "y", columns: [{ name: "x_id", type: "integer" }] }],
        trackedTables: [{ schema: "public", name: "y" }],
      },
    ],
  });
  try {
    const definition = { to_source: { source: "b", table: "y", relationship_type: "array", field_mapping: { id: "x_id" } } };
    const create = { type: "pg_create_remote_relationship", args: { source: "a", table: "x", name: "ys", definition } };
    assert.deepEqual(await metadata(bare, create), { status: 200, body: { message: "success" } });
    const citusSide = {
      type: "citus_create_remote_relationship",
      args: {
        source: "b",
        table: "y",
        name: "x",
        definition: { to_source: { source: "a", table: "x", relationship_type: "object", field_mapping: { x_id: "id" } } },
      },
    };
    assert.deepEqual(await metadata(bare, citusSide), { status: 200, body: { message: "success" } });
    // Each table is exported as it was sent: a bare name stays a bare name.
    const x = bare.exportMetadata().sources.find((source) => source.name === "a")?.tables[0];
    assert.deepEqual(x?.remote_relationships, [{ name: "ys", definition }]);
  } finally {
    await bare.stop();
  }
});
