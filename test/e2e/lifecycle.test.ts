import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RemoteRelationshipArgs } from "../../sdk";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { programOf, stackFor, userOfProfile, writeDelta, writesOf, type RelationshipSpec } from "../support/e2e";
import { relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** Scenarios 1, 2, 3 and 9: up, update in place, replacement, destroy, through the real engine. */
describe("pulumi up, preview and destroy", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let specs: RelationshipSpec[];
  let metadataBefore: unknown;
  const profiles = { schema: "public", name: "profiles" };
  const customProfiles = { schema: "custom", name: "profiles" };

  before(async () => {
    server = await startConformanceHasura();
    metadataBefore = server.exportMetadata();
    specs = [
      { resource: "user-of-profile", args: userOfProfile("userOfProfile") },
      {
        resource: "message-of-profile",
        args: {
          name: "messageOfProfile",
          table: { schema: "custom", name: "profiles" },
          hasuraFields: ["id"],
          remoteSchema: "my-remote-schema",
          remoteField: { message: { arguments: { id: "$id" } } },
        },
      },
      {
        resource: "prefixed",
        args: {
          name: "prefixed",
          table: "profiles",
          hasuraFields: ["id", "name"],
          remoteSchema: "prefixer-proxy",
          remoteField: { prefixer_proxy_messages_by_pk: { arguments: { id: "$id" } } },
        },
      },
    ];
    stack = await stackFor(server, { program: programOf(() => specs) });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  it("1. up creates exactly the declared relationships; refresh and a second up find no changes", async () => {
    const result = await stack.up();
    assert.deepEqual(result.summary.resourceChanges, { create: 4 });
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["prefixed", "userOfProfile"]);
    assert.deepEqual(Object.keys(relationshipsOn(server, customProfiles)), ["messageOfProfile"]);
    assert.deepEqual(relationshipsOn(server, profiles).userOfProfile, {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } },
    });
    await stack.refresh({ expectNoChanges: true });
    await stack.up({ expectNoChanges: true });
  });

  it("2. a new remoteField previews as an update and up sends one update, no delete", async () => {
    specs[1] = {
      ...specs[1],
      args: { ...specs[1].args, remoteField: { messages: { arguments: { where: { id: { eq: "$id" } } } } } } as RemoteRelationshipArgs,
    };
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 3, update: 1 });
    const before = writesOf(server);
    const result = await stack.up();
    assert.deepEqual(result.summary.resourceChanges, { same: 3, update: 1 });
    assert.deepEqual(writeDelta(before, writesOf(server)), { "/v1/metadata pg_update_remote_relationship": 1 });
    assert.deepEqual(relationshipsOn(server, customProfiles).messageOfProfile, {
      to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { messages: { arguments: { where: { id: { eq: "$id" } } } } } },
    });
  });

  it("2b. new hasuraFields and remoteSchema are updates too", async () => {
    specs[0] = {
      ...specs[0],
      args: userOfProfile("userOfProfile", {
        hasuraFields: ["id", "name"],
        remoteSchema: "my-remote-schema",
        remoteField: { message: { arguments: { id: "$id" } } },
      }),
    };
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 3, update: 1 });
    await stack.up();
    assert.deepEqual(relationshipsOn(server, profiles).userOfProfile, {
      to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id", "name"], remote_field: { message: { arguments: { id: "$id" } } } },
    });
  });

  it("3. a new name previews as a replace; after up only the new relationship exists", async () => {
    specs[2] = { ...specs[2], args: { ...specs[2].args, name: "prefixedMessage" } };
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 3, replace: 1 });
    await stack.up();
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["prefixedMessage", "userOfProfile"]);
  });

  it("3b. a new table previews as a replace and moves the relationship", async () => {
    specs[2] = { ...specs[2], args: { ...specs[2].args, table: { schema: "custom", name: "profiles" } } };
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 3, replace: 1 });
    await stack.up();
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)), ["userOfProfile"]);
    assert.deepEqual(Object.keys(relationshipsOn(server, customProfiles)).sort(), ["messageOfProfile", "prefixedMessage"]);
  });

  it("9. destroy leaves the metadata as it was before the first up", async () => {
    await stack.destroy();
    assert.deepEqual(server.exportMetadata(), metadataBefore);
  });
});
