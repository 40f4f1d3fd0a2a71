/**
 * Relationships defined on a remote schema's types: create (an upsert; a no-op on a missing
 * remote schema), update (must exist), delete (missing is fine), export format, and a remote
 * schema that stops answering.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startRemoteSchemaServer, type RunningHasuraServer } from "../../server";
import type { JsonObject, JsonValue } from "../../model";
import { metadata, objectBody, ROOT, startEnvServer } from "./helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function args(name: string, remoteSchema = "user", id: JsonValue = "$id"): JsonObject {
  const definition = { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id } } } } };
  return { remote_schema: remoteSchema, type_name: "User", name, definition };
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

test("schema relationships: a type that is missing or not an object", async () => {
  const missing = objectBody(await metadata(server, { type: "create_remote_schema_remote_relationship", args: { ...args("x"), type_name: "Nope" } }));
  assert.equal(missing.error, 'Inconsistent object: in remote relationship "x": no type named "Nope" defined in remote schema "user"');
});

test("remote schemas: reloading a schema whose server is gone fails and keeps the old state", async () => {
  const sdl = await readFile(join(ROOT, "conformance", "remote-schemas", "user.graphql"), "utf8");
  const flaky = await startRemoteSchemaServer(sdl);
  await metadata(server, { type: "add_remote_schema", args: { name: "flaky", definition: { url: flaky.url } } });
  await flaky.stop();
  const answer = objectBody(await metadata(server, { type: "reload_remote_schema", args: { name: "flaky" } }));
  assert.equal(answer.code, "unexpected");
  assert.equal(answer.error, "cannot continue due to newly found inconsistent metadata");
  assert.equal((answer.internal as JsonObject[])[0].reason, `Inconsistent object: HTTP exception occurred while sending the request to "${flaky.url}"`);
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })).is_consistent, true);
});
