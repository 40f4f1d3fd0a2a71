import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { programOf, stackFor, userOfProfile, writeDelta, writesOf, type RelationshipSpec } from "../support/e2e";
import { relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** Scenario 8: invalid inputs fail at preview, naming the property; Hasura's rejection fails the resource, and the state stays true. */
describe("failures", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  // Live validation off, so that Hasura itself gets to refuse a relationship.
  let unvalidated: LocalStack;
  let specs: RelationshipSpec[] = [];
  const profiles = { schema: "public", name: "profiles" };

  before(async () => {
    server = await startConformanceHasura();
    stack = await stackFor(server, { program: programOf(() => specs) });
    unvalidated = await stackFor(server, { program: programOf(() => specs), stackName: "unvalidated", config: { "hasura:validateLive": "false" } });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await unvalidated?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("an invalid remoteField fails at preview with the property named, before any call to Hasura", async () => {
    specs = [{ resource: "bad", args: userOfProfile("bad", { remoteField: { user: { arguments: { id: "$user_id" } } } }) }];
    const requestsBefore = JSON.stringify(server.stats());
    await assert.rejects(stack.preview(), (error: Error) => {
      assert.match(error.message, /remoteField\.user\.arguments\.id/);
      assert.match(error.message, /Join variable "\$user_id" is not in hasuraFields \("id"\)\. Add "user_id" to hasuraFields, or use one of them\./);
      return true;
    });
    assert.equal(JSON.stringify(server.stats()), requestsBefore);
  });

  it("a remote field Hasura would refuse fails at preview, naming the property with Hasura's reason, and Hasura sees no write", async () => {
    specs = [{ resource: "wrong-type", args: userOfProfile("wrongType", { remoteField: { user: { arguments: { id: "not-a-number" } } } }) }];
    const writesBefore = writesOf(server);
    await assert.rejects(stack.preview(), (error: Error) => {
      assert.match(error.message, /remoteField\.user\.arguments\.id/);
      assert.match(
        error.message,
        /Hasura would refuse it: Inconsistent object: in table "profiles": in remote relationship "wrongType": expected type "Int" but got "String"\. Give a value of type "Int" here, or a join variable\./,
      );
      return true;
    });
    assert.deepEqual(writeDelta(writesBefore, writesOf(server)), {});
  });

  it("a relationship Hasura rejects fails that resource with Hasura's reason; the other is created and the state says so", async () => {
    specs = [
      { resource: "good", args: userOfProfile("good") },
      { resource: "rejected", args: userOfProfile("rejected", { remoteSchema: "user", remoteField: { user: { arguments: { id: "not-a-number" } } } }) },
    ];
    await assert.rejects(unvalidated.up(), (error: Error) => {
      assert.match(
        error.message,
        /Could not create remote relationship "default\/public\/profiles\/rejected": Hasura at \S+ answered 400 invalid-configuration: Inconsistent object: in table "profiles": in remote relationship "rejected": expected type "Int" but got "String"/,
      );
      return true;
    });
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)), ["good"]);
    const state = JSON.parse(await unvalidated.exportText()) as { deployment: { resources: { id?: string }[] } };
    assert.deepEqual(
      state.deployment.resources.map((resource) => resource.id).filter((id) => id?.startsWith("default/")),
      ["default/public/profiles/good"],
    );
    await unvalidated.refresh({ expectNoChanges: true });
  });
});
