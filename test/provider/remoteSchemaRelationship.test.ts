/**
 * Issue 12: the RemoteSchemaRelationship provider against the local Hasura: the same guarantees as
 * RemoteRelationship (adopt identical, refuse different, import, drift, delete of a missing one
 * succeeds, coalesced writes), on a remote schema's type.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteSchemaRelationshipProvider as provider } from "../../provider";
import type { RemoteSchemaRelationshipInputs } from "../../provider/resources/remoteSchemaRelationship";
import type { RunningHasuraServer } from "../../server";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { configureProvider, conformanceSecret, startConformanceHasura } from "../support/localHasura";

/** What Hasura holds on the remote schema "user", by type and name. */
function held(server: RunningHasuraServer): Record<string, unknown> {
  const schema = (server.exportMetadata().remote_schemas ?? []).find((entry) => entry.name === "user");
  return Object.fromEntries(
    (schema?.remote_relationships ?? []).flatMap((type) => type.relationships.map((entry) => [`${type.type_name}.${entry.name}`, entry.definition])),
  );
}

describe("RemoteSchemaRelationship against the local Hasura", () => {
  let server: RunningHasuraServer;
  let inputs: RemoteSchemaRelationshipInputs;
  const id = "user/User/sameUser";

  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    const raw = {
      endpoint: server.url,
      remoteSchema: "user",
      typeName: "User",
      name: "sameUser",
      toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { user: { arguments: { id: "$id" } } } },
    };
    const checked = await provider.check({}, raw);
    assert.deepEqual(checked.failures, undefined);
    inputs = checked.inputs as RemoteSchemaRelationshipInputs;
  });
  after(() => server.stop());

  it("creates it on the type, in the definition format", async () => {
    const created = await provider.create(inputs);
    assert.equal(created.id, id);
    assert.deepEqual(held(server)["User.sameUser"], {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } },
    });
  });

  it("reads what it created, and the read state diffs as no change", async () => {
    const read = await provider.read(id, inputs);
    assert.deepEqual(read.props, inputs);
    assert.deepEqual(await provider.diff(id, read.props as Record<string, unknown>, inputs), { changes: false });
  });

  it("adopts an identical one and refuses a different one", async () => {
    server.resetStats();
    await provider.create(inputs);
    assert.equal(server.stats().requests["/v1/metadata create_remote_schema_remote_relationship"], undefined);
    const other = { ...inputs, toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { allUsers: { arguments: {} } } } };
    await assert.rejects(
      provider.create(other),
      /Remote schema relationship "user\/User\/sameUser" already exists in Hasura at \S+ and joins remote schema "user" differently; it was not overwritten/,
    );
  });

  it("decides update for a new target and replace for a new name or type", async () => {
    assert.deepEqual(
      await provider.diff(id, inputs, { ...inputs, toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { allUsers: { arguments: {} } } } }),
      { changes: true },
    );
    assert.deepEqual(await provider.diff(id, inputs, { ...inputs, name: "other" }), { changes: true, replaces: ["name"], deleteBeforeReplace: false });
    assert.deepEqual(await provider.diff(id, inputs, { ...inputs, typeName: "Query" }), { changes: true, replaces: ["typeName"], deleteBeforeReplace: false });
  });

  it("updates it in place", async () => {
    const news = { ...inputs, toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { allUsers: { arguments: {} } } } };
    await provider.update(id, inputs, news);
    assert.deepEqual(held(server)["User.sameUser"], {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { allUsers: { arguments: {} } } },
    });
    await provider.update(id, news, inputs);
  });

  it("finds a change made by hand", async () => {
    await hasuraCall(server.url, conformanceSecret, {
      type: "update_remote_schema_remote_relationship",
      args: {
        remote_schema: "user",
        type_name: "User",
        name: "sameUser",
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "username"], remote_field: { user: { arguments: { id: "$id" } } } } },
      },
    });
    const read = await provider.read(id, inputs);
    assert.deepEqual((read.props as RemoteSchemaRelationshipInputs).toRemoteSchema?.lhsFields, ["id", "username"]);
    await provider.update(id, read.props as Record<string, unknown>, inputs);
  });

  it("imports one made outside Pulumi without writing, only when it is the same", async () => {
    await hasuraCall(server.url, conformanceSecret, {
      type: "create_remote_schema_remote_relationship",
      args: {
        remote_schema: "user",
        type_name: "User",
        name: "handMade",
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
      },
    });
    server.resetStats();
    const imported = { ...inputs, name: "handMade", importId: "user/User/handMade" };
    assert.equal((await provider.create(imported)).id, "user/User/handMade");
    assert.equal(server.stats().requests["/v1/metadata create_remote_schema_remote_relationship"], undefined);
    await assert.rejects(
      provider.create({ ...imported, toRemoteSchema: { ...inputs.toRemoteSchema!, lhsFields: ["id", "username"] } }),
      /Cannot import remote schema relationship "user\/User\/handMade"/,
    );
  });

  it("refuses to define one on a remote schema Hasura does not have, which Hasura would take silently", async () => {
    await assert.rejects(
      provider.create({ ...inputs, remoteSchema: "nope" }),
      /Remote schema "nope" does not exist in Hasura, so remote schema relationship "nope\/User\/sameUser" cannot be defined on its type/,
    );
  });

  it("creates several that meet in one write", async () => {
    server.resetStats();
    await Promise.all(["a", "b", "c"].map((name) => provider.create({ ...inputs, name })));
    assert.equal(server.stats().requests["/v1/metadata replace_metadata"], 1);
    assert.deepEqual(Object.keys(held(server)).sort(), ["User.a", "User.b", "User.c", "User.handMade", "User.sameUser"]);
  });

  it("deletes, and a delete of one already gone succeeds", async () => {
    for (const name of ["a", "b", "c", "handMade", "sameUser"]) await provider.delete(`user/User/${name}`, inputs);
    assert.deepEqual(held(server), {});
    await provider.delete(id, inputs);
    assert.deepEqual(await provider.read(id, inputs), {});
  });

  it("check refuses a type that is not in the remote schema, and join fields that are not the type's, with Hasura's reason", async () => {
    const wrongType = await provider.check({}, { ...inputs, typeName: "Nope" });
    assert.deepEqual(wrongType.failures, [
      {
        property: "typeName",
        reason:
          'Hasura would refuse it: Inconsistent object: in remote relationship "sameUser": no type named "Nope" defined in remote schema "user". Use an object type of remote schema "user" in typeName: "Query", "User".',
      },
    ]);
    const wrongField = await provider.check(
      {},
      { ...inputs, toRemoteSchema: { ...inputs.toRemoteSchema!, lhsFields: ["email"], remoteField: { user: { arguments: { id: "$email" } } } } },
    );
    assert.deepEqual(wrongField.failures, [
      {
        property: "",
        reason:
          'toRemoteSchema.lhsFields[0]: Hasura would refuse it: Inconsistent object: in remote relationship "sameUser": field with name "email"is not provided by the lhs entity""user"for defining a join condition, the allowed fields are "id" or "username"". Use fields of type "User" in toRemoteSchema.lhsFields: "id", "username".',
      },
    ]);
  });
});
