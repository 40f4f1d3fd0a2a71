import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalJson, normalizeEndpoint, normalizeFields, normalizeRemoteField, normalizeTable, relationshipLabel } from "../../provider/normalize";
import { formatRelationshipId, parseRelationshipId } from "../../provider/relationshipId";

describe("normalize", () => {
  const tables: [unknown, { schema: string; name: string }][] = [
    ["users", { schema: "public", name: "users" }],
    [{ name: "users" }, { schema: "public", name: "users" }],
    [
      { schema: "custom", name: "users" },
      { schema: "custom", name: "users" },
    ],
  ];
  for (const [input, expected] of tables) {
    it(`table ${JSON.stringify(input)}`, () => assert.deepEqual(normalizeTable(input as string), expected));
  }

  it("fields become a sorted set", () => assert.deepEqual(normalizeFields(["b", "a", "b"]), ["a", "b"]));
  it("JSON keys are sorted at every depth, lists keep their order", () => {
    assert.equal(JSON.stringify(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })), '{"a":null,"b":[{"c":2,"d":1}]}');
  });
  it("a remote field tree is canonical at every level", () => {
    const tree = normalizeRemoteField({ user: { arguments: { z: 1, a: "$id" }, field: { posts: { arguments: { y: true, b: 2 } } } } });
    assert.equal(JSON.stringify(tree), '{"user":{"arguments":{"a":"$id","z":1},"field":{"posts":{"arguments":{"b":2,"y":true}}}}}');
  });
  it("endpoints lose trailing slashes and spaces", () => assert.equal(normalizeEndpoint(" https://h.example.com/v2// "), "https://h.example.com/v2"));
  it("relationships are labelled source.schema.table.name", () => {
    assert.equal(relationshipLabel({ source: "default", table: { schema: "public", name: "users" }, name: "rel" }), "default.public.users.rel");
  });
});

describe("relationship IDs", () => {
  it("round-trip, even with a slash in a name", () => {
    const key = { source: "db/1", table: { schema: "public", name: "a%b" }, name: "rel" };
    assert.equal(formatRelationshipId(key), "db%2F1/public/a%25b/rel");
    assert.deepEqual(parseRelationshipId(formatRelationshipId(key)), key);
  });
  it("refuse a malformed ID with the expected form", () => {
    assert.throws(() => parseRelationshipId("users.rel"), {
      message: '"users.rel" is not a remote relationship ID. Use source/schema/table/name, such as default/public/users/userMessages.',
    });
  });
});
