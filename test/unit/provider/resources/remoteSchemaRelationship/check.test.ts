import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffInputs } from "../../../../../provider/diff";
import { checkInputs } from "../../../../../provider/inputs/check";
import { remoteSchemaRelationship } from "../../../../../provider/resources/remoteSchemaRelationship";

const kind = remoteSchemaRelationship;
const valid = {
  endpoint: "https://h.example.com/",
  remoteSchema: "users-api",
  typeName: "User",
  name: "orders",
  toRemoteSchema: { remoteSchema: "orders-api", lhsFields: ["name", "id"], remoteField: { orders: { arguments: { userId: "$id", b: 1, a: 2 } } } },
};
const check = (news: Record<string, unknown>) => checkInputs(kind, news);

describe("check: RemoteSchemaRelationship", () => {
  it("returns the inputs canonical", () => {
    assert.deepEqual(check(valid), {
      inputs: {
        endpoint: "https://h.example.com",
        remoteSchema: "users-api",
        typeName: "User",
        name: "orders",
        toRemoteSchema: { remoteSchema: "orders-api", lhsFields: ["id", "name"], remoteField: { orders: { arguments: { a: 2, b: 1, userId: "$id" } } } },
      },
    });
  });

  it("passes a target holding an unknown inside (lhsFields, relationshipType) as it came, to be judged once known", () => {
    const lhsUnknown = { ...valid.toRemoteSchema, lhsFields: ["id", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"] };
    assert.deepEqual(check({ ...valid, toRemoteSchema: lhsUnknown }).inputs?.toRemoteSchema, lhsUnknown);
    const typeUnknown = { relationshipType: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", source: "db", table: "orders", fieldMapping: { id: "user_id" } };
    const result = check({ ...valid, toRemoteSchema: undefined, toSource: typeUnknown });
    assert.deepEqual(result.failures ?? [], []);
    assert.deepEqual(result.inputs?.toSource, typeUnknown);
  });

  const failures: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    [
      "both targets",
      { toSource: { relationshipType: "array", source: "db", table: "orders", fieldMapping: { id: "user_id" } } },
      [{ property: "toSource", reason: "Give one target: toRemoteSchema or toSource, not both. Remove one." }],
    ],
    [
      "no target",
      { toRemoteSchema: undefined },
      [
        {
          property: "toRemoteSchema",
          reason: "A relationship needs a target: toRemoteSchema to join another remote schema, or toSource to join a table of a database source. Give one.",
        },
      ],
    ],
    [
      "a type name that is not a GraphQL name",
      { typeName: "user-type" },
      [
        {
          property: "typeName",
          reason: 'typeName "user-type" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "User".',
        },
      ],
    ],
    [
      "a join variable that is not one of the type's join fields",
      { toRemoteSchema: { ...valid.toRemoteSchema, remoteField: { orders: { arguments: { userId: "$email" } } } } },
      [
        {
          property: "",
          reason:
            'toRemoteSchema.remoteField.orders.arguments.userId: Join variable "$email" is not in toRemoteSchema.lhsFields ("id", "name"). Add "email" to toRemoteSchema.lhsFields, or use one of them.',
        },
      ],
    ],
    [
      "two fields at the root of the tree",
      { toRemoteSchema: { ...valid.toRemoteSchema, remoteField: { a: { arguments: {} }, b: { arguments: {} } } } },
      [
        {
          property: "",
          reason: 'toRemoteSchema.remoteField names 2 fields ("a", "b") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
        },
      ],
    ],
    [
      "an import ID of another relationship",
      { importId: "users-api/User/other" },
      [
        {
          property: "importId",
          reason:
            'The import ID "users-api/User/other" names another relationship than these inputs, which describe "users-api/User/orders". Import the relationship the inputs describe, or fix name, typeName or remoteSchema.',
        },
      ],
    ],
    ["an unknown input", { table: "users" }, [{ property: "table", reason: `Unknown input "table". ${kind.inputList}` }]],
  ];
  for (const [what, change, expected] of failures) {
    it(`refuses ${what}`, () => assert.deepEqual(check({ ...valid, ...change }).failures, expected));
  }
});

describe("diff: RemoteSchemaRelationship", () => {
  const olds = check(valid).inputs as Record<string, unknown>;
  const cases: [string, Record<string, unknown>, object][] = [
    [
      "the same inputs written differently",
      { endpoint: "https://h.example.com", toRemoteSchema: { ...valid.toRemoteSchema, lhsFields: ["id", "name", "id"] } },
      { changes: false },
    ],
    [
      "a new target",
      { toRemoteSchema: undefined, toSource: { relationshipType: "array", source: "db", table: "orders", fieldMapping: { id: "user_id" } } },
      { changes: true },
    ],
    ["a new name", { name: "purchases" }, { changes: true, replaces: ["name"], deleteBeforeReplace: false }],
    ["a new type", { typeName: "Account" }, { changes: true, replaces: ["typeName"], deleteBeforeReplace: false }],
    ["a new remote schema", { remoteSchema: "accounts-api" }, { changes: true, replaces: ["remoteSchema"], deleteBeforeReplace: false }],
  ];
  for (const [what, change, expected] of cases) {
    it(what, () => assert.deepEqual(diffInputs(kind, olds, check({ ...valid, ...change }).inputs as Record<string, unknown>), expected));
  }
});
