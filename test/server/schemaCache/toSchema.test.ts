/**
 * The relationship validation against a remote schema (schemaCache/toSchema.ts), as a pure
 * function: one table row per Hasura reason, each asserting the exact message Hasura's
 * `errorToText` gives, and rows that must pass.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildSchema } from "graphql";
import { remoteFieldOf, type JsonObject, type RemoteField } from "../../../model";
import { errorToText, isValidationFailure } from "../../../server/schemaCache/validationErrors";
import { validateToSchema } from "../../../server/schemaCache/toSchema";

const schema = buildSchema(`
  type Query {
    user(id: Int!): User
    byUuid(id: ID!): User
    message(id: Int!): Message
    messages(where: MessageWhere, includes: Include, ids: [Int], filters: [MessageWhere]): [Message!]!
    status: Status
  }
  enum Status { ON OFF }
  type User { id: Int! username: String! latest(limit: Int): Message }
  type Message { id: Int! msg: String! }
  input MessageWhere { id: IntCompare name: String }
  input IntCompare { eq: Int gt: Int }
  input Include { id: [Int] }
`);

const lhs = { identifier: "profiles", joinFields: ["id", "name"] };

function calls(...levels: [string, JsonObject][]): RemoteField {
  return remoteFieldOf(levels.map(([name, args]) => ({ name, arguments: args })));
}

/** The message of the first failure, as Hasura words it; undefined when the relationship is valid. */
function messageOf(lhsFields: string[], remoteField: RemoteField, name = "rel"): string | undefined {
  try {
    validateToSchema({ kind: "toRemoteSchema", remoteSchema: "remote", lhsFields, remoteField }, name, lhs, schema);
    return undefined;
  } catch (error) {
    if (isValidationFailure(error)) return errorToText(error.reason);
    throw error;
  }
}

const invalidCases: [string, string[], RemoteField, string][] = [
  [
    "join field missing on the table",
    ["id_wrong"],
    calls(["user", { id: "$id_wrong" }]),
    'field with name "id_wrong"is not provided by the lhs entity""profiles"for defining a join condition, the allowed fields are "id" or "name""',
  ],
  ["root field missing", ["id"], calls(["nope", { id: "$id" }]), 'remote field with name "nope" and type "Query" not found'],
  ["nested field missing", ["id"], calls(["user", { id: "$id" }], ["nope", {}]), 'remote field with name "nope" and type "User" not found'],
  ["argument missing", ["id"], calls(["user", { uid: "$id" }]), 'argument with name "uid" not found in remote schema'],
  ["variable not in hasura_fields", ["id"], calls(["user", { id: "$name" }]), 'variable "name" is not found'],
  ["literal of the wrong type", ["id"], calls(["user", { id: "abc" }]), 'expected type "Int" but got "String"'],
  ["float literal for Int", ["id"], calls(["user", { id: 1.5 }]), 'expected type "Int" but got "Float"'],
  ["boolean literal for Int", ["id"], calls(["user", { id: true }]), 'expected type "Int" but got "Boolean"'],
  ["list literal for a non-list", ["id"], calls(["user", { id: [1] }]), 'type "Int"is not a list type'],
  ["two-element list", ["id"], calls(["messages", { ids: [1, 2] }]), "multiple elements in list value is not supported"],
  ["null literal", ["id"], calls(["user", { id: null }]), "null is not allowed here"],
  ["unknown input field", ["id"], calls(["messages", { where: { nope: 1 } }]), 'argument with name "nope" not found in remote schema'],
  ["object for a scalar", ["id"], calls(["user", { id: { eq: 1 } }]), 'type "eq"not an input object type'],
  ["object for a list of inputs", ["id"], calls(["messages", { filters: { id: { eq: "$id" } } }]), 'type "MessageWhere" is invalid for stripping'],
  [
    "Float literal for ID",
    ["id"],
    calls(["byUuid", { id: 1.5 }]),
    'Only ID, Int, uuid or String scalar types can be joined to the ID type, but received "Float"',
  ],
];

const validCases: [string, string[], RemoteField][] = [
  ["variable argument", ["id"], calls(["user", { id: "$id" }])],
  ["nested input objects", ["id"], calls(["messages", { where: { id: { eq: "$id" } } }])],
  ["singleton literal for a list", ["id"], calls(["messages", { includes: { id: 1 } }])],
  ["one-element list", ["id"], calls(["messages", { ids: ["$id"] }])],
  ["Int literal for ID", ["id"], calls(["byUuid", { id: 7 }])],
  ["String literal for ID", ["id"], calls(["byUuid", { id: "x" }])],
  ["nested field path", ["id"], calls(["user", { id: "$id" }], ["latest", { limit: 1 }])],
  ["leaf root field", ["id"], calls(["status", {}])],
  ["a column that is not joined need not be used", ["id", "name"], calls(["user", { id: "$id" }])],
];

function expectError(lhsFields: string[], remoteField: RemoteField, message: string): void {
  assert.equal(messageOf(lhsFields, remoteField), message);
}

function expectValid(lhsFields: string[], remoteField: RemoteField): void {
  assert.equal(messageOf(lhsFields, remoteField), undefined);
}

for (const [title, lhsFields, remoteField, expected] of invalidCases) {
  test(`validation: ${title}`, () => {
    expectError(lhsFields, remoteField, expected);
  });
}

for (const [title, lhsFields, remoteField] of validCases) {
  test(`validation accepts: ${title}`, () => {
    expectValid(lhsFields, remoteField);
  });
}

test("validation: a relationship name that is not a GraphQL name fails only when input types are stripped", () => {
  assert.equal(messageOf(["id"], calls(["user", { id: "$id" }]), "bad-name"), undefined);
  assert.equal(messageOf(["id"], calls(["messages", { where: { id: { eq: "$id" } } }]), "bad-name"), '"bad-name" is not a valid GraphQL identifier');
});
