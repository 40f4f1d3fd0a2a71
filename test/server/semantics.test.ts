/**
 * Hasura v2 semantics the provider relies on: create is an upsert, `hasura_fields`/`lhs_fields`
 * are sets, a relationship is exported in the format it was written in, `resource_version` goes
 * up by one per write and a stale one answers 409, and a remote schema with dependents cannot
 * be removed.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../server";
import { legacyCreate, metadata, objectBody, pgCreate, profileRelationships, query, startEnvServer } from "./helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(async () => {
  for (const { name } of profileRelationships(server) as { name: string }[]) {
    await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name } });
  }
});

const USER_FIELD = { user: { arguments: { id: "$id" } } };

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
  assert.deepEqual(profileRelationships(server), [{ name: "r", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: USER_FIELD } }]);
  await metadata(server, pgCreate("r", {}, "pg_update_remote_relationship"));
  assert.deepEqual(profileRelationships(server), [
    { name: "r", definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: USER_FIELD } } },
  ]);
});

test("semantics: export_metadata v1 is the bare object, v2 wraps it with resource_version", async () => {
  const v1 = objectBody(await metadata(server, { type: "export_metadata", args: {} }));
  assert.equal(v1.version, 3);
  assert.ok(Array.isArray(v1.sources) && Array.isArray(v1.remote_schemas));
  assert.equal(v1.resource_version, undefined);
  const v2 = objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} }));
  assert.deepEqual(Object.keys(v2).sort(), ["metadata", "resource_version"]);
  assert.deepEqual(v2.metadata, v1);
  assert.deepEqual(objectBody(await query(server, { type: "export_metadata", args: {} })), v1);
});

async function currentVersion(): Promise<number> {
  const body = objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} }));
  return body.resource_version as number;
}

test("semantics: resource_version goes up by one per write, not for reads or failures", async () => {
  const start = await currentVersion();
  await metadata(server, { type: "export_metadata", args: {} });
  await query(server, legacyCreate("r", { table: "not_tracked" }));
  await metadata(server, pgCreate("bad", { remote_schema: "nope" }));
  assert.equal(await currentVersion(), start);
  await metadata(server, pgCreate("a"));
  assert.equal(await currentVersion(), start + 1);
  await metadata(server, { type: "bulk", args: [pgCreate("b"), pgCreate("c")] });
  assert.equal(await currentVersion(), start + 2);
  await query(server, legacyCreate("d"));
  assert.equal(await currentVersion(), start + 3);
});

test("semantics: a stale resource_version answers 409 and changes nothing", async () => {
  const version = await currentVersion();
  const stale = { ...pgCreate("r"), resource_version: version - 1 };
  assert.deepEqual(await metadata(server, stale), {
    status: 409,
    body: { path: "$", error: `metadata resource version referenced (${version - 1}) did not match current version`, code: "conflict" },
  });
  assert.deepEqual(profileRelationships(server), []);
  assert.equal(await currentVersion(), version);
  assert.equal((await metadata(server, { ...pgCreate("r"), resource_version: version })).status, 200);
  assert.equal(await currentVersion(), version + 1);
});

test("semantics: a command error wins over a stale resource_version; reads ignore it", async () => {
  const version = await currentVersion();
  const bad = { ...pgCreate("r", {}, "pg_update_remote_relationship"), resource_version: version - 1 };
  assert.equal((await metadata(server, bad)).status, 400);
  assert.equal((await metadata(server, { type: "export_metadata", args: {}, resource_version: 0 })).status, 200);
});

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
  const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: USER_FIELD } };
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
