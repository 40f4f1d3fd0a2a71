/**
 * Hasura's validation of a relationship against a remote schema (model/remoteSchemaValidation.ts),
 * table-driven against the conformance environment's remote schemas: each row a relationship, and
 * the exact reason text and path Hasura's rules give it, or none.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSchema, type GraphQLSchema } from "graphql";
import { remoteFieldOf, validateToRemoteSchema, type JsonObject, type RemoteField, type RemoteSchemaLhs, type TargetPath } from "../../../model";

const root = join(__dirname, "..", "..", "..", "..");

function conformanceSchema(name: string): GraphQLSchema {
  return buildSchema(readFileSync(join(root, "conformance", "remote-schemas", `${name}.graphql`), "utf8"));
}

/** Argument types the conformance schemas lack: ID, Float, Boolean, an enum, a custom scalar, lists of input objects and of lists. */
const extra = buildSchema(`
  type Query {
    node(id: ID!): Thing
    price(amount: Float!): Thing
    things(status: Status, flag: Boolean, filters: [Filter], at: uuid, grid: [[Int]]): [Thing]
  }
  scalar uuid
  enum Status { ON OFF }
  input Filter { id: Int }
  type Thing { id: ID! }
`);

const schemas: Record<string, GraphQLSchema | undefined> = {
  user: conformanceSchema("user"),
  "my-remote-schema": conformanceSchema("my-remote-schema"),
  "prefixer-proxy": conformanceSchema("prefixer-proxy"),
  extra,
  "no-query-root": buildSchema("type Thing { id: Int }"),
};

const profiles: RemoteSchemaLhs = { identifier: "profiles", joinFields: ["id", "name"] };

/** One relationship to validate; everything but the remote field has a default. */
interface Row {
  readonly remoteSchema?: string;
  readonly lhsFields?: readonly string[];
  readonly remoteField: RemoteField;
  readonly name?: string;
  readonly lhs?: RemoteSchemaLhs;
}

/** A chain of field calls, outermost first. */
function calls(...levels: [string, JsonObject][]): RemoteField {
  return remoteFieldOf(levels.map(([name, args]) => ({ name, arguments: args })));
}

function validate(row: Row) {
  const remoteSchema = row.remoteSchema ?? "my-remote-schema";
  const target = { kind: "toRemoteSchema" as const, remoteSchema, lhsFields: row.lhsFields ?? ["id"], remoteField: row.remoteField };
  return validateToRemoteSchema(target, row.name ?? "rel", row.lhs ?? profiles, schemas[remoteSchema]);
}

/** The first failure has exactly this text and path. */
function expectErrors(row: Row, text: string, path: TargetPath): void {
  const failure = validate(row);
  assert.deepEqual(failure === undefined ? undefined : { text: failure.text, path: failure.path }, { text, path });
}

/** Hasura would accept it. */
function expectValid(row: Row): void {
  assert.equal(validate(row), undefined);
}

const whereId = (value: unknown): JsonObject => ({ where: { id: { eq: value } } }) as JsonObject;
const messagesArgs = ["remoteField", "messages", "arguments"];

const invalid: [string, Row, string, TargetPath][] = [
  [
    "unknown remote schema",
    { remoteSchema: "nope", remoteField: calls(["user", { id: "$id" }]) },
    'remote schema with name "nope" not found',
    ["remoteSchema"],
  ],
  [
    "join field missing on the LHS entity",
    { remoteSchema: "user", lhsFields: ["id", "id_wrong"], remoteField: calls(["user", { id: "$id" }]) },
    'field with name "id_wrong"is not provided by the lhs entity""profiles"for defining a join condition, the allowed fields are "id" or "name""',
    ["lhsFields", 1],
  ],
  [
    "a missing join field is found before an unknown root field",
    { lhsFields: ["nope"], remoteField: calls(["nothing", {}]) },
    'field with name "nope"is not provided by the lhs entity""profiles"for defining a join condition, the allowed fields are "id" or "name""',
    ["lhsFields", 0],
  ],
  [
    "join field that is not a GraphQL name",
    { lhsFields: ["user-id"], lhs: { identifier: "profiles", joinFields: ["user-id"] }, remoteField: calls(["message", { id: 1 }]) },
    '"user-id" is not a valid GraphQL identifier',
    ["lhsFields", 0],
  ],
  ["unknown root field", { remoteField: calls(["nope", { id: "$id" }]) }, 'remote field with name "nope" and type "Query" not found', ["remoteField", "nope"]],
  [
    "unknown nested field",
    { remoteSchema: "user", remoteField: calls(["user", { id: "$id" }], ["nope", {}]) },
    'remote field with name "nope" and type "User" not found',
    ["remoteField", "user", "field", "nope"],
  ],
  [
    "unknown argument",
    { remoteField: calls(["message", { uid: "$id" }]) },
    'argument with name "uid" not found in remote schema',
    ["remoteField", "message", "arguments", "uid"],
  ],
  [
    "unknown input object key",
    { remoteField: calls(["messages", { where: { nope: 1 } }]) },
    'argument with name "nope" not found in remote schema',
    [...messagesArgs, "where", "nope"],
  ],
  [
    "unknown input object key, deep",
    { remoteField: calls(["messages", { where: { id: { eq: "$id", xyz: 1 } } }]) },
    'argument with name "xyz" not found in remote schema',
    [...messagesArgs, "where", "id", "xyz"],
  ],
  [
    "join variable not declared",
    { remoteField: calls(["message", { id: "$name" }]) },
    'variable "name" is not found',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "join variable not declared, deep",
    { remoteField: calls(["messages", whereId("$name")]) },
    'variable "name" is not found',
    [...messagesArgs, "where", "id", "eq"],
  ],
  [
    "String literal for Int",
    { remoteField: calls(["message", { id: "abc" }]) },
    'expected type "Int" but got "String"',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "Float literal for Int",
    { remoteField: calls(["message", { id: 1.5 }]) },
    'expected type "Int" but got "Float"',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "Boolean literal for Int",
    { remoteField: calls(["message", { id: true }]) },
    'expected type "Int" but got "Boolean"',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "Int literal for String",
    { remoteField: calls(["messages", { where: { name: { eq: 5 } } }]) },
    'expected type "String" but got "Int"',
    [...messagesArgs, "where", "name", "eq"],
  ],
  [
    "Int literal for Float",
    { remoteSchema: "extra", remoteField: calls(["price", { amount: 2 }]) },
    'expected type "Float" but got "Int"',
    ["remoteField", "price", "arguments", "amount"],
  ],
  [
    "2.0 is an Int, as Hasura reads JSON numbers",
    { remoteSchema: "extra", remoteField: calls(["price", { amount: 2.0 }]) },
    'expected type "Float" but got "Int"',
    ["remoteField", "price", "arguments", "amount"],
  ],
  [
    "String literal for an enum",
    { remoteSchema: "extra", remoteField: calls(["things", { status: "ON" }]) },
    'expected type "Status" but got "String"',
    ["remoteField", "things", "arguments", "status"],
  ],
  [
    "String literal for a custom scalar",
    { remoteSchema: "extra", remoteField: calls(["things", { at: "x" }]) },
    'expected type "uuid" but got "String"',
    ["remoteField", "things", "arguments", "at"],
  ],
  [
    "list where a non-list is expected",
    { remoteField: calls(["message", { id: [1] }]) },
    'type "Int"is not a list type',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "empty list where a non-list is expected",
    { remoteField: calls(["message", { id: [] }]) },
    'type "Int"is not a list type',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "list where a non-list is expected, deep",
    { remoteField: calls(["messages", whereId(["$id"])]) },
    'type "Int"is not a list type',
    [...messagesArgs, "where", "id", "eq"],
  ],
  [
    "list of lists for a list",
    { remoteField: calls(["messages", { includes: { id: [[1]] } }]) },
    'type "Int"is not a list type',
    [...messagesArgs, "includes", "id", 0],
  ],
  [
    "list with two elements",
    { remoteField: calls(["messages", { includes: { id: [1, 2] } }]) },
    "multiple elements in list value is not supported",
    [...messagesArgs, "includes", "id"],
  ],
  ["null", { remoteField: calls(["message", { id: null }]) }, "null is not allowed here", ["remoteField", "message", "arguments", "id"]],
  ["null in a list", { remoteField: calls(["messages", { includes: { id: [null] } }]) }, "null is not allowed here", [...messagesArgs, "includes", "id", 0]],
  [
    "wrong literal in a list",
    { remoteField: calls(["messages", { includes: { name: [1] } }]) },
    'expected type "String" but got "Int"',
    [...messagesArgs, "includes", "name", 0],
  ],
  [
    "object for a scalar (Hasura names the key)",
    { remoteField: calls(["message", { id: { eq: 1 } }]) },
    'type "eq"not an input object type',
    ["remoteField", "message", "arguments", "id", "eq"],
  ],
  [
    "empty object for a scalar",
    { remoteField: calls(["message", { id: {} }]) },
    'type "Int" is invalid for stripping',
    ["remoteField", "message", "arguments", "id"],
  ],
  [
    "object for a list of input objects",
    { remoteSchema: "extra", remoteField: calls(["things", { filters: { id: 1 } }]) },
    'type "Filter" is invalid for stripping',
    ["remoteField", "things", "arguments", "filters"],
  ],
  [
    "Float literal for ID",
    { remoteSchema: "extra", remoteField: calls(["node", { id: 1.5 }]) },
    'Only ID, Int, uuid or String scalar types can be joined to the ID type, but received "Float"',
    ["remoteField", "node", "arguments", "id"],
  ],
  [
    "Boolean literal for ID",
    { remoteSchema: "extra", remoteField: calls(["node", { id: false }]) },
    'Only ID, Int, uuid or String scalar types can be joined to the ID type, but received "Boolean"',
    ["remoteField", "node", "arguments", "id"],
  ],
  [
    "list for ID",
    { remoteSchema: "extra", remoteField: calls(["node", { id: ["x"] }]) },
    'type "ID"is not a list type',
    ["remoteField", "node", "arguments", "id"],
  ],
  [
    "relationship name that is not a GraphQL name, when an input object type is renamed",
    { name: "bad-name", remoteField: calls(["messages", whereId("$id")]) },
    '"bad-name" is not a valid GraphQL identifier',
    [...messagesArgs, "where"],
  ],
  [
    "LHS identifier that makes no GraphQL name, when an input object type is renamed",
    { lhs: { identifier: "1profiles", joinFields: ["id"] }, remoteField: calls(["messages", whereId("$id")]) },
    '"1profiles" is not a valid GraphQL identifier',
    [...messagesArgs, "where"],
  ],
  [
    "remote schema without a query root",
    { remoteSchema: "no-query-root", remoteField: calls(["thing", {}]) },
    'field with name "Query" not found in remote schema',
    ["remoteField"],
  ],
];

const valid: [string, Row][] = [
  ["join variable argument", { remoteSchema: "user", remoteField: calls(["user", { id: "$id" }]) }],
  ["literal of the right type", { remoteSchema: "prefixer-proxy", remoteField: calls(["prefixer_proxy_messages_by_pk", { id: 7 }]) }],
  ["nested input objects", { remoteField: calls(["messages", whereId("$id")]) }],
  ["singleton literal for a list", { remoteField: calls(["messages", { includes: { id: 1 } }]) }],
  ["one-element list", { remoteField: calls(["messages", { includes: { id: ["$id"] } }]) }],
  ["empty list for a list", { remoteField: calls(["messages", { includes: { id: [] } }]) }],
  ["a leaf root field without arguments", { remoteField: calls(["hello", {}]) }],
  ["nested field path", { remoteSchema: "user", remoteField: calls(["user", { id: "$id" }], ["username", {}]) }],
  ["a field below a leaf is looked up on the leaf's parent, as Hasura does", { remoteField: calls(["hello", {}], ["message", { id: "$id" }]) }],
  ["a join field that is not used", { lhsFields: ["id", "name"], remoteField: calls(["message", { id: "$id" }]) }],
  ["Int, String and join variables for ID", { remoteSchema: "extra", remoteField: calls(["node", { id: 7 }]) }],
  ["String for ID", { remoteSchema: "extra", remoteField: calls(["node", { id: "x" }]) }],
  ["join variable for ID", { remoteSchema: "extra", remoteField: calls(["node", { id: "$id" }]) }],
  ["Float for Float", { remoteSchema: "extra", remoteField: calls(["price", { amount: 2.5 }]) }],
  ["join variable for an enum (its type is not checked)", { remoteSchema: "extra", remoteField: calls(["things", { status: "$name" }]), lhsFields: ["name"] }],
  ["Boolean for Boolean", { remoteSchema: "extra", remoteField: calls(["things", { flag: true }]) }],
  ["a list of lists", { remoteSchema: "extra", remoteField: calls(["things", { grid: [[1]] }]) }],
  ["a one-element list of input objects", { remoteSchema: "extra", remoteField: calls(["things", { filters: [{ id: "$id" }] }]) }],
  ["a relationship name that is no GraphQL name, without input objects", { name: "bad-name", remoteField: calls(["message", { id: "$id" }]) }],
  [
    "a schema-qualified LHS identifier, renamed with _",
    { lhs: { identifier: "custom.profiles", joinFields: ["id"] }, remoteField: calls(["messages", whereId("$id")]) },
  ],
  [
    "join fields unknown to the caller are not checked",
    { lhsFields: ["whatever"], lhs: { identifier: "profiles" }, remoteField: calls(["message", { id: "$whatever" }]) },
  ],
];

describe("model: validateToRemoteSchema refuses as Hasura does", () => {
  for (const [title, row, text, path] of invalid) {
    it(title, () => expectErrors(row, text, path));
  }
});

describe("model: validateToRemoteSchema accepts as Hasura does", () => {
  for (const [title, row] of valid) {
    it(title, () => expectValid(row));
  }
});

describe("model: validateToRemoteSchema, the rest of Hasura's order", () => {
  it("checks join field names even when the LHS fields are unknown", () => {
    expectErrors(
      { lhsFields: ["user-id"], lhs: { identifier: "profiles" }, remoteField: calls(["message", { id: 1 }]) },
      '"user-id" is not a valid GraphQL identifier',
      ["lhsFields", 0],
    );
  });
  it("validates every argument of a level before the stripping pass", () => {
    // The object for a list of input objects passes validation; the later unknown argument is found first.
    expectErrors(
      { remoteSchema: "extra", remoteField: calls(["things", { filters: { id: 1 }, nope: 1 }]) },
      'argument with name "nope" not found in remote schema',
      ["remoteField", "things", "arguments", "nope"],
    );
  });
  it("finds a level's failures before the next level's", () => {
    expectErrors({ remoteSchema: "user", remoteField: calls(["user", { id: "abc" }], ["nope", {}]) }, 'expected type "Int" but got "String"', [
      "remoteField",
      "user",
      "arguments",
      "id",
    ]);
  });
  it("answers the reason as data too", () => {
    assert.deepEqual(validate({ remoteField: calls(["message", { id: "abc" }]) })?.reason, { kind: "ExpectedTypeButGot", expected: "Int", actual: "String" });
  });
});
