import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { programOf, stackFor, userOfProfile, writeDelta, writesOf, type RelationshipSpec } from "../support/e2e";
import { relationshipsOn, startConformanceHasura } from "../support/localHasura";
import { providerTextOf010 } from "../support/serializedProvider";

const profiles = { schema: "public", name: "profiles" };

type Deployment = { deployment: { resources: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } };

/**
 * The provider-upgrade test, as Pulumi's providertest runs it: state written by 0.1.0, whose
 * `__provider` is that release's whole code by value, driven by this release's program and engine.
 */
describe("state written by 0.1.0 under this release", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let program: RelationshipSpec[] = [
    { resource: "kept", args: userOfProfile("kept") },
    { resource: "changed", args: userOfProfile("changed") },
  ];

  before(async () => {
    server = await startConformanceHasura();
    stack = await stackFor(server, { program: programOf(() => program) });
    await stack.up();
    // Make the state 0.1.0's: every relationship's stored provider becomes 0.1.0's serialized code.
    const state = (await stack.stack.exportStack()) as unknown as Deployment;
    const old = providerTextOf010();
    for (const resource of state.deployment.resources) {
      if (!resource.type.endsWith("hasura:RemoteRelationship")) continue;
      for (const props of [resource.inputs, resource.outputs]) if (props !== undefined) props.__provider = old;
    }
    await stack.stack.importStack(state as never);
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("refreshes with no changes (0.1.0's code reads its own state)", async () => {
    const before = JSON.stringify(await stack.exportText());
    assert.ok(before.includes("function __f"), "the state holds 0.1.0's serialized code");
    await stack.refresh({ expectNoChanges: true });
  });

  it("an up with nothing changed sends Hasura no write", async () => {
    const before = writesOf(server);
    await stack.up({ expectNoChanges: true });
    assert.deepEqual(writeDelta(before, writesOf(server)), {});
  });

  it("updates a relationship in place: this release's diff and update read 0.1.0's outputs", async () => {
    program = [program[0], { resource: "changed", args: userOfProfile("changed", { hasuraFields: ["id", "name"] }) }];
    assert.deepEqual((await stack.preview()).changeSummary, { same: 2, update: 1 });
    assert.deepEqual((await stack.up()).summary.resourceChanges, { same: 2, update: 1 });
    assert.deepEqual((relationshipsOn(server, profiles).changed as { to_remote_schema: { lhs_fields: string[] } }).to_remote_schema.lhs_fields.sort(), [
      "id",
      "name",
    ]);
    const state = (await stack.stack.exportStack()) as unknown as Deployment;
    const changed = state.deployment.resources.find((resource) => resource.outputs?.name === "changed");
    assert.ok(String(changed?.outputs?.__provider).length < 200, "the updated resource now keeps the small reference");
  });

  it("deletes the relationship still kept by 0.1.0's code, and the updated one", async () => {
    await stack.destroy();
    assert.deepEqual(relationshipsOn(server, profiles), {});
  });
});
