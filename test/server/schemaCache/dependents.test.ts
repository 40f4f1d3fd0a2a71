/**
 * Dependent objects (schemaCache/dependents.ts): a remote schema that consistent relationships
 * join to, or that has relationships defined on it, cannot be removed.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { deleteProfileRelationships, legacyCreate, metadata, objectBody, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(() => deleteProfileRelationships(server));

const userField = { user: { arguments: { id: "$id" } } };

test("semantics: remove_remote_schema with a dependent relationship is a dependency-error", async () => {
  await query(server, legacyCreate("userBasic"));
  const answer = await metadata(server, { type: "remove_remote_schema", args: { name: "user" } });
  assert.deepEqual(answer, {
    status: 400,
    body: {
      path: "$.args",
      error: 'cannot drop due to the following dependent objects: remote relationship profiles.userBasic in source "default"',
      code: "dependency-error",
    },
  });
  await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "userBasic" } });
  assert.equal((await metadata(server, { type: "remove_remote_schema", args: { name: "prefixer-proxy" } })).status, 200);
  assert.ok(!(server.exportMetadata().remote_schemas ?? []).some((schema) => schema.name === "prefixer-proxy"));
});

test("semantics: relationships defined on a remote schema also block its removal", async () => {
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: userField } };
  const args = { remote_schema: "my-remote-schema", type_name: "Message", name: "author", definition };
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args })).status, 200);
  const answer = objectBody(await metadata(server, { type: "remove_remote_schema", args: { name: "user" } }));
  assert.equal(
    answer.error,
    "cannot drop due to the following dependent objects: remote_relationship author on type Message in remote schema my-remote-schema",
  );
  await metadata(server, {
    type: "delete_remote_schema_remote_relationship",
    args: { remote_schema: "my-remote-schema", type_name: "Message", name: "author" },
  });
});

test("semantics: a remote schema relationship joining a table blocks untracking it, unless cascaded", async () => {
  const definition = {
    to_source: { source: "target", table: { schema: "hasura", name: "album" }, relationship_type: "array", field_mapping: { id: "artist_id" } },
  };
  const args = { remote_schema: "user", type_name: "User", name: "albums", definition };
  assert.equal((await metadata(server, { type: "create_remote_schema_remote_relationship", args })).status, 200);
  const untrack = { type: "pg_untrack_table", args: { source: "target", table: { schema: "hasura", name: "album" } } };
  assert.deepEqual(await metadata(server, untrack), {
    status: 400,
    body: {
      path: "$.args",
      error: "cannot drop due to the following dependent objects: remote_relationship albums on type User in remote schema user",
      code: "dependency-error",
    },
  });
  assert.deepEqual(await metadata(server, { ...untrack, args: { ...untrack.args, cascade: true } }), { status: 200, body: { message: "success" } });
  const exported = server.exportMetadata();
  // The cascade drops the relationship as Hasura's purge does: its type's entry stays.
  assert.deepEqual(exported.remote_schemas?.find((schema) => schema.name === "user")?.remote_relationships, [{ type_name: "User", relationships: [] }]);
  assert.deepEqual(exported.sources.find((source) => source.name === "target")?.tables, []);
  assert.equal((await metadata(server, { type: "pg_track_table", args: { source: "target", table: { schema: "hasura", name: "album" } } })).status, 200);
});
