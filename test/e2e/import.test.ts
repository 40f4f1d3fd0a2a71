import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { programOf, stackFor, userOfProfile, type RelationshipSpec } from "../support/e2e";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** Scenario 5: a relationship made outside Pulumi comes under management with the import option. */
describe("import", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let specs: RelationshipSpec[];

  before(async () => {
    server = await startConformanceHasura();
    // Made by hand, in the legacy format, through the deprecated API, as an old console would.
    await hasuraCall(server.url, conformanceSecret, { type: "create_remote_relationship", args: { name: "handMade", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { user: { arguments: { id: "$id" } } } } }, "/v1/query");
    specs = [{ resource: "hand-made", args: userOfProfile("handMade"), import: "default/public/profiles/handMade" }];
    stack = await stackFor(server, { program: programOf(() => specs) });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("refuses an import whose inputs differ from what exists, and changes nothing", async () => {
    specs = [{ ...specs[0], args: userOfProfile("handMade", { hasuraFields: ["id", "name"] }) }];
    await assert.rejects(stack.up(), /inputs to import do not match the existing resource/);
    assert.deepEqual(relationshipsOn(server, { schema: "public", name: "profiles" }).handMade, { remote_schema: "user", hasura_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } });
    specs = [{ ...specs[0], args: userOfProfile("handMade") }];
  });

  it("imports an existing relationship, and the next up shows no changes", async () => {
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { create: 1, import: 1 });
    const state = JSON.parse(await stack.exportText()) as { deployment: { resources: { id?: string; type: string }[] } };
    assert.equal(state.deployment.resources.find((resource) => resource.type === "pulumi-nodejs:dynamic/hasura:RemoteRelationship")?.id, "default/public/profiles/handMade");
    await stack.up({ expectNoChanges: true });
    specs = [{ resource: "hand-made", args: userOfProfile("handMade") }];
    await stack.up({ expectNoChanges: true });
  });

  it("manages it from then on: destroy deletes it", async () => {
    await stack.destroy();
    assert.equal(relationshipsOn(server, { schema: "public", name: "profiles" }).handMade, undefined);
  });
});
