import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalSet, sameTarget, storedDefinitionJson, type RelationshipTarget } from "../../../model";

const toSchema: RelationshipTarget = {
  kind: "toRemoteSchema",
  remoteSchema: "user",
  lhsFields: ["name", "id"],
  remoteField: { user: { arguments: { b: 1, a: "$id" } } },
};

describe("model: relationship targets", () => {
  it("sets become sorted and unique", () => assert.deepEqual(canonicalSet(["b", "a", "b"]), ["a", "b"]));
  it("targets that differ only in order are the same join", () => {
    assert.equal(sameTarget(toSchema, { ...toSchema, lhsFields: ["id", "name", "id"], remoteField: { user: { arguments: { a: "$id", b: 1 } } } }), true);
    assert.equal(sameTarget(toSchema, { ...toSchema, remoteSchema: "other" }), false);
  });
  it("field mappings are maps: key order is never a change", () => {
    const toSource: RelationshipTarget = {
      kind: "toSource",
      relationshipType: "object",
      source: "s",
      table: { schema: "public", name: "t" },
      fieldMapping: { a: "x", b: "y" },
    };
    assert.equal(sameTarget(toSource, { ...toSource, fieldMapping: { b: "y", a: "x" } }), true);
  });
  it("are written in the format they are stored in", () => {
    assert.deepEqual(storedDefinitionJson({ format: "legacy", target: toSchema }), {
      remote_schema: "user",
      hasura_fields: ["name", "id"],
      remote_field: toSchema.remoteField,
    });
    assert.deepEqual(storedDefinitionJson({ format: "definition", target: toSchema }), {
      to_remote_schema: { remote_schema: "user", lhs_fields: ["name", "id"], remote_field: toSchema.remoteField },
    });
  });
});
