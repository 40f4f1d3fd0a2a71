import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { remoteSchemaRelationshipLabel, tableRelationshipLabel } from "../../../model";

describe("model: relationship keys", () => {
  it("table relationships are labelled source.schema.table.name", () => {
    assert.equal(tableRelationshipLabel({ source: "default", table: { schema: "public", name: "users" }, name: "rel" }), "default.public.users.rel");
  });
  it("remote schema relationships are labelled remoteSchema.typeName.name", () => {
    assert.equal(remoteSchemaRelationshipLabel({ remoteSchema: "users", typeName: "User", name: "orders" }), "users.User.orders");
  });
});
