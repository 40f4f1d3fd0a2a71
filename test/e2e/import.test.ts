import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { programOf, stackFor, userOfProfile, writeDelta, writesOf, type RelationshipSpec } from "../support/e2e";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

/**
 * Scenario 5: a relationship made outside Pulumi comes under management with the import option. The
 * engine's own import cannot reach a dynamic provider, so the SDK turns the option into an import
 * that create performs: it takes over the relationship only when it is the same, and writes nothing.
 */
describe("import", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let specs: RelationshipSpec[];

  before(async () => {
    server = await startConformanceHasura();
    // Made by hand, in the legacy format, through the deprecated API, as an old console would.
    await hasuraCall(
      server.url,
      conformanceSecret,
      {
        type: "create_remote_relationship",
        args: { name: "handMade", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { user: { arguments: { id: "$id" } } } },
      },
      "/v1/query",
    );
    specs = [{ resource: "hand-made", args: userOfProfile("handMade"), import: "default/public/profiles/handMade" }];
    stack = await stackFor(server, { program: programOf(() => specs) });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("refuses an import whose inputs differ from what exists, and changes nothing", async () => {
    specs = [{ ...specs[0], args: userOfProfile("handMade", { hasuraFields: ["id", "name"] }) }];
    await assert.rejects(
      stack.up(),
      /Cannot import remote relationship "default\/public\/profiles\/handMade" from Hasura at \S+: the inputs to import do not match the existing relationship, which holds hasuraFields \["id"\]/,
    );
    assert.deepEqual(relationshipsOn(server, { schema: "public", name: "profiles" }).handMade, {
      remote_schema: "user",
      hasura_fields: ["id"],
      remote_field: { user: { arguments: { id: "$id" } } },
    });
    specs = [{ ...specs[0], args: userOfProfile("handMade") }];
  });

  it("refuses an import of a relationship that does not exist", async () => {
    const saved = specs;
    specs = [{ resource: "missing", args: userOfProfile("missing"), import: "default/public/profiles/missing" }];
    await assert.rejects(stack.up(), /Cannot import remote relationship "default\/public\/profiles\/missing" from Hasura at \S+: it does not exist\./);
    assert.equal(relationshipsOn(server, { schema: "public", name: "profiles" }).missing, undefined);
    specs = saved;
  });

  it("imports an existing relationship without writing to Hasura, and the next up shows no changes", async () => {
    const before = writesOf(server);
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 1, create: 1 });
    assert.deepEqual(writeDelta(before, writesOf(server)), {});
    const state = JSON.parse(await stack.exportText()) as { deployment: { resources: { id?: string; type: string }[] } };
    assert.equal(
      state.deployment.resources.find((resource) => resource.type === "pulumi-nodejs:dynamic/hasura:RemoteRelationship")?.id,
      "default/public/profiles/handMade",
    );
    await stack.up({ expectNoChanges: true });
    specs = [{ resource: "hand-made", args: userOfProfile("handMade") }];
    await stack.up({ expectNoChanges: true });
  });

  it("manages it from then on: destroy deletes it", async () => {
    await stack.destroy();
    assert.equal(relationshipsOn(server, { schema: "public", name: "profiles" }).handMade, undefined);
  });
});
