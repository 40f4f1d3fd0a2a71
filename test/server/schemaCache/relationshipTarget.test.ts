/**
 * Resolving a relationship's target (schemaCache/relationshipTarget.ts) for joins to another
 * database table (`definition.to_source`). The only source is the `default` Postgres one, which
 * Hasura supports as a target; the rebuild checks the source, the target table and the mapped
 * columns, with Hasura's reasons.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function toSource(name: string, overrides: JsonObject = {}): JsonObject {
  const definition = {
    to_source: { source: "default", table: { schema: "custom", name: "profiles" }, relationship_type: "object", field_mapping: { id: "id" }, ...overrides },
  };
  return { type: "pg_create_remote_relationship", args: { source: "default", table: { schema: "public", name: "profiles" }, name, definition } };
}

async function reasonOf(overrides: JsonObject): Promise<string> {
  const body = objectBody(await metadata(server, toSource("r", overrides)));
  assert.equal(body.code, "invalid-configuration");
  return String(body.error).replace('Inconsistent object: in table "profiles": in remote relationship "r": ', "");
}

test("to_source: a join to a tracked table is stored in the definition format", async () => {
  assert.deepEqual(await metadata(server, toSource("twin")), { status: 200, body: { message: "success" } });
  const table = server.exportMetadata().sources[0].tables.find((t) => t.table.schema === "public");
  assert.deepEqual(table?.remote_relationships, [
    {
      name: "twin",
      definition: { to_source: { relationship_type: "object", field_mapping: { id: "id" }, source: "default", table: { schema: "custom", name: "profiles" } } },
    },
  ]);
});

test("to_source: an unknown source, an untracked table, missing columns", async () => {
  assert.equal(await reasonOf({ source: "other" }), 'source not found: "other"');
  assert.equal(await reasonOf({ table: "not_tracked" }), 'table "not_tracked" does not exist in source: default');
  assert.equal(await reasonOf({ field_mapping: { nope: "id" } }), '"nope" does not exist');
  assert.equal(await reasonOf({ field_mapping: { id: "nope" } }), '"nope" does not exist');
});
