/**
 * Issue 12: a relationship Hasura holds but can no longer build (its remote schema changed or went
 * away) is surfaced by read as `inconsistency` with Hasura's reason, one get_inconsistent_metadata
 * serves every read of an operation, and update and delete still reach it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { configureProvider, conformanceSecret, inputsFor, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const reason = 'Inconsistent object: in table "profiles": in remote relationship "broken": remote schema with name "gone" not found';

/** Stores a relationship to a remote schema that does not exist, as a replace with inconsistencies allowed does. */
async function storeBroken(server: RunningHasuraServer): Promise<void> {
  const exported = (await hasuraCall(server.url, conformanceSecret, { type: "export_metadata", version: 2, args: {} })) as {
    metadata: { sources: { tables: { table: { schema: string }; remote_relationships?: unknown[] }[] }[] };
  };
  const metadata = structuredClone(exported.metadata);
  const table = metadata.sources[0].tables.find((entry) => entry.table.schema === "public");
  table!.remote_relationships = [
    ...((table!.remote_relationships ?? []) as { name: string }[]).filter((entry) => entry.name !== "broken"),
    { name: "broken", definition: { to_remote_schema: { remote_schema: "gone", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } } },
  ];
  await hasuraCall(server.url, conformanceSecret, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata } });
}

describe("inconsistent relationships", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    await provider.create(inputsFor(server.url, "fine"));
    await storeBroken(server);
  });
  after(() => server.stop());

  it("read records Hasura's reason as inconsistency, and keeps it out of the inputs", async () => {
    const read = await provider.read("default/public/profiles/broken", { endpoint: server.url });
    assert.equal((read.props as { inconsistency?: string }).inconsistency, reason);
    assert.equal("inconsistency" in (read.inputs ?? {}), false);
    assert.equal((read.props as { remoteSchema?: string }).remoteSchema, "gone");
  });

  it("a consistent relationship has no inconsistency", async () => {
    const read = await provider.read("default/public/profiles/fine", { endpoint: server.url });
    assert.equal("inconsistency" in (read.props ?? {}), false);
  });

  it("one get_inconsistent_metadata and one export serve the reads of one operation", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    server.resetStats();
    await Promise.all(Array.from({ length: 30 }, () => provider.read("default/public/profiles/broken", { endpoint: server.url })));
    assert.equal(server.stats().requests["/v1/metadata get_inconsistent_metadata"], 1);
    assert.equal(server.stats().requests["/v1/metadata export_metadata"], 1);
  });

  it("an update reaches a relationship Hasura holds but cannot build, and repairs it", async () => {
    await provider.update("default/public/profiles/broken", {}, inputsFor(server.url, "broken"));
    assert.deepEqual(relationshipsOn(server, profiles).broken, {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } },
    });
    const read = await provider.read("default/public/profiles/broken", { endpoint: server.url });
    assert.equal("inconsistency" in (read.props ?? {}), false);
  });

  it("a delete removes an inconsistent relationship from the stored metadata, not only from Hasura's answer", async () => {
    await storeBroken(server);
    await provider.delete("default/public/profiles/broken", { endpoint: server.url });
    assert.equal(relationshipsOn(server, profiles).broken, undefined);
    assert.ok(relationshipsOn(server, profiles).fine);
  });

  it("on the /v1/query API, a delete Hasura answers with not-exists while its metadata still holds the relationship is an error, not a success", async () => {
    await storeBroken(server);
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false", "hasura:api": "query" });
    try {
      await assert.rejects(
        provider.delete("default/public/profiles/broken", { endpoint: server.url }),
        /Cannot delete remote relationship "default\/public\/profiles\/broken": Hasura at \S+ answered that it does not exist, but its metadata still holds it/,
      );
      assert.ok(relationshipsOn(server, profiles).broken);
      // A relationship that is really gone is deleted, as ever.
      await provider.delete("default/public/profiles/never", { endpoint: server.url });
    } finally {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    }
  });
});
