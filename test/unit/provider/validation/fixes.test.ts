import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema } from "graphql";
import { validateToRemoteSchema, type RemoteField, type RemoteSchemaLhs } from "../../../../model";
import { remoteSchemaRefusal } from "../../../../provider/validation/liveValidation";

const schema = buildSchema(`
  scalar uuid
  enum TicketStatus { OPEN CLOSED }
  type Query { tickets(status: TicketStatus, owner: uuid, limit: Int): [Ticket!]! }
  type Ticket { id: Int! }
`);

const onTable = {
  remoteSchema: "remoteSchema",
  remoteField: "remoteField",
  joinFields: "hasuraFields",
  joinFieldsAre: "columns or computed fields of the table",
};
const inconsistency = (text: string) => `Inconsistent object: in table "users": in remote relationship "rel": ${text}`;

/** What check says of this tree on table `users` joining by `id`, as a RemoteRelationship names things. */
function refusalOf(remoteField: RemoteField, lhs: RemoteSchemaLhs = { identifier: "users" }, lhsFields = ["id"]) {
  const failure = validateToRemoteSchema({ kind: "toRemoteSchema", remoteSchema: "tickets", lhsFields, remoteField }, "rel", lhs, schema);
  assert.ok(failure !== undefined, "Hasura would accept it");
  return remoteSchemaRefusal(failure, failure.path, inconsistency, schema, onTable);
}

describe("live validation: the fix for each reason", () => {
  it("an enum value written in the arguments: Hasura cannot take one, and a join variable can", () =>
    assert.deepEqual(refusalOf({ tickets: { arguments: { status: "OPEN" } } }), {
      code: "ExpectedTypeButGot",
      path: ["remoteField", "tickets", "arguments", "status"],
      message:
        'Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "rel": expected type "TicketStatus" but got "String". Hasura cannot take an enum value written in a remote relationship\'s arguments (it reads every string as a String): pass it through a join variable (a "$field" of hasuraFields), or leave the argument out.',
    }));

  it("a custom scalar written in the arguments: no literal can give one", () =>
    assert.deepEqual(
      refusalOf({ tickets: { arguments: { owner: "7f1c" } } })
        .message.split(". ")
        .at(-1),
      'Hasura takes only Int, Float, String, Boolean and ID values written in a remote relationship\'s arguments, never a "uuid": pass it through a join variable (a "$field" of hasuraFields), or leave the argument out.',
    ));

  it("a built-in scalar of the wrong type: give one of the right type", () =>
    assert.equal(
      refusalOf({ tickets: { arguments: { limit: "5" } } }).message,
      'Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "rel": expected type "Int" but got "String". Give a value of type "Int" here, or a join variable.',
    ));

  it("an unknown argument: the arguments that exist", () =>
    assert.equal(
      refusalOf({ tickets: { arguments: { state: "$id" } } }).message,
      'Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "rel": argument with name "state" not found in remote schema. Remove it, or use one of the arguments of "tickets": "status", "owner", "limit".',
    ));

  it("a join field the type does not have: its fields, ten at most, in Hasura's text and in the fix", () => {
    const fields = Array.from({ length: 10_000 }, (_, index) => `f${index}`);
    const refusal = refusalOf({ tickets: { arguments: { limit: "$nope" } } }, { identifier: "users", joinFields: fields }, ["nope"]);
    assert.equal(refusal.code, "JoinFieldNonExistent");
    assert.deepEqual(refusal.path, ["lhsFields", 0]);
    assert.equal(
      refusal.message,
      'Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "rel": field with name "nope"is not provided by the lhs entity""users"for defining a join condition, the allowed fields are "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", or 9,990 more". Use columns or computed fields of the table in hasuraFields: "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9" and 9,990 more.',
    );
  });
});
