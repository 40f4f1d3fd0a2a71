/**
 * `drop_inconsistent_metadata` (commands/dropInconsistentMetadata.ts; Hasura/RQL/DDL/Metadata.hs
 * `runDropInconsistentMetadata`, as server/tests-py/test_inconsistent_meta.py uses it): it answers
 * success, removes every inconsistent object from the stored metadata (a relationship on a remote
 * schema's type leaves its type's entry behind), is a write, and a `reload_metadata` after it is
 * consistent.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { qualifyTable, sameTable } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { currentVersion, metadata, objectBody, pgCreate, profileRelationshipNames, root, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

const drop = { type: "drop_inconsistent_metadata", args: {} };

test("drop_inconsistent_metadata: a relationship stored inconsistent is removed; reload_metadata is then consistent", async () => {
  const exported = server.exportMetadata();
  const profiles = exported.sources[0].tables.find((table) => sameTable(qualifyTable(table.table), { schema: "public", name: "profiles" }));
  assert.ok(profiles !== undefined);
  const toMissingSource = {
    to_source: { source: "gone", table: { schema: "hasura", name: "album" }, relationship_type: "object", field_mapping: { id: "artist_id" } },
  };
  profiles.remote_relationships = [{ name: "albums", definition: toMissingSource }];
  const replaced = await metadata(server, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata: exported } });
  assert.equal(objectBody(replaced).is_consistent, false);
  assert.deepEqual(profileRelationshipNames(server), ["albums"]);

  const version = await currentVersion(server);
  assert.deepEqual(await metadata(server, drop), { status: 200, body: { message: "success" } });
  assert.deepEqual(profileRelationshipNames(server), []);
  assert.equal(await currentVersion(server), version + 1);
  assert.deepEqual(objectBody(await metadata(server, { type: "reload_metadata", args: {} })), { message: "success", is_consistent: true });
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })), { is_consistent: true, inconsistent_objects: [] });
});

test("drop_inconsistent_metadata: relationships a changed remote schema broke are removed, on tables and on remote schemas' types", async () => {
  const userSdl = await readFile(join(root, "conformance", "remote-schemas", "user.graphql"), "utf8");
  assert.equal((await metadata(server, pgCreate("userBasic"))).status, 200);
  assert.equal((await metadata(server, pgCreate("kept", { remote_field: { allUsers: { arguments: {} } } }))).status, 200);
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };
  const onType = { remote_schema: "my-remote-schema", type_name: "Message", name: "self", definition };
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args: onType })).status, 200);
  server.setRemoteSchemaSdl("user", "type Query { user(userId: Int!): User allUsers: [User!]! } type User { id: Int! username: String! }");
  try {
    assert.equal(objectBody(await metadata(server, { type: "reload_metadata", args: {} })).is_consistent, false);
    assert.deepEqual(await metadata(server, drop), { status: 200, body: { message: "success" } });
    assert.deepEqual(profileRelationshipNames(server), ["kept"]);
    const message = server.exportMetadata().remote_schemas?.find((schema) => schema.name === "my-remote-schema");
    assert.deepEqual(message?.remote_relationships, [{ type_name: "Message", relationships: [] }]);
    assert.deepEqual(objectBody(await metadata(server, { type: "reload_metadata", args: {} })), { message: "success", is_consistent: true });
  } finally {
    server.setRemoteSchemaSdl("user", userSdl);
    await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "kept" } });
  }
});

test("drop_inconsistent_metadata: on consistent metadata it changes nothing and still succeeds", async () => {
  const before = server.exportMetadata();
  assert.deepEqual(await metadata(server, drop), { status: 200, body: { message: "success" } });
  assert.deepEqual(server.exportMetadata(), before);
});
