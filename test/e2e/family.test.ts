import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RemoteRelationship, RemoteSchemaRelationship, type RemoteRelationshipArgs, type RemoteSchemaRelationshipArgs } from "../../sdk";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { stackFor, writeDelta, writesOf } from "../support/e2e";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const toUser: RemoteRelationshipArgs = {
  name: "owner",
  table: "profiles",
  hasuraFields: ["id"],
  remoteSchema: "user",
  remoteField: { user: { arguments: { id: "$id" } } },
};
const toTwin: RemoteRelationshipArgs = {
  name: "owner",
  table: "profiles",
  toSource: { relationshipType: "object", source: "default", table: { schema: "custom", name: "profiles" }, fieldMapping: { id: "id" } },
};
const onUser: RemoteSchemaRelationshipArgs = {
  remoteSchema: "user",
  typeName: "User",
  name: "sameUser",
  toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { user: { arguments: { id: "$id" } } } },
};

/** What Hasura holds on remote schema "user"'s types, by type and name. */
function onRemoteSchema(server: RunningHasuraServer): Record<string, unknown> {
  const schema = (server.exportMetadata().remote_schemas ?? []).find((entry) => entry.name === "user");
  return Object.fromEntries(
    (schema?.remote_relationships ?? []).flatMap((type) => type.relationships.map((entry) => [`${type.type_name}.${entry.name}`, entry.definition])),
  );
}

/** Issue 12 through the real engine: both kinds of remote relationship, both targets, inconsistency surfaced. */
describe("the relationship family through the engine", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let metadataBefore: unknown;
  let program: { owner: RemoteRelationshipArgs; onType: RemoteSchemaRelationshipArgs } = { owner: toUser, onType: onUser };

  before(async () => {
    server = await startConformanceHasura();
    metadataBefore = server.exportMetadata();
    stack = await stackFor(server, {
      program: async () => {
        const owner = new RemoteRelationship("owner", program.owner);
        const onType = new RemoteSchemaRelationship("on-type", program.onType);
        return { owner: owner.id, onType: onType.id, inconsistency: onType.inconsistency };
      },
    });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("creates a relationship on a table and one on a remote schema's type", async () => {
    const result = await stack.up();
    assert.deepEqual(result.summary.resourceChanges, { create: 3 });
    assert.equal(result.outputs.onType.value, "user/User/sameUser");
    assert.ok(relationshipsOn(server, profiles).owner);
    assert.ok(onRemoteSchema(server)["User.sameUser"]);
    await stack.refresh({ expectNoChanges: true });
  });

  it("switches a relationship from a remote schema to another source's table in place", async () => {
    program = { ...program, owner: toTwin };
    assert.deepEqual((await stack.preview()).changeSummary, { same: 2, update: 1 });
    const before = writesOf(server);
    assert.deepEqual((await stack.up()).summary.resourceChanges, { same: 2, update: 1 });
    assert.deepEqual(writeDelta(before, writesOf(server)), { "/v1/metadata pg_update_remote_relationship": 1 });
    assert.deepEqual(relationshipsOn(server, profiles).owner, {
      to_source: { relationship_type: "object", source: "default", table: { schema: "custom", name: "profiles" }, field_mapping: { id: "id" } },
    });
  });

  it("replaces a remote schema relationship whose name changes", async () => {
    program = { ...program, onType: { ...onUser, name: "sameUserAgain" } };
    assert.deepEqual((await stack.preview()).changeSummary, { same: 2, replace: 1 });
    await stack.up();
    assert.deepEqual(Object.keys(onRemoteSchema(server)), ["User.sameUserAgain"]);
  });

  it("refresh shows a relationship Hasura can no longer build: its reason in the state and a warning line", async () => {
    const exported = (await hasuraCall(server.url, conformanceSecret, { type: "export_metadata", version: 2, args: {} })) as {
      metadata: {
        remote_schemas: { name: string; remote_relationships: { relationships: { definition: { to_remote_schema: { remote_schema: string } } }[] }[] }[];
      };
    };
    const metadata = structuredClone(exported.metadata);
    metadata.remote_schemas.find((schema) => schema.name === "user")!.remote_relationships[0].relationships[0].definition.to_remote_schema.remote_schema =
      "gone";
    await hasuraCall(server.url, conformanceSecret, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata } });
    const outputBefore = stack.output.length;
    await stack.refresh();
    assert.match(
      stack.output.slice(outputBefore).join(""),
      /warning: remote schema relationship "user\/User\/sameUserAgain" is inconsistent in Hasura at \S+: .*"gone"/,
    );
    const state = JSON.parse(await stack.exportText()) as { deployment: { resources: { type: string; outputs?: { inconsistency?: string } }[] } };
    const onType = state.deployment.resources.find((resource) => resource.type.endsWith("hasura:RemoteSchemaRelationship"));
    assert.match(onType?.outputs?.inconsistency ?? "", /"gone"/);
  });

  it("the next up writes the program back, and the inconsistency is gone", async () => {
    assert.deepEqual((await stack.up()).summary.resourceChanges, { same: 2, update: 1 });
    assert.equal((onRemoteSchema(server)["User.sameUserAgain"] as { to_remote_schema: { remote_schema: string } }).to_remote_schema.remote_schema, "user");
    await stack.refresh({ expectNoChanges: true });
  });

  it("destroy leaves the metadata as it was", async () => {
    await stack.destroy();
    assert.deepEqual(server.exportMetadata(), metadataBefore);
  });
});
