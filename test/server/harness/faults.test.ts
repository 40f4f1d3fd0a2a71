/**
 * Fault injection (harness/faults.ts), in-process and over HTTP: failing the next N requests with
 * a status, resetting the connection before a write (not applied) or after it (applied), delaying
 * answers.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { deleteProfileRelationships, metadata, pgCreate, post, profileRelationshipNames, secret, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(async () => {
  server.faults.clear();
  await deleteProfileRelationships(server);
  server.resetStats();
});

const names = () => profileRelationshipNames(server);

test("faults: off by default", () => {
  assert.deepEqual(server.faults.pending(), {});
});

test("faults: failNext answers the next N API requests with the status, without running them", async () => {
  server.faults.failNext(2, 503);
  const first = await metadata(server, pgCreate("a"));
  assert.deepEqual(first, { status: 503, body: { path: "$", error: "injected fault: HTTP 503", code: "unexpected" } });
  assert.equal((await metadata(server, pgCreate("a"))).status, 503);
  assert.deepEqual(names(), []);
  assert.equal((await metadata(server, pgCreate("a"))).status, 200);
  assert.equal(server.stats().faults.failed, 2);
});

test("faults: an injected 409 looks like Hasura's conflict", async () => {
  server.faults.failNext(1, 409);
  const answer = await metadata(server, { ...pgCreate("a"), resource_version: 7 });
  assert.deepEqual(answer.body, { path: "$", error: "metadata resource version referenced (7) did not match current version", code: "conflict" });
});

test("faults: GET /v1/version is never failed", async () => {
  server.faults.failNext(1, 500);
  assert.equal((await fetch(`${server.url}/v1/version`)).status, 200);
  assert.equal((await metadata(server, { type: "export_metadata", args: {} })).status, 500);
});

test("faults: reset before a write drops the connection and applies nothing", async () => {
  server.faults.resetConnection("before-write");
  await assert.rejects(metadata(server, pgCreate("a")));
  assert.deepEqual(names(), []);
  assert.equal(server.stats().faults.resetBeforeWrite, 1);
  assert.equal((await metadata(server, pgCreate("a"))).status, 200);
});

test("faults: reset after a write applies it but drops the answer", async () => {
  const version = server.stats().resourceVersion;
  server.faults.resetConnection("after-write", 1);
  await assert.rejects(metadata(server, pgCreate("a")));
  assert.deepEqual(names(), ["a"]);
  assert.equal(server.stats().resourceVersion, version + 1);
});

test("faults: resets skip reads", async () => {
  server.faults.resetConnection("before-write");
  assert.equal((await metadata(server, { type: "export_metadata", args: {} })).status, 200);
  assert.deepEqual(server.faults.pending(), { resetConnection: { when: "before-write", count: 1 } });
});

test("faults: delay holds every answer back", async () => {
  server.faults.delay(120);
  const started = Date.now();
  assert.equal((await metadata(server, { type: "export_metadata", args: {} })).status, 200);
  assert.ok(Date.now() - started >= 110);
  server.faults.delay(0);
});

test("faults: controlled over HTTP at /_local/faults", async () => {
  const headers = { "X-Hasura-Admin-Secret": secret };
  const armed = await post(server, "/_local/faults", { failNext: { count: 1, status: 502 }, delayMs: 5 }, headers);
  assert.deepEqual(armed, { status: 200, body: { failNext: { count: 1, status: 502 }, delayMs: 5 } });
  assert.equal((await metadata(server, { type: "export_metadata", args: {} })).status, 502);
  const cleared = await post(server, "/_local/faults", { clear: true }, headers);
  assert.deepEqual(cleared.body, {});
  const bad = await post(server, "/_local/faults", { resetConnection: { when: "sometimes" } }, headers);
  assert.equal(bad.status, 400);
});

test("faults: armed at start through options", async () => {
  const faulty = await startEnvServer({ faults: { failNext: { count: 1, status: 500 } } });
  try {
    assert.equal((await metadata(faulty, { type: "export_metadata", args: {} })).status, 500);
    assert.equal((await metadata(faulty, { type: "export_metadata", args: {} })).status, 200);
  } finally {
    await faulty.stop();
  }
});
