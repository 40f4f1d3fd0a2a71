import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseInconsistencies, remoteSchemaRelationshipInconsistency, tableRelationshipInconsistency, type InconsistentObject } from "../../../model";

const key = { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" };

describe("model: inconsistent objects", () => {
  const answer = {
    is_consistent: false,
    inconsistent_objects: [
      { type: "remote_relationship", reason: "table reason", definition: { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" } },
      { type: "remote_schema_remote_relationship", reason: "type reason", definition: { remote_schema: "user", type: "User", name: "x" } },
      { type: "remote_schema_remote_relationship", reason: "type_name reason", definition: { remote_schema: "user", type_name: "User", name: "y" } },
    ],
  };
  const objectsOf = (body: unknown): readonly InconsistentObject[] => {
    const parsed = parseInconsistencies(body);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  };
  it("are read with a schema, and anything else is refused with the reason", () => {
    assert.equal(parseInconsistencies(answer).ok, true);
    assert.match((parseInconsistencies({ message: "success" }) as { reason: string }).reason, /^it is not \{is_consistent, inconsistent_objects\}/);
  });
  it("are matched to a table relationship by source, table and name", () => {
    const objects = objectsOf(answer);
    assert.equal(tableRelationshipInconsistency(objects, key), "table reason");
    assert.equal(tableRelationshipInconsistency(objects, { ...key, name: "other" }), undefined);
  });
  it("are matched to a remote schema relationship, its type echoed as type or type_name", () => {
    const objects = objectsOf(answer);
    assert.equal(remoteSchemaRelationshipInconsistency(objects, { remoteSchema: "user", typeName: "User", name: "x" }), "type reason");
    assert.equal(remoteSchemaRelationshipInconsistency(objects, { remoteSchema: "user", typeName: "User", name: "y" }), "type_name reason");
  });
});
