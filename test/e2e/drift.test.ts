import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { programOf, stackFor, userOfProfile } from "../support/e2e";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** Scenario 4: changes made by hand in Hasura are found by refresh and undone by up. */
describe("drift", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  const profiles = { schema: "public", name: "profiles" };
  const wanted = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };

  before(async () => {
    server = await startConformanceHasura();
    stack = await stackFor(server, {
      program: programOf(() => [
        { resource: "kept", args: userOfProfile("kept") },
        { resource: "changed", args: userOfProfile("changed") },
      ]),
    });
    await stack.up();
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("a relationship deleted by hand is dropped by refresh and created again by up", async () => {
    await hasuraCall(server.url, conformanceSecret, { type: "pg_delete_remote_relationship", args: { source: "default", table: profiles, name: "kept" } });
    const refresh = await stack.refresh();
    assert.deepEqual(refresh.summary.resourceChanges, { same: 2, delete: 1 });
    const state = JSON.parse(await stack.exportText()) as { deployment: { resources: { id?: string }[] } };
    assert.deepEqual(
      state.deployment.resources.map((resource) => resource.id).filter((id) => id?.startsWith("default/")),
      ["default/public/profiles/changed"],
    );
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 2, create: 1 });
    assert.deepEqual(relationshipsOn(server, profiles).kept, wanted);
  });

  it("a relationship changed by hand shows as a difference on refresh and up restores it", async () => {
    await hasuraCall(server.url, conformanceSecret, {
      type: "pg_update_remote_relationship",
      args: {
        source: "default",
        table: profiles,
        name: "changed",
        definition: { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id: "$id" } } } } },
      },
    });
    const refresh = await stack.refresh();
    assert.deepEqual(refresh.summary.resourceChanges, { same: 2, update: 1 });
    assert.match(refresh.stdout, /changed/);
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 2, update: 1 });
    await stack.up();
    assert.deepEqual(relationshipsOn(server, profiles).changed, wanted);
    await stack.refresh({ expectNoChanges: true });
  });
});
