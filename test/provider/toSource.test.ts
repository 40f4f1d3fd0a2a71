/** Issue 12: RemoteRelationship with a target of another database source (Hasura's to_source), against the local Hasura. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RemoteRelationshipInputs } from "../../provider/resources/remoteRelationship";
import type { RunningHasuraServer } from "../../server";
import { configureProvider, conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };

describe("a relationship to another source's table", () => {
  let server: RunningHasuraServer;
  let inputs: RemoteRelationshipInputs;
  const id = "default/public/profiles/albums";

  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    const checked = await provider.check(
      {},
      {
        endpoint: server.url,
        name: "albums",
        table: "profiles",
        toSource: { relationshipType: "array", source: "target", table: { schema: "hasura", name: "album" }, fieldMapping: { id: "artist_id" } },
      },
    );
    assert.deepEqual(checked.failures, undefined);
    inputs = checked.inputs as RemoteRelationshipInputs;
  });
  after(() => server.stop());

  it("creates it in the definition format", async () => {
    assert.equal((await provider.create(inputs)).id, id);
    assert.deepEqual(relationshipsOn(server, profiles).albums, {
      to_source: { relationship_type: "array", source: "target", table: { schema: "hasura", name: "album" }, field_mapping: { id: "artist_id" } },
    });
  });

  it("reads it back as the same inputs, so refresh and diff see no change", async () => {
    const read = await provider.read(id, inputs);
    assert.deepEqual(read.props, inputs);
    assert.deepEqual(await provider.diff(id, read.props as Record<string, unknown>, inputs), { changes: false });
  });

  it("adopts the same relationship written with the mapping's keys in another order", async () => {
    server.resetStats();
    await provider.create({ ...inputs, toSource: { ...inputs.toSource!, fieldMapping: { id: "artist_id" } } });
    assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], undefined);
  });

  it("switches to a remote schema target in place, and back", async () => {
    const toUser = { ...inputs, toSource: undefined, hasuraFields: ["id"], remoteSchema: "user", remoteField: { user: { arguments: { id: "$id" } } } };
    await provider.update(id, inputs, toUser);
    assert.deepEqual(relationshipsOn(server, profiles).albums, {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } },
    });
    await provider.update(id, toUser, inputs);
    assert.equal((relationshipsOn(server, profiles).albums as { to_source?: unknown }).to_source !== undefined, true);
  });

  it("gets Hasura's own reason for a source, table or column Hasura does not have", async () => {
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ source: "nowhere" }, /answered 400 invalid-configuration: .*source not found: "nowhere"/],
      [{ table: { schema: "hasura", name: "nope" } }, /table "hasura\.nope" does not exist in source: target/],
      [{ fieldMapping: { id: "nope" } }, /"nope" does not exist/],
    ];
    for (const [change, reason] of refusals) {
      await assert.rejects(
        provider.create({ ...inputs, name: "refused", toSource: { ...inputs.toSource!, ...change } as RemoteRelationshipInputs["toSource"] }),
        reason,
      );
    }
    assert.equal(relationshipsOn(server, profiles).refused, undefined);
  });

  it("deletes it", async () => {
    await provider.delete(id, inputs);
    assert.equal(relationshipsOn(server, profiles).albums, undefined);
  });
});
