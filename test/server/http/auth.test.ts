/**
 * Authentication and authorisation (http/auth.ts) as Hasura answers them: 401 `access-denied` for
 * a wrong or missing secret (path `$`), the old `X-Hasura-Access-Key` header, 400 `restricted
 * access : admin only` for a non-admin role (after the body parses), no secret configured, and
 * the local control paths behind the secret.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startHasuraServer, type RunningHasuraServer } from "../../../server";
import { legacyCreate, post, secret, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

const exportRequest = { type: "export_metadata", args: {} };

test("auth: a wrong secret answers 401 invalid", async () => {
  const answer = await post(server, "/v1/metadata", exportRequest, { "X-Hasura-Admin-Secret": "nope" });
  assert.deepEqual(answer, { status: 401, body: { path: "$", error: "invalid x-hasura-admin-secret/x-hasura-access-key", code: "access-denied" } });
});

test("auth: a missing secret answers 401 required", async () => {
  const answer = await post(server, "/v1/query", exportRequest, {});
  assert.deepEqual(answer, {
    status: 401,
    body: { path: "$", error: "x-hasura-admin-secret/x-hasura-access-key required, but not found", code: "access-denied" },
  });
});

test("auth: the deprecated X-Hasura-Access-Key header is accepted, header names in any case", async () => {
  assert.equal((await post(server, "/v1/metadata", exportRequest, { "X-Hasura-Access-Key": secret })).status, 200);
  assert.equal((await post(server, "/v1/metadata", exportRequest, { "x-HASURA-admin-SECRET": secret })).status, 200);
});

test("auth: the secret is checked before the body is parsed", async () => {
  const answer = await post(server, "/v1/metadata", "{not json", { "X-Hasura-Admin-Secret": "nope" });
  assert.equal(answer.status, 401);
});

test("auth: a non-admin role answers 400 restricted access on both endpoints", async () => {
  const headers = { "X-Hasura-Admin-Secret": secret, "X-Hasura-Role": "user" };
  const denied = { status: 400, body: { path: "$.args", error: "restricted access : admin only", code: "access-denied" } };
  assert.deepEqual(await post(server, "/v1/metadata", exportRequest, headers), denied);
  assert.deepEqual(await post(server, "/v1/query", legacyCreate("r"), headers), denied);
});

test("auth: a malformed request from a non-admin is a parse error first", async () => {
  const headers = { "X-Hasura-Admin-Secret": secret, "X-Hasura-Role": "user" };
  const answer = await post(server, "/v1/query", { type: "create_remote_relationship", args: { name: "r", table: "profiles" } }, headers);
  assert.equal((answer.body as { code: string }).code, "parse-failed");
});

test("auth: X-Hasura-Role admin with the secret is admin", async () => {
  assert.equal((await post(server, "/v1/metadata", exportRequest, { "X-Hasura-Admin-Secret": secret, "X-Hasura-Role": "admin" })).status, 200);
});

test("auth: GET /v1/version and /healthz need no secret", async () => {
  const version = await fetch(`${server.url}/v1/version`);
  assert.deepEqual(await version.json(), { version: "v2.48.3" });
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(await health.text(), "OK");
});

test("auth: the local control paths need the admin secret", async () => {
  assert.equal((await fetch(`${server.url}/_local/stats`)).status, 401);
  assert.equal((await fetch(`${server.url}/_local/stats`, { headers: { "X-Hasura-Admin-Secret": secret } })).status, 200);
});

test("auth: without a configured secret every caller is admin unless it names another role", async () => {
  const open = await startHasuraServer();
  try {
    assert.equal((await post(open, "/v1/metadata", exportRequest, {})).status, 200);
    const denied = await post(open, "/v1/metadata", exportRequest, { "X-Hasura-Role": "user" });
    assert.equal(denied.status, 400);
  } finally {
    await open.stop();
  }
});
