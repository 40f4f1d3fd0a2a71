import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RemoteRelationshipInputs as RelationshipInputs } from "../../provider/resources/remoteRelationship";
import type { RunningHasuraServer } from "../../server";
import { configureProvider, conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };

for (const api of ["metadata", "query"] as const) {
  describe(`provider against the local Hasura (${api} API)`, () => {
    let server: RunningHasuraServer;
    let inputs: RelationshipInputs;
    const raw = () => ({
      endpoint: server.url,
      name: "userOfProfile",
      table: "profiles",
      hasuraFields: ["id"],
      remoteSchema: "user",
      remoteField: { user: { arguments: { id: "$id" } } },
    });

    before(async () => {
      server = await startConformanceHasura();
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:api": api });
      inputs = (await provider.check({}, raw())).inputs as RelationshipInputs;
    });
    after(() => server.stop());

    it("creates, in the format of its API", async () => {
      const created = await provider.create(inputs);
      assert.equal(created.id, "default/public/profiles/userOfProfile");
      assert.deepEqual(created.outs, inputs);
      const stored = relationshipsOn(server, profiles).userOfProfile;
      const expected =
        api === "metadata"
          ? { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } }
          : { remote_schema: "user", hasura_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } };
      assert.deepEqual(stored, expected);
    });

    it("reads what it created, and the read state diffs as no change", async () => {
      const read = await provider.read("default/public/profiles/userOfProfile", inputs);
      assert.equal(read.id, "default/public/profiles/userOfProfile");
      assert.deepEqual(read.props, inputs);
      assert.deepEqual(read.inputs, inputs);
      assert.deepEqual(await provider.diff("x", read.props as RelationshipInputs, inputs), { changes: false });
    });

    it("adopts an identical relationship instead of writing it again", async () => {
      const writes = writeCount(server);
      const again = await provider.create(inputs);
      assert.equal(again.id, "default/public/profiles/userOfProfile");
      assert.equal(writeCount(server), writes);
    });

    it("refuses to overwrite a different relationship of the same name", async () => {
      const other = { ...inputs, remoteSchema: "my-remote-schema", remoteField: { message: { arguments: { id: "$id" } } } };
      await assert.rejects(provider.create(other), (error: Error) => {
        assert.match(
          error.message,
          /^Remote relationship "default\/public\/profiles\/userOfProfile" already exists in Hasura at http:\/\/127\.0\.0\.1:\d+ and joins remote schema "user" differently; it was not overwritten\./,
        );
        assert.match(error.message, /adoptExisting: true/);
        return true;
      });
      assert.equal((relationshipsOn(server, profiles).userOfProfile as Record<string, unknown>) !== undefined, true);
      assert.deepEqual((await provider.read("default/public/profiles/userOfProfile", inputs)).props, inputs);
    });

    it("takes it over with adoptExisting", async () => {
      const other = { ...inputs, name: "takeover" };
      await provider.create(other);
      const changed = { ...other, remoteSchema: "my-remote-schema", remoteField: { message: { arguments: { id: "$id" } } }, adoptExisting: true };
      await provider.create(changed);
      assert.equal((await provider.read("default/public/profiles/takeover", changed)).props?.remoteSchema, "my-remote-schema");
      await provider.delete("default/public/profiles/takeover", changed);
    });

    it("decides replace for a new name and update for a new remote field", async () => {
      assert.deepEqual(await provider.diff("x", inputs, { ...inputs, name: "renamed" }), { changes: true, replaces: ["name"], deleteBeforeReplace: false });
      assert.deepEqual(await provider.diff("x", inputs, { ...inputs, hasuraFields: ["id", "name"] }), { changes: true });
    });

    it("updates the definition in place", async () => {
      const news = { ...inputs, remoteSchema: "my-remote-schema", remoteField: { messages: { arguments: { where: { id: { eq: "$id" } } } } } };
      const updated = await provider.update("default/public/profiles/userOfProfile", inputs, news);
      assert.deepEqual(updated.outs, news);
      assert.deepEqual((await provider.read("default/public/profiles/userOfProfile", news)).props, news);
      inputs = news;
    });

    it("fails with Hasura's reason when Hasura rejects the relationship, and writes nothing", async () => {
      const bad = { ...inputs, name: "badSchema", remoteSchema: "no-such-schema" };
      await assert.rejects(provider.create(bad), (error: Error) => {
        assert.match(
          error.message,
          /^Could not create remote relationship "default\/public\/profiles\/badSchema": Hasura at http:\/\/127\.0\.0\.1:\d+ answered 400 invalid-configuration: Inconsistent object: in table "profiles": in remote relationship "badSchema": remote schema with name "no-such-schema" not found\./,
        );
        assert.match(error.message, / Fix remoteSchema, remoteField or hasuraFields: the remote schema must exist in Hasura, .*\.$/);
        return true;
      });
      assert.equal(relationshipsOn(server, profiles).badSchema, undefined);
    });

    it("deletes, and a second delete of the missing relationship succeeds", async () => {
      await provider.delete("default/public/profiles/userOfProfile", inputs);
      assert.equal(relationshipsOn(server, profiles).userOfProfile, undefined);
      await provider.delete("default/public/profiles/userOfProfile", inputs);
    });

    it("reads a missing relationship as gone, so refresh drops it", async () => {
      assert.deepEqual(await provider.read("default/public/profiles/userOfProfile", inputs), {});
    });

    it("refuses to update a missing relationship and points at refresh", async () => {
      await assert.rejects(
        provider.update("default/public/profiles/userOfProfile", inputs, inputs),
        /does not exist in Hasura at .* anymore, so it cannot be updated.*Run `pulumi refresh`/,
      );
    });

    it("counts a delete on an untracked table as done, and sends no write", async () => {
      const writes = writeCount(server);
      await provider.delete("default/public/not_tracked/whatever", { ...inputs, table: { schema: "public", name: "not_tracked" } });
      assert.equal(writeCount(server), writes);
    });
  });
}

describe("provider errors", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
  });
  after(() => server.stop());

  it("says the admin secret is wrong, without showing it", async () => {
    // Check would refuse the secret itself (test/provider/adminSecrets.test.ts); here create meets it.
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": "wrong-secret-value", "hasura:validateLive": "false" });
    const inputs = (
      await provider.check(
        {},
        { endpoint: server.url, name: "r", table: "profiles", hasuraFields: ["id"], remoteSchema: "user", remoteField: { user: { arguments: { id: "$id" } } } },
      )
    ).inputs as RelationshipInputs;
    await assert.rejects(provider.create(inputs), (error: Error) => {
      assert.match(
        error.message,
        /answered export_metadata with 401 access-denied: invalid x-hasura-admin-secret\/x-hasura-access-key\. Hasura refused the admin secret from hasura:adminSecret\. Set the one this Hasura runs with: `pulumi config set --secret hasura:adminSecret <its admin secret>`\.$/,
      );
      assert.equal(error.message.includes("wrong-secret-value"), false);
      return true;
    });
  });

  it("reads the admin secret from HASURA_GRAPHQL_ADMIN_SECRET when config has none", async () => {
    process.env.HASURA_GRAPHQL_ADMIN_SECRET = conformanceSecret;
    try {
      await configureProvider({ "hasura:endpoint": server.url });
      assert.deepEqual(await provider.read("default/public/profiles/none", { endpoint: server.url }), {});
    } finally {
      delete process.env.HASURA_GRAPHQL_ADMIN_SECRET;
    }
  });

  it("names hasura:api when it is malformed", async () => {
    await assert.rejects(configureProvider({ "hasura:api": "graphql" }), {
      message: 'hasura:api is "graphql", but it must be auto, metadata or query. Fix it with `pulumi config set hasura:api auto`.',
    });
  });
});

function writeCount(server: RunningHasuraServer): number {
  const requests = (server.stats() as unknown as { requests: Record<string, number> }).requests;
  return Object.entries(requests)
    .filter(([type]) => /create|update|delete/.test(type))
    .reduce((sum, [, count]) => sum + count, 0);
}
