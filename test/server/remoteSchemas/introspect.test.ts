/**
 * Introspecting a remote schema (remoteSchemas/introspect.ts): a server that cannot be reached is
 * a `remote-schema-error` naming its URL.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { metadata, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("remote schemas: an unreachable server is a remote-schema-error", async () => {
  const answer = await metadata(server, { type: "add_remote_schema", args: { name: "down", definition: { url: "http://127.0.0.1:9/graphql" } } });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$.args", error: 'HTTP exception occurred while sending the request to "http://127.0.0.1:9/graphql"', code: "remote-schema-error" },
  });
});
