/**
 * `*_create/update/delete_remote_relationship` (commands/tableRelationships.ts): create is an
 * upsert, `hasura_fields`/`lhs_fields` are sets, and a relationship is exported in the format it
 * was written in.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { deleteProfileRelationships, legacyCreate, metadata, pgCreate, profileRelationships, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(() => deleteProfileRelationships(server));

const userField = { user: { arguments: { id: "$id" } } };

test("semantics: create on an existing name replaces it", async () => {
  assert.equal((await query(server, legacyCreate("r"))).status, 200);
  const replaced = legacyCreate("r", { remote_schema: "my-remote-schema", remote_field: { message: { arguments: { id: "$id" } } } });
  assert.deepEqual(await query(server, replaced), { status: 200, body: { message: "success" } });
  assert.deepEqual(profileRelationships(server), [
    { name: "r", definition: { remote_schema: "my-remote-schema", hasura_fields: ["id"], remote_field: { message: { arguments: { id: "$id" } } } } },
  ]);
});

test("semantics: hasura_fields and lhs_fields are sets", async () => {
  await query(server, legacyCreate("legacy", { hasura_fields: ["name", "id", "id"] }));
  await metadata(server, pgCreate("unified", { lhs_fields: ["id", "name", "id"] }));
  const [legacy, unified] = profileRelationships(server) as { definition: { hasura_fields?: string[]; to_remote_schema?: { lhs_fields: string[] } } }[];
  assert.deepEqual(legacy.definition.hasura_fields, ["id", "name"]);
  assert.deepEqual(unified.definition.to_remote_schema?.lhs_fields, ["id", "name"]);
});

test("semantics: the format written is the format exported, and an update may switch it", async () => {
  await query(server, legacyCreate("r"));
  assert.deepEqual(profileRelationships(server), [{ name: "r", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: userField } }]);
  await metadata(server, pgCreate("r", {}, "pg_update_remote_relationship"));
  assert.deepEqual(profileRelationships(server), [
    { name: "r", definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: userField } } },
  ]);
});

test("sources: a backend prefix acts on sources of its kind only; pg_ and postgres_ both mean postgres", async () => {
  const long = pgCreate("long", {}, "postgres_create_remote_relationship");
  assert.deepEqual(await metadata(server, long), { status: 200, body: { message: "success" } });
  const wrongKind = await metadata(server, pgCreate("r", {}, "mssql_create_remote_relationship"));
  assert.deepEqual(wrongKind, { status: 400, body: { path: "$.args", error: 'table "profiles" does not exist in source: default', code: "not-exists" } });
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: userField } };
  const otherSource = {
    type: "pg_create_remote_relationship",
    args: { source: "target", table: { schema: "public", name: "profiles" }, name: "r", definition },
  };
  const answer = await metadata(server, otherSource);
  assert.equal((answer.body as { error: string }).error, 'table "profiles" does not exist in source: target');
});

test("sources: a relationship on a table of the second source", async () => {
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["artist_id"], remote_field: { user: { arguments: { id: "$artist_id" } } } } };
  const args = { source: "target", table: { schema: "hasura", name: "album" }, name: "artist", definition };
  assert.deepEqual(await metadata(server, { type: "pg_create_remote_relationship", args }), { status: 200, body: { message: "success" } });
  const album = server.exportMetadata().sources.find((source) => source.name === "target")?.tables[0];
  assert.deepEqual(album?.remote_relationships, [{ name: "artist", definition }]);
  const bad = { ...args, definition: { to_remote_schema: { ...definition.to_remote_schema, lhs_fields: ["nope"] } } };
  const refused = await metadata(server, { type: "pg_update_remote_relationship", args: bad });
  assert.equal(
    (refused.body as { error: string }).error,
    'Inconsistent object: in table "hasura.album": in remote relationship "artist": field with name "nope"is not provided by the lhs entity""hasura.album"for defining a join condition, the allowed fields are "id", "title", or "artist_id""',
  );
  const remove = { type: "pg_delete_remote_relationship", args: { source: "target", table: { schema: "hasura", name: "album" }, name: "artist" } };
  assert.deepEqual(await metadata(server, remove), { status: 200, body: { message: "success" } });
});
