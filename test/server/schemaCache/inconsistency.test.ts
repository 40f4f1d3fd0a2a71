/**
 * Inconsistent objects (schemaCache/inconsistency.ts) as they arise in real life: the remote
 * schema changes under relationships that were valid. The remote schema's server is given another
 * SDL (`setRemoteSchemaSdl`); Hasura notices only when told to look again. `reload_remote_schema`
 * refuses to take a schema that would make objects inconsistent (`withNewInconsistentObjsCheck`:
 * 500 `unexpected`, the objects in `internal`, nothing changed); `reload_metadata` takes it, keeps
 * the metadata as it is, and answers which objects are now inconsistent, as
 * `get_inconsistent_metadata` then does (Hasura/RQL/DDL/Metadata.hs runReloadMetadata).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, pgCreate, post, root, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
let userSdl: string;
before(async () => {
  server = await startEnvServer();
  userSdl = await readFile(join(root, "conformance", "remote-schemas", "user.graphql"), "utf8");
});
after(() => server.stop());

// The "user" remote schema after its owners renamed the query's argument.
const renamedSdl = "type Query { user(userId: Int!): User allUsers: [User!]! } type User { id: Int! username: String! }";

const tableReason = 'Inconsistent object: in table "profiles": in remote relationship "userBasic": argument with name "id" not found in remote schema';
const schemaReason = 'Inconsistent object: in remote relationship "self": argument with name "id" not found in remote schema';

function expectedObjects(): JsonObject[] {
  const remoteField = { user: { arguments: { id: "$id" } } };
  return [
    {
      definition: {
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } },
        source: "default",
        table: { schema: "public", name: "profiles" },
        name: "userBasic",
      },
      name: "remote_relationship userBasic in table profiles in source default",
      reason: tableReason,
      type: "remote_relationship",
    },
    {
      definition: {
        remote_schema: "my-remote-schema",
        type: "Message",
        name: "self",
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } },
      },
      name: "remote_schema_remote_relationship remote_relationship self on type Message in remote schema my-remote-schema",
      reason: schemaReason,
      type: "remote_schema_remote_relationship",
    },
  ];
}

async function setUp(): Promise<void> {
  assert.equal((await metadata(server, pgCreate("userBasic"))).status, 200);
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };
  const args = { remote_schema: "my-remote-schema", type_name: "Message", name: "self", definition };
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args })).status, 200);
}

test("inconsistency: a remote schema changed under relationships; reload_remote_schema refuses it, reload_metadata takes it", async () => {
  await setUp();
  const before = server.exportMetadata();
  server.setRemoteSchemaSdl("user", renamedSdl);

  const refused = await metadata(server, { type: "reload_remote_schema", args: { name: "user" } });
  assert.deepEqual(refused, {
    status: 500,
    body: { path: "$.args", error: "cannot continue due to newly found inconsistent metadata", code: "unexpected", internal: expectedObjects() },
  });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), { is_consistent: true, inconsistent_objects: [] });
  const stillOld = JSON.stringify(await metadata(server, { type: "introspect_remote_schema", args: { name: "user" } }));
  assert.ok(!stillOld.includes('"userId"'));

  const reloaded = await metadata(server, { type: "reload_metadata", args: {} });
  assert.deepEqual(reloaded, { status: 200, body: { message: "success", is_consistent: false, inconsistent_objects: expectedObjects() } });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), {
    is_consistent: false,
    inconsistent_objects: expectedObjects(),
  });
  // The metadata is kept as it was; only the schema cache lost the relationships.
  assert.deepEqual(server.exportMetadata(), before);
  const renamed = JSON.stringify(await metadata(server, { type: "introspect_remote_schema", args: { name: "user" } }));
  assert.ok(renamed.includes('"userId"'));
});

test("inconsistency: an inconsistent relationship cannot be updated or deleted by name on a table, but can on a remote schema; fixing the schema heals it", async () => {
  const update = await metadata(server, pgCreate("userBasic", {}, "pg_update_remote_relationship"));
  assert.deepEqual(update.body, { path: "$.args", error: '"userBasic" does not exist', code: "not-exists" });
  const schemaUpdate = await metadata(server, {
    type: "update_remote_schema_remote_relationship",
    args: {
      remote_schema: "my-remote-schema",
      type_name: "Message",
      name: "self",
      definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { allUsers: { arguments: {} } } } },
    },
  });
  assert.deepEqual(schemaUpdate.body, {
    path: "$.args",
    error: 'no relationship defined on remote schema ""my-remote-schema" with name "self""',
    code: "not-exists",
  });

  server.setRemoteSchemaSdl("user", userSdl);
  assert.deepEqual(await metadata(server, { type: "reload_remote_schema", args: { name: "user" } }), { status: 200, body: { message: "success" } });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), { is_consistent: true, inconsistent_objects: [] });
  assert.equal((await metadata(server, pgCreate("userBasic", {}, "pg_delete_remote_relationship"))).status, 200);
  const remove = { remote_schema: "my-remote-schema", type_name: "Message", name: "self" };
  assert.equal((await metadata(server, { type: "delete_remote_schema_remote_relationship", args: remove })).status, 200);
});

test("inconsistency: the remote schema's SDL can be changed over HTTP too, admin only", async () => {
  const denied = await post(server, "/_local/remote-schema-sdl", { name: "user", sdl: renamedSdl }, {});
  assert.equal(denied.status, 401);
  assert.deepEqual(await post(server, "/_local/remote-schema-sdl", { name: "user", sdl: renamedSdl }), { status: 200, body: { message: "success" } });
  assert.deepEqual(await post(server, "/_local/remote-schema-sdl", { name: "nope", sdl: renamedSdl }), {
    status: 400,
    body: { path: "$", error: 'The environment started no remote schema server named "nope".', code: "bad-request" },
  });
  assert.equal((await post(server, "/_local/remote-schema-sdl", { name: "user", sdl: "type Query {" })).status, 400);
  server.setRemoteSchemaSdl("user", userSdl);
});

test("inconsistency: replace_metadata with allow_inconsistent_metadata keeps an inconsistent remote schema relationship, listed in Hasura's shape", async () => {
  const document = server.exportMetadata();
  const definition = { to_source: { source: "nope", table: { schema: "hasura", name: "album" }, relationship_type: "object", field_mapping: { id: "id" } } };
  const user = document.remote_schemas?.find((schema) => schema.name === "user");
  assert.ok(user !== undefined);
  user.remote_relationships = [{ type_name: "User", relationships: [{ name: "albums", definition }] }];
  const replaced = await metadata(server, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata: document } });
  const object = {
    definition: { remote_schema: "user", type: "User", name: "albums", definition },
    name: "remote_schema_remote_relationship remote_relationship albums on type User in remote schema user",
    reason: 'Inconsistent object: in remote relationship "albums": source not found: "nope"',
    type: "remote_schema_remote_relationship",
  };
  assert.deepEqual(replaced, { status: 200, body: { is_consistent: false, inconsistent_objects: [object] } });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), {
    is_consistent: false,
    inconsistent_objects: [object],
  });
  assert.deepEqual(server.exportMetadata(), document);
  const key = { remote_schema: "user", type_name: "User", name: "albums" };
  assert.equal((await metadata(server, { type: "update_remote_schema_remote_relationship", args: { ...key, definition } })).status, 400);
  assert.deepEqual(await metadata(server, { type: "delete_remote_schema_remote_relationship", args: key }), { status: 200, body: { message: "success" } });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), { is_consistent: true, inconsistent_objects: [] });
});
