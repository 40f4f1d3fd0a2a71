/**
 * The counters (harness/stats.ts): requests and commands by endpoint and type, committed writes,
 * in-process and at `GET /_local/stats`.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { legacyCreate, metadata, pgCreate, post, query, secret, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());
beforeEach(() => server.resetStats());

test("faults: stats over HTTP at /_local/stats", async () => {
  await metadata(server, { type: "export_metadata", args: {} });
  const headers = { "X-Hasura-Admin-Secret": secret };
  const response = await fetch(`${server.url}/_local/stats`, { headers });
  const stats = (await response.json()) as { requests: Record<string, number> };
  assert.equal(stats.requests["/v1/metadata export_metadata"], 1);
  assert.equal((await post(server, "/_local/stats/reset", {}, headers)).status, 200);
  assert.deepEqual(server.stats().requests, {});
});

test("cost: requests and commands are counted by endpoint and type", async () => {
  server.resetStats();
  await metadata(server, { type: "bulk", args: [pgCreate("c1"), { type: "export_metadata", args: {} }] });
  await query(server, legacyCreate("c2"));
  await fetch(`${server.url}/v1/version`);
  const stats = server.stats();
  assert.deepEqual(stats.requests, { "/v1/metadata bulk": 1, "/v1/query create_remote_relationship": 1, "GET /v1/version": 1 });
  assert.deepEqual(stats.commands, {
    "/v1/metadata bulk": 1,
    "/v1/metadata pg_create_remote_relationship": 1,
    "/v1/metadata export_metadata": 1,
    "/v1/query create_remote_relationship": 1,
  });
  assert.equal(stats.writes, 2);
});
