/** The HTTP client against a real `node:http` server on port 0, scripted by what it is asked. */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { createHasuraClient, type HasuraClient, type HasuraClientOptions } from "../../../../provider/hasura/client";
import { isHasuraError } from "../../../../provider/hasura/errors";
import { defaultRetryPolicy } from "../../../../provider/hasura/retryPolicy";
import { startScriptedHasura, type ScriptedAnswer, type ScriptedHasura } from "../../../support/scriptedHasura";

const context = { operation: "read", resource: { noun: "remote relationship", id: "default/public/profiles/rel" } };
// Retries a few milliseconds apart: the decisions are the policy's, the waits are not under test.
const quickRetries = defaultRetryPolicy({ maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 });

function clientFor(endpoint: string, overrides: Partial<HasuraClientOptions> = {}): HasuraClient {
  return createHasuraClient({
    endpoint,
    adminSecret: "s3cr3t",
    connectTimeoutMs: 5_000,
    requestTimeoutMs: 30_000,
    maxResponseBytes: 1_000,
    retry: quickRetries,
    ...overrides,
  });
}

/** The error a call failed with, which must be a HasuraError. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => assert.fail("the call succeeded"),
    (caught: unknown) => caught,
  );
  assert.ok(isHasuraError(error), String(error));
  return error;
}

describe("Hasura client", () => {
  let server: ScriptedHasura;
  let answers: ScriptedAnswer[];
  let client: HasuraClient;
  before(async () => {
    // Each request takes the next scripted answer; the last one repeats.
    server = await startScriptedHasura(() => (answers.length > 1 ? answers.shift()! : answers[0]));
    client = clientFor(server.url);
  });
  after(async () => {
    await client.close();
    await server.stop();
  });

  it("resolves with the JSON of a 2xx answer", async () => {
    answers = [{ body: '{"resource_version":3}' }];
    assert.deepEqual(await client.read("/v1/metadata", { type: "export_metadata" }, context), { resource_version: 3 });
  });

  it("turns Hasura's error answer into its code, error, path and reason, under the caller's name", async () => {
    answers = [{ status: 400, body: JSON.stringify({ code: "not-exists", error: "no such table", path: "$.args", internal: [{ reason: "gone" }] }) }];
    const error = await failure(client.write("/v1/metadata", { type: "pg_create_remote_relationship" }, { ...context, operation: "create" }));
    assert.deepEqual(
      { status: error.status, code: error.code, error: error.error, path: error.path, reason: error.reason, uncertain: error.uncertain },
      { status: 400, code: "not-exists", error: "no such table", path: "$.args", reason: "gone", uncertain: false },
    );
    assert.match(
      error.message,
      /^Could not create remote relationship "default\/public\/profiles\/rel": Hasura at \S+ answered 400 not-exists: no such table\. Reason: gone\.$/,
    );
  });

  it("retries a read through 503s, and never a write, whose 503 leaves it unknown whether it applied", async () => {
    answers = [{ status: 503, body: "busy" }, { status: 503, body: "busy" }, { body: '{"ok":1}' }];
    const before = server.asked.export_metadata ?? 0;
    assert.deepEqual(await client.read("/v1/metadata", { type: "export_metadata" }, context), { ok: 1 });
    assert.equal(server.asked.export_metadata, before + 3);
    answers = [{ status: 503, body: "busy" }, { body: '{"message":"success"}' }];
    const error = await failure(client.write("/v1/metadata", { type: "replace_metadata" }, context));
    assert.equal(error.code, "http-503");
    assert.equal(error.uncertain, true);
    assert.equal(server.asked.replace_metadata, 1);
  });

  it("gives up on a read after the policy's retries, saying so", async () => {
    answers = [{ status: 503, body: "busy" }];
    const error = await failure(client.read("/v1/metadata", { type: "export_metadata" }, context));
    assert.match(error.message, /answered 503 http-503: still failing after 2 retries\./);
  });

  it("reads no more of an answer than the cap", async () => {
    answers = [{ body: JSON.stringify({ padding: "x".repeat(5_000) }) }];
    const error = await failure(client.read("/v1/metadata", { type: "export_metadata" }, context));
    assert.equal(error.code, "unexpected-answer");
    assert.match(error.message, /it is longer than 1000 bytes \(hasura:maxResponseBytes\)/);
  });

  it("names a 2xx answer that is not JSON, with its type and start, never the secret", async () => {
    answers = [{ headers: { "content-type": "text/html" }, body: "<html>login s3cr3t</html>" }];
    const error = await failure(client.read("/v1/metadata", { type: "export_metadata" }, context));
    assert.match(error.message, /is not Hasura's \(HTTP 200\): the body is not JSON \(text\/html: "<html>login \[secret\]<\/html>"\)/);
  });

  it("reads the version from GET /v1/version, and none from a server without it", async () => {
    answers = [{ body: '{"version":"v2.40.0"}' }];
    assert.equal(await client.version(context), "v2.40.0");
    answers = [{ status: 404, body: "not found" }];
    assert.equal(await client.version(context), undefined);
  });
});

describe("Hasura client at an endpoint that is down", () => {
  it("says once that it is retrying, however many calls retry, until the endpoint answers again", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const lines: string[] = [];
    const client = clientFor(`http://127.0.0.1:${port}`, { onRetrying: (line) => lines.push(line) });
    try {
      const failures = await Promise.all(Array.from({ length: 5 }, () => failure(client.read("/v1/metadata", { type: "export_metadata" }, context))));
      assert.ok(failures.every((error) => error.code === "transport"));
      assert.deepEqual(lines, [`Hasura at http://127.0.0.1:${port} failed (ECONNREFUSED); retrying with backoff, up to 2 times a call (hasura:maxRetries).`]);
      await failure(client.read("/v1/metadata", { type: "export_metadata" }, context));
      assert.equal(lines.length, 1);
    } finally {
      await client.close();
    }
  });

  it("says once, not 1 times, when a call is retried once", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const lines: string[] = [];
    const client = clientFor(`http://127.0.0.1:${port}`, { retry: { ...quickRetries, maxRetries: 1 }, onRetrying: (line) => lines.push(line) });
    try {
      await failure(client.read("/v1/metadata", { type: "export_metadata" }, context));
      assert.deepEqual(lines, [`Hasura at http://127.0.0.1:${port} failed (ECONNREFUSED); retrying with backoff, at most once a call (hasura:maxRetries).`]);
    } finally {
      await client.close();
    }
  });
});
