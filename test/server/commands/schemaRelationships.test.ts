/**
 * Relationships defined on a remote schema's types (commands/schemaRelationships.ts): create (an
 * upsert; a no-op on a missing remote schema), update (must exist), delete (missing is fine; the
 * last one of a type leaves the type's entry with no relationships, as Hasura's
 * `dropRemoteSchemaRemoteRelationshipInMetadata` does), both targets, the export format, and the
 * inconsistency's shape.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject, JsonValue } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function args(name: string, remoteSchema = "user", id: JsonValue = "$id"): JsonObject {
  const definition = { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id } } } } };
  return { remote_schema: remoteSchema, type_name: "User", name, definition };
}

function notExists(error: string) {
  return { status: 400, body: { path: "$.args", error, code: "not-exists" } };
}

test("schema relationships: create, upsert, update, export, delete", async () => {
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args: args("latest") })).status, 200);
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args: args("latest", "user", "$id") })).status, 200);
  assert.equal((await metadata(server, { type: "update_remote_schema_remote_relationship", args: args("latest", "user", 5) })).status, 200);
  const user = server.exportMetadata().remote_schemas?.find((schema) => schema.name === "user");
  assert.deepEqual(user?.remote_relationships, [
    {
      type_name: "User",
      relationships: [
        {
          name: "latest",
          definition: { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id: 5 } } } } },
        },
      ],
    },
  ]);
  const remove = { remote_schema: "user", type_name: "User", name: "latest" };
  assert.equal((await metadata(server, { type: "delete_remote_schema_remote_relationship", args: remove })).status, 200);
  assert.deepEqual(server.exportMetadata().remote_schemas?.find((schema) => schema.name === "user")?.remote_relationships, [
    { type_name: "User", relationships: [] },
  ]);
  assert.deepEqual(await metadata(server, { type: "delete_remote_schema_remote_relationship", args: remove }), { status: 200, body: { message: "success" } });
});

test("schema relationships: create on a missing remote schema changes nothing and succeeds", async () => {
  const before = server.exportMetadata();
  assert.deepEqual(await metadata(server, { type: "create_remote_schema_remote_relationship", args: args("x", "nope") }), {
    status: 200,
    body: { message: "success" },
  });
  assert.deepEqual(server.exportMetadata(), before);
});

test("not-exists: updating a missing remote schema relationship (Hasura quotes it twice)", async () => {
  const args = {
    remote_schema: "user",
    type_name: "User",
    name: "nope",
    definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
  };
  const answer = await metadata(server, { type: "update_remote_schema_remote_relationship", args });
  assert.deepEqual(answer, notExists('no relationship defined on remote schema ""user" with name "nope""'));
});

function toSourceArgs(name: string, overrides: JsonObject = {}): JsonObject {
  const definition = {
    to_source: { source: "target", table: { schema: "hasura", name: "album" }, relationship_type: "array", field_mapping: { id: "artist_id" }, ...overrides },
  };
  return { remote_schema: "user", type_name: "User", name, definition };
}

test("schema relationships: to_source targets, and an update that switches targets", async () => {
  assert.deepEqual(await metadata(server, { type: "create_remote_schema_remote_relationship", args: toSourceArgs("albums") }), {
    status: 200,
    body: { message: "success" },
  });
  const toSchema = args("albums");
  assert.equal((await metadata(server, { type: "update_remote_schema_remote_relationship", args: toSchema })).status, 200);
  assert.equal((await metadata(server, { type: "update_remote_schema_remote_relationship", args: toSourceArgs("albums") })).status, 200);
  const user = server.exportMetadata().remote_schemas?.find((schema) => schema.name === "user");
  assert.deepEqual(user?.remote_relationships, [
    {
      type_name: "User",
      relationships: [
        {
          name: "albums",
          definition: {
            to_source: { relationship_type: "array", field_mapping: { id: "artist_id" }, source: "target", table: { schema: "hasura", name: "album" } },
          },
        },
      ],
    },
  ]);
  await metadata(server, { type: "delete_remote_schema_remote_relationship", args: { remote_schema: "user", type_name: "User", name: "albums" } });
});

test("schema relationships: a to_source target is validated as Hasura validates it, the type's argument-less fields being the join fields", async () => {
  const reasons: string[] = [];
  const cases: JsonObject[] = [{ source: "nope" }, { table: "album" }, { field_mapping: { nope: "id" } }, { field_mapping: { username: "nope" } }];
  for (const overrides of cases) {
    const body = objectBody(await metadata(server, { type: "create_remote_schema_remote_relationship", args: toSourceArgs("bad", overrides) }));
    assert.equal(body.code, "invalid-configuration");
    reasons.push(String(body.error));
  }
  assert.deepEqual(reasons, [
    'Inconsistent object: in remote relationship "bad": source not found: "nope"',
    'Inconsistent object: in remote relationship "bad": table "album" does not exist in source: target',
    'Inconsistent object: in remote relationship "bad": "nope" does not exist',
    'Inconsistent object: in remote relationship "bad": "nope" does not exist',
  ]);
  assert.deepEqual(server.exportMetadata().remote_schemas?.find((schema) => schema.name === "user")?.remote_relationships, [
    { type_name: "User", relationships: [] },
  ]);
});

test("schema relationships: an inconsistent one is listed with Hasura's name, and its definition under `type`, not `type_name`", async () => {
  const body = objectBody(await metadata(server, { type: "create_remote_schema_remote_relationship", args: toSourceArgs("bad", { source: "nope" }) }));
  assert.deepEqual(body.internal, [
    {
      definition: {
        remote_schema: "user",
        type: "User",
        name: "bad",
        definition: {
          to_source: { relationship_type: "array", field_mapping: { id: "artist_id" }, source: "nope", table: { schema: "hasura", name: "album" } },
        },
      },
      name: "remote_schema_remote_relationship remote_relationship bad on type User in remote schema user",
      reason: 'Inconsistent object: in remote relationship "bad": source not found: "nope"',
      type: "remote_schema_remote_relationship",
    },
  ]);
});

test("schema relationships: delete of a missing one succeeds, on a missing type or remote schema too (Hasura's lens finds nothing to drop)", async () => {
  for (const key of [
    { remote_schema: "user", type_name: "User", name: "never" },
    { remote_schema: "user", type_name: "Nope", name: "never" },
    { remote_schema: "nope", type_name: "User", name: "never" },
  ]) {
    assert.deepEqual(await metadata(server, { type: "delete_remote_schema_remote_relationship", args: key }), { status: 200, body: { message: "success" } });
  }
});
