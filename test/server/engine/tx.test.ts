/**
 * The transaction around a command (engine/tx.ts): a write whose rebuild fails is dropped whole,
 * leaving the committed metadata as it was.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { legacyCreate, profileRelationships, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("invalid-configuration: a failed update leaves the old relationship in place", async () => {
  assert.equal((await query(server, legacyCreate("keep"))).status, 200);
  const update = legacyCreate("keep", { remote_field: { user: { arguments: { id: "abc" } } } });
  assert.equal((await query(server, { ...update, type: "update_remote_relationship" })).status, 400);
  assert.deepEqual(profileRelationships(server), [
    { name: "keep", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
  ]);
  assert.equal((await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "keep" } })).status, 200);
});
