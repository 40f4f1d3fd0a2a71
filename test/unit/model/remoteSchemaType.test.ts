import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema } from "graphql";
import { remoteSchemaTypeJoinFields } from "../../../model";

const schema = buildSchema("type Query { user(id: Int!): User }  type User { id: Int! name: String posts(first: Int): [String] }  enum Role { A }");

describe("model: the join fields of a remote schema's type", () => {
  it("are its fields without arguments", () => assert.deepEqual(remoteSchemaTypeJoinFields(schema, "s", "User"), { ok: true, fields: ["id", "name"] }));
  it("are Hasura's reason when the type is missing", () =>
    assert.deepEqual(remoteSchemaTypeJoinFields(schema, "s", "Nope"), { ok: false, reason: 'no type named "Nope" defined in remote schema "s"' }));
  it("are Hasura's reason when the type is not an object type", () =>
    assert.deepEqual(remoteSchemaTypeJoinFields(schema, "s", "Role"), {
      ok: false,
      reason: "remote relationships on a remote schema can only be defined on object types",
    }));
});
