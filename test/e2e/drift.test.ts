import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { repoRoot } from "../../scripts/pulumiCli";
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

/**
 * The drift check a CI job runs (README "Drift in CI"): `pulumi preview --refresh --expect-no-changes`
 * exits 0 when Hasura holds what the program declares, 7 when a relationship was changed or deleted
 * by hand, and fails with Hasura's reason when Hasura can no longer build one. The preview never
 * writes the state or Hasura; `up --refresh` repairs.
 */
describe("the CI drift check", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  const profiles = { schema: "public", name: "profiles" };
  const check = () => stack.preview({ refresh: true, expectNoChanges: true });
  const userSdl = readFileSync(path.join(repoRoot, "conformance", "remote-schemas", "user.graphql"), "utf8");

  before(async () => {
    server = await startConformanceHasura();
    stack = await stackFor(server, {
      stackName: "ci",
      program: programOf(() => [
        { resource: "first", args: userOfProfile("first") },
        { resource: "second", args: userOfProfile("second") },
      ]),
    });
    await stack.up();
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("in sync: passes, and sends Hasura no write", async () => {
    const writes = server.stats().writes;
    await check();
    assert.equal(server.stats().writes, writes);
  });

  it("a relationship deleted by hand: exit code 7, the preview showing its create; up --refresh repairs", async () => {
    await hasuraCall(server.url, conformanceSecret, { type: "pg_delete_remote_relationship", args: { source: "default", table: profiles, name: "first" } });
    await assert.rejects(check(), /failed with exit code 7:[\s\S]*no changes were expected[\s\S]*\+ 1 to create/);
    assert.equal(relationshipsOn(server, profiles).first, undefined, "the check wrote to Hasura");
    await stack.up({ refresh: true });
    await check();
  });

  it("a relationship changed by hand: exit code 7, the preview showing the update back; up --refresh repairs", async () => {
    const changed = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { allUsers: { arguments: {} } } } };
    await hasuraCall(server.url, conformanceSecret, {
      type: "pg_update_remote_relationship",
      args: { source: "default", table: profiles, name: "second", definition: changed },
    });
    await assert.rejects(check(), /failed with exit code 7:[\s\S]*no changes were expected[\s\S]*~ 1 to update/);
    assert.deepEqual(relationshipsOn(server, profiles).second, changed, "the check wrote to Hasura");
    await stack.up({ refresh: true });
    await check();
  });

  it("a relationship Hasura can no longer build (its remote schema changed): the check fails with Hasura's reason, not with 7", async () => {
    server.setRemoteSchemaSdl("user", userSdl.replace("user(id: Int!): User", "account(id: Int!): User"));
    await hasuraCall(server.url, conformanceSecret, { type: "reload_metadata", args: { reload_remote_schemas: true } });
    try {
      await assert.rejects(check(), (error: Error) => {
        assert.match(error.message, /failed with exit code (?!7:)\d+:/);
        assert.match(error.message, /remoteField\.user.*Hasura would refuse it: .*remote field with name "user" and type "Query" not found/);
        assert.match(error.message, /is inconsistent in Hasura/);
        return true;
      });
    } finally {
      server.setRemoteSchemaSdl("user", userSdl);
      await hasuraCall(server.url, conformanceSecret, { type: "reload_metadata", args: { reload_remote_schemas: true } });
    }
    await check();
  });
});
