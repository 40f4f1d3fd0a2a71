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
