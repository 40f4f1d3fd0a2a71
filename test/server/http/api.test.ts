/**
 * The API handler (http/api.ts): the body is JSON before anything else is looked at.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { post, secret, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("parse: invalid JSON answers invalid-json", async () => {
  const answer = await post(server, "/v1/metadata", '{"type": ', { "X-Hasura-Admin-Secret": secret });
  assert.equal(answer.status, 400);
  assert.equal((answer.body as { code: string }).code, "invalid-json");
  assert.equal((answer.body as { path: string }).path, "$");
});
