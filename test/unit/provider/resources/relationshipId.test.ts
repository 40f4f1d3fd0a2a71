import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { remoteRelationship } from "../../../../provider/resources/remoteRelationship";
import { remoteSchemaRelationship } from "../../../../provider/resources/remoteSchemaRelationship";

const { formatId: formatRelationshipId, parseId: parseRelationshipId } = remoteRelationship;
const { formatId: formatRemoteSchemaRelationshipId, parseId: parseRemoteSchemaRelationshipId } = remoteSchemaRelationship;

describe("relationship IDs", () => {
  it("round-trip, even with a slash in a name", () => {
    const key = { source: "db/1", table: { schema: "public", name: "a%b" }, name: "rel" };
    assert.equal(formatRelationshipId(key), "db%2F1/public/a%25b/rel");
    assert.deepEqual(parseRelationshipId(formatRelationshipId(key)), key);
    const schemaKey = { remoteSchema: "users/api", typeName: "User", name: "orders" };
    assert.equal(formatRemoteSchemaRelationshipId(schemaKey), "users%2Fapi/User/orders");
    assert.deepEqual(parseRemoteSchemaRelationshipId(formatRemoteSchemaRelationshipId(schemaKey)), schemaKey);
  });
  it("refuse a malformed ID with the expected form", () => {
    assert.throws(() => parseRelationshipId("users.rel"), {
      message: '"users.rel" is not a remote relationship ID. Use source/schema/table/name, such as default/public/users/userMessages.',
    });
    assert.throws(() => parseRemoteSchemaRelationshipId("users/User"), {
      message: '"users/User" is not a remote schema relationship ID. Use remoteSchema/typeName/name, such as users-api/User/orders.',
    });
  });
});

describe("relationship IDs that are not URI-encoded", () => {
  it("are refused with the part at fault and how to write a %, never a URIError", () => {
    assert.throws(() => parseRelationshipId("default/public/users%/rel"), {
      message:
        '"default/public/users%/rel" is not a remote relationship ID: "users%" is not URI-encoded (a "%" must start an escape such as %2F; write a literal "%" as %25). Use source/schema/table/name, such as default/public/users/userMessages.',
    });
    assert.throws(() => parseRemoteSchemaRelationshipId("api/User%zz/orders"), /"User%zz" is not URI-encoded/);
  });
});
