/**
 * Relationships defined on a remote schema's types (commands/schemaRelationships.ts): create (an
 * upsert; a no-op on a missing remote schema), update (must exist), delete (missing is fine) and
 * the export format.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject, JsonValue } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, startEnvServer } from "../helpers";

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
  assert.equal(server.exportMetadata().remote_schemas?.find((schema) => schema.name === "user")?.remote_relationships, undefined);
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
