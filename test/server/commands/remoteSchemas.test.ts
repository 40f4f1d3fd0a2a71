/**
 * Remote schema commands (commands/remoteSchemas.ts): add, introspect, update, reload, remove; a
 * reload of a server that is gone; the lookups that answer `not-exists`; `introspect_remote_schema`
 * answering the raw body stored when the schema was added or reloaded.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getIntrospectionQuery } from "graphql";
import type { JsonObject, JsonValue } from "../../../model";
import { startRemoteSchemaServer, type RunningHasuraServer } from "../../../server";
import { currentVersion, metadata, objectBody, post, root, secret, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
let extra: { url: string; stop(): Promise<void> };
before(async () => {
  server = await startEnvServer();
  extra = await startRemoteSchemaServer(await readFile(join(root, "conformance", "remote-schemas", "user.graphql"), "utf8"));
});
after(async () => {
  await server.stop();
  await extra.stop();
});

function notExists(error: string) {
  return { status: 400, body: { path: "$.args", error, code: "not-exists" } };
}

test("remote schemas: add, introspect, update, reload, remove", async () => {
  const add = await metadata(server, {
    type: "add_remote_schema",
    args: { name: "extra", definition: { url: extra.url, forward_client_headers: false }, comment: "c" },
  });
  assert.deepEqual(add, { status: 200, body: { message: "success" } });
  const again = await metadata(server, { type: "add_remote_schema", args: { name: "extra", definition: { url: extra.url } } });
  assert.deepEqual(again.body, { path: "$.args", error: 'remote schema with name "extra" already exists', code: "already-exists" });
  const introspection = objectBody(await metadata(server, { type: "introspect_remote_schema", args: { name: "extra" } }));
  assert.ok(JSON.stringify(introspection).includes('"username"'));
  assert.equal(
    (await metadata(server, { type: "update_remote_schema", args: { name: "extra", definition: { url: extra.url, timeout_seconds: 5 } } })).status,
    200,
  );
  assert.equal((await metadata(server, { type: "reload_remote_schema", args: { name: "extra" } })).status, 200);
  const exported = server.exportMetadata().remote_schemas?.find((schema) => schema.name === "extra");
  assert.deepEqual(exported, { name: "extra", definition: { url: extra.url, timeout_seconds: 5 } });
  assert.equal((await metadata(server, { type: "remove_remote_schema", args: { name: "extra" } })).status, 200);
});

test("remote schemas: reloading a schema whose server is gone fails and keeps the old state", async () => {
  const sdl = await readFile(join(root, "conformance", "remote-schemas", "user.graphql"), "utf8");
  const flaky = await startRemoteSchemaServer(sdl);
  await metadata(server, { type: "add_remote_schema", args: { name: "flaky", definition: { url: flaky.url } } });
  await flaky.stop();
  const answer = objectBody(await metadata(server, { type: "reload_remote_schema", args: { name: "flaky" } }));
  assert.equal(answer.code, "unexpected");
  assert.equal(answer.error, "cannot continue due to newly found inconsistent metadata");
  assert.equal((answer.internal as JsonObject[])[0].reason, `Inconsistent object: HTTP exception occurred while sending the request to "${flaky.url}"`);
  assert.deepEqual(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })).is_consistent, true);
});

test("not-exists: remote schema commands", async () => {
  assert.deepEqual(await metadata(server, { type: "remove_remote_schema", args: { name: "nope" } }), notExists("no such remote schema"));
  assert.deepEqual(
    await metadata(server, { type: "reload_remote_schema", args: { name: "nope" } }),
    notExists('remote schema with name "nope" does not exist'),
  );
  assert.deepEqual(await metadata(server, { type: "introspect_remote_schema", args: { name: "nope" } }), notExists('remote schema: "nope" not found'));
});

async function introspectDirectly(url: string): Promise<JsonValue> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  return (await response.json()) as JsonValue;
}

test("introspect_remote_schema: the body the remote server answered when added, kept rather than fetched again", async () => {
  const sdl = "type Query { note(id: Int!): Note } type Note { id: Int! text: String! }";
  const notes = await startRemoteSchemaServer(sdl);
  const expected = await introspectDirectly(notes.url);
  assert.equal((await metadata(server, { type: "add_remote_schema", args: { name: "notes", definition: { url: notes.url } } })).status, 200);
  await notes.stop();
  try {
    assert.deepEqual(await metadata(server, { type: "introspect_remote_schema", args: { name: "notes" } }), { status: 200, body: expected });
  } finally {
    assert.equal((await metadata(server, { type: "remove_remote_schema", args: { name: "notes" } })).status, 200);
  }
});

test("introspect_remote_schema: a reload or an update stores the new body", async () => {
  const first = await startRemoteSchemaServer("type Query { version1: Int }");
  const port = Number(new URL(first.url).port);
  await metadata(server, { type: "add_remote_schema", args: { name: "changing", definition: { url: first.url } } });
  await first.stop();
  const second = await startRemoteSchemaServer("type Query { version2: Int }", { port });
  const third = await startRemoteSchemaServer("type Query { version3: Int }");
  try {
    const introspected = async () => JSON.stringify((await metadata(server, { type: "introspect_remote_schema", args: { name: "changing" } })).body);
    assert.match(await introspected(), /"version1"/);
    assert.equal((await metadata(server, { type: "reload_remote_schema", args: { name: "changing" } })).status, 200);
    assert.deepEqual((await metadata(server, { type: "introspect_remote_schema", args: { name: "changing" } })).body, await introspectDirectly(second.url));
    assert.equal((await metadata(server, { type: "update_remote_schema", args: { name: "changing", definition: { url: third.url } } })).status, 200);
    assert.match(await introspected(), /"version3"/);
  } finally {
    await metadata(server, { type: "remove_remote_schema", args: { name: "changing" } });
    await second.stop();
    await third.stop();
  }
});

test("introspect_remote_schema: read-only (no resource_version check or bump), admin only", async () => {
  const version = await currentVersion(server);
  const answer = await metadata(server, { type: "introspect_remote_schema", args: { name: "user" }, resource_version: version - 1 });
  assert.equal(answer.status, 200);
  assert.equal(await currentVersion(server), version);
  const asUser = await post(
    server,
    "/v1/metadata",
    { type: "introspect_remote_schema", args: { name: "user" } },
    { "X-Hasura-Admin-Secret": secret, "X-Hasura-Role": "user" },
  );
  assert.deepEqual(asUser, { status: 400, body: { path: "$.args", error: "restricted access : admin only", code: "access-denied" } });
});
