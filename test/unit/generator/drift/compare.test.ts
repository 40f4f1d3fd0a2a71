import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { heldRelationships } from "../../../../generator";
import { compareDrift, stateType, type StackState } from "../../../../generator/drift";
import type { DriftScope } from "../../../../generator/arguments";
import type { InconsistentObject, JsonObject } from "../../../../model";

const endpoint = "http://hasura.test:8080";
const everything: DriftScope = { sources: [], tables: [], remoteSchemas: [] };
const userField = { user: { arguments: { id: "$id" } } };
const toUser = (lhs: string[], field: JsonObject = userField) => ({ to_remote_schema: { remote_schema: "user", lhs_fields: lhs, remote_field: field } });

/** Hasura's metadata: relationships on public.profiles and on target's hasura.album, and on remote schema user's type User. */
function metadata(profiles: JsonObject[], album: JsonObject[] = [], user: JsonObject[] = []): JsonObject {
  return {
    version: 3,
    sources: [
      { name: "default", kind: "postgres", tables: [{ table: { schema: "public", name: "profiles" }, remote_relationships: profiles }] },
      { name: "target", kind: "postgres", tables: [{ table: { schema: "hasura", name: "album" }, remote_relationships: album }] },
    ],
    remote_schemas: [{ name: "user", definition: {}, remote_relationships: user.length === 0 ? [] : [{ type_name: "User", relationships: user }] }],
  };
}

/** A RemoteRelationship's outputs as the provider writes them into the state (canonical inputs and the provider reference). */
function tableOutputs(name: string, hasuraFields: string[], extra: Record<string, unknown> = {}) {
  return {
    endpoint,
    source: "default",
    table: { schema: "public", name: "profiles" },
    name,
    hasuraFields,
    remoteSchema: "user",
    remoteField: userField,
    __provider: "x",
    ...extra,
  };
}

function stack(name: string, resources: { name: string; type?: string; outputs: unknown; pendingDelete?: boolean }[]): StackState {
  return {
    name,
    resources: resources.map((resource) => ({
      name: resource.name,
      type: resource.type ?? stateType("RemoteRelationship"),
      outputs: resource.outputs,
      pendingDelete: resource.pendingDelete ?? false,
    })),
  };
}

function statuses(held: JsonObject, stacks: StackState[], inconsistencies: InconsistentObject[] = [], scope = everything) {
  return compareDrift(heldRelationships(held, inconsistencies, endpoint), stacks, endpoint, scope).records.map((record) => [record.id, record.status]);
}

describe("drift: what became of each relationship", () => {
  it("tells in sync, changed, deleted, inconsistent and unmanaged apart, relationships on tables first, each sorted by ID", () => {
    const held = metadata(
      [
        { name: "same", definition: toUser(["id"]) },
        { name: "changed", definition: toUser(["id", "name"]) },
        { name: "broken", definition: toUser(["id"]) },
        { name: "stray", definition: toUser(["id"]) },
      ],
      [],
      [{ name: "members", definition: toUser(["id"]) }],
    );
    const inconsistent = [{ type: "remote_relationship", reason: "it broke", definition: { source: "default", table: "profiles", name: "broken" } }];
    const alpha = stack("alpha", [
      { name: "same", outputs: tableOutputs("same", ["id"]) },
      { name: "changed", outputs: tableOutputs("changed", ["id"]) },
      { name: "gone", outputs: tableOutputs("gone", ["id"]) },
      { name: "broken", outputs: tableOutputs("broken", ["id"]) },
    ]);
    const result = compareDrift(heldRelationships(held, inconsistent, endpoint), [alpha], endpoint, everything);
    assert.deepEqual(
      result.records.map((record) => [record.noun, record.id, record.status, record.managedBy.map((manager) => `${manager.stack}/${manager.resource}`)]),
      [
        ["remote relationship", "default/public/profiles/broken", "inconsistent", ["alpha/broken"]],
        ["remote relationship", "default/public/profiles/changed", "changed", ["alpha/changed"]],
        ["remote relationship", "default/public/profiles/gone", "deleted", ["alpha/gone"]],
        ["remote relationship", "default/public/profiles/same", "in-sync", ["alpha/same"]],
        ["remote relationship", "default/public/profiles/stray", "unmanaged", []],
        ["remote schema relationship", "user/User/members", "unmanaged", []],
      ],
    );
    assert.deepEqual(result.records[1].differences, [{ path: ["hasuraFields"], state: ["id"], hasura: ["id", "name"] }]);
    assert.equal(result.records[0].reason, "it broke");
  });

  it("compares after the provider's normalization: the legacy format, set order and key order are no difference", () => {
    const held = metadata([
      {
        name: "legacy",
        definition: { remote_schema: "user", hasura_fields: ["name", "id", "id"], remote_field: { user: { arguments: { name: "$name", id: "$id" } } } },
      },
    ]);
    const outputs = tableOutputs("legacy", ["id", "name"], { table: "profiles", remoteField: { user: { arguments: { id: "$id", name: "$name" } } } });
    assert.deepEqual(statuses(held, [stack("alpha", [{ name: "legacy", outputs }])]), [["default/public/profiles/legacy", "in-sync"]]);
  });

  it("shows a changed one's differences down to the leaf, as Pulumi's diff does, and a switch of target as both targets", () => {
    const held = metadata([
      { name: "args", definition: toUser(["id"], { user: { arguments: { id: "$id", limit: 5 } } }) },
      {
        name: "switched",
        definition: {
          to_source: { relationship_type: "array", source: "target", table: { schema: "hasura", name: "album" }, field_mapping: { id: "artist_id" } },
        },
      },
    ]);
    const alpha = stack("alpha", [
      { name: "args", outputs: tableOutputs("args", ["id"]) },
      { name: "switched", outputs: tableOutputs("switched", ["id"]) },
    ]);
    const [args, switched] = compareDrift(heldRelationships(held, [], endpoint), [alpha], endpoint, everything).records;
    assert.deepEqual(args.differences, [{ path: ["remoteField", "user", "arguments", "limit"], hasura: 5 }]);
    assert.deepEqual(
      switched.differences.map((difference) => difference.path.join(".")),
      ["hasuraFields", "remoteSchema", "remoteField", "toSource"],
    );
  });

  it("counts only the resources at this endpoint, leaves out those pending deletion and resources of other types, and says what it did not count", () => {
    const held = metadata([{ name: "a", definition: toUser(["id"]) }]);
    const alpha = stack("alpha", [
      { name: "a", outputs: tableOutputs("a", ["id"]) },
      { name: "elsewhere", outputs: tableOutputs("b", ["id"], { endpoint: "http://other:8080" }) },
      { name: "replaced", outputs: tableOutputs("c", ["id"]), pendingDelete: true },
      { name: "bucket", type: "aws:s3/bucket:Bucket", outputs: { endpoint } },
      { name: "unreadable", outputs: { name: 5 } },
    ]);
    const result = compareDrift(heldRelationships(held, [], endpoint), [alpha], endpoint, everything);
    assert.deepEqual(
      result.records.map((record) => [record.id, record.status]),
      [["default/public/profiles/a", "in-sync"]],
    );
    assert.deepEqual(result.uncounted, [
      { stack: "alpha", endpoint: "http://other:8080", resources: ["elsewhere"] },
      { stack: "alpha", resources: ["unreadable"] },
    ]);
  });

  it("names every resource that manages one relationship, and the stack each difference is of", () => {
    const held = metadata([{ name: "a", definition: toUser(["id"]) }]);
    const [record] = compareDrift(
      heldRelationships(held, [], endpoint),
      [stack("alpha", [{ name: "a", outputs: tableOutputs("a", ["id"]) }]), stack("beta", [{ name: "a2", outputs: tableOutputs("a", ["id", "name"]) }])],
      endpoint,
      everything,
    ).records;
    assert.equal(record.status, "changed");
    assert.deepEqual(record.managedBy, [
      { stack: "alpha", resource: "a" },
      { stack: "beta", resource: "a2" },
    ]);
    assert.deepEqual(record.differences, [{ path: ["hasuraFields"], state: ["id", "name"], hasura: ["id"], stack: "beta" }]);
  });

  it("reports a managed relationship Hasura holds in a form this package cannot read as changed, with why", () => {
    const held = metadata([{ name: "odd", definition: { to_remote_schema: { remote_schema: "user" } } }]);
    const [record] = compareDrift(
      heldRelationships(held, [], endpoint),
      [stack("alpha", [{ name: "odd", outputs: tableOutputs("odd", ["id"]) }])],
      endpoint,
      everything,
    ).records;
    assert.equal(record.status, "changed");
    assert.match(record.reason ?? "", /^Hasura holds a definition this package cannot read: its definition is not in a format this provider reads/);
  });

  it("looks only where the scope says: --source and --table at tables, --remote-schema at remote schemas' types", () => {
    const held = metadata(
      [{ name: "p", definition: toUser(["id"]) }],
      [{ name: "a", definition: toUser(["artist_id"]) }],
      [{ name: "m", definition: toUser(["id"]) }],
    );
    const managed = [stack("alpha", [{ name: "gone", outputs: tableOutputs("gone", ["id"]) }])];
    const ids = (scope: DriftScope) => statuses(held, managed, [], scope).map(([id]) => id);
    assert.deepEqual(ids({ ...everything, sources: ["target"] }), ["target/hasura/album/a"]);
    assert.deepEqual(ids({ ...everything, tables: [{ schema: "public", name: "profiles" }] }), ["default/public/profiles/gone", "default/public/profiles/p"]);
    assert.deepEqual(ids({ ...everything, sources: ["target"], tables: [{ schema: "public", name: "profiles" }] }), []);
    assert.deepEqual(ids({ ...everything, remoteSchemas: ["user"] }), ["user/User/m"]);
    assert.deepEqual(ids({ ...everything, sources: ["target"], remoteSchemas: ["user"] }), ["target/hasura/album/a", "user/User/m"]);
  });

  it("calls a relationship Hasura cannot build and no stack manages inconsistent, with Hasura's reason", () => {
    const held = metadata([], [], [{ name: "m", definition: toUser(["id"]) }]);
    const inconsistent = [
      { type: "remote_schema_remote_relationship", reason: "no such field", definition: { remote_schema: "user", type_name: "User", name: "m" } },
    ];
    const [record] = compareDrift(heldRelationships(held, inconsistent, endpoint), [], endpoint, everything).records;
    assert.deepEqual([record.status, record.reason, record.managedBy], ["inconsistent", "no such field", []]);
  });
});
