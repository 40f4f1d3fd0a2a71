/**
 * `reload_metadata`'s arguments (commands/reloadMetadata.ts; Hasura's `ReloadMetadata` parser in
 * Hasura/RQL/DDL/Metadata/Types.hs, `runReloadMetadata` in Hasura/RQL/DDL/Metadata.hs):
 * `reload_remote_schemas` decides which remote schemas are introspected again, so a remote schema
 * whose server changed is seen only when it is reloaded; names not in the metadata are refused
 * with Hasura's messages before anything happens.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, pgCreate, root, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
let userSdl: string;
before(async () => {
  server = await startEnvServer();
  userSdl = await readFile(join(root, "conformance", "remote-schemas", "user.graphql"), "utf8");
});
after(() => server.stop());

// The "user" remote schema after its owners renamed the query's argument.
const renamedSdl = "type Query { user(userId: Int!): User allUsers: [User!]! } type User { id: Int! username: String! }";

function reload(args: unknown) {
  return metadata(server, { type: "reload_metadata", args });
}

test("reload_metadata: reload_remote_schemas false keeps the introspection it has; naming the remote schema takes the new one", async () => {
  assert.equal((await metadata(server, pgCreate("userBasic"))).status, 200);
  server.setRemoteSchemaSdl("user", renamedSdl);
  try {
    assert.deepEqual(objectBody(await reload({ reload_remote_schemas: false })), { message: "success", is_consistent: true });
    assert.deepEqual(objectBody(await reload({ reload_remote_schemas: ["my-remote-schema"] })), { message: "success", is_consistent: true });
    const reloaded = objectBody(await reload({ reload_remote_schemas: ["user"], reload_sources: false }));
    assert.equal(reloaded.is_consistent, false);
    assert.deepEqual(
      (reloaded.inconsistent_objects as { name: string }[]).map((object) => object.name),
      ["remote_relationship userBasic in table profiles in source default"],
    );
  } finally {
    server.setRemoteSchemaSdl("user", userSdl);
    assert.deepEqual(objectBody(await reload({})), { message: "success", is_consistent: true });
    await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "userBasic" } });
  }
});

test("reload_metadata: names that are not in the metadata are refused before anything happens", async () => {
  const version = objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} })).resource_version;
  assert.deepEqual(await reload({ reload_remote_schemas: ["user", "nope"] }), {
    status: 400,
    body: { path: "$.args", error: 'Remote schema with name "nope" not found in metadata', code: "not-exists" },
  });
  assert.deepEqual(await reload({ reload_sources: ["nope"] }), {
    status: 400,
    body: { path: "$.args", error: 'Source with name "nope" not found in metadata', code: "not-exists" },
  });
  assert.deepEqual(await reload({ recreate_event_triggers: ["nope"] }), {
    status: 400,
    body: { path: "$.args", error: 'Source with name "nope" not found in metadata', code: "not-exists" },
  });
  assert.deepEqual(await reload({ reload_data_connectors: ["nope"] }), {
    status: 400,
    body: { path: "$.args", error: 'Data connector with name "nope" not found in metadata', code: "not-exists" },
  });
  assert.equal(objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} })).resource_version, version);
});

test("reload_metadata: its arguments must be an object whose specs are booleans or lists of names", async () => {
  assert.deepEqual(await reload([]), {
    status: 400,
    body: { path: "$.args", error: "parsing ReloadMetadata failed, expected Object, but encountered Array", code: "parse-failed" },
  });
  assert.deepEqual(await reload({ reload_sources: "default" }), {
    status: 400,
    body: { path: "$.args.reload_sources", error: "parsing [] failed, expected Array, but encountered String", code: "parse-failed" },
  });
  assert.equal((await reload({ reload_sources: null, reload_remote_schemas: true })).status, 200);
});
