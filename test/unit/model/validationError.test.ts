/**
 * The texts of Hasura's validation failures (model/validationError.ts), one row per kind, Hasura's
 * quoting quirks included, and the one text Hasura 1.3 worded differently.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { englishList, errorToText, errorToTextV1, type ValidationError } from "../../../model";

const texts: [ValidationError, string][] = [
  [{ kind: "RemoteSchemaNotFound", name: "x" }, 'remote schema with name "x" not found'],
  [{ kind: "CouldntFindRemoteField", name: "f", typeName: "Query" }, 'remote field with name "f" and type "Query" not found'],
  [{ kind: "FieldNotFoundInRemoteSchema", name: "Query" }, 'field with name "Query" not found in remote schema'],
  [{ kind: "NoSuchArgumentForRemote", name: "a" }, 'argument with name "a" not found in remote schema'],
  [{ kind: "TypeNotFound", typeName: "T" }, 'type with name "T" not found'],
  [
    { kind: "JoinFieldNonExistent", lhs: "custom.profiles", field: "x", allowed: ["a", "b", "c"] },
    'field with name "x"is not provided by the lhs entity""custom.profiles"for defining a join condition, the allowed fields are "a", "b", or "c""',
  ],
  [
    { kind: "JoinFieldNonExistent", lhs: "t", field: "x", allowed: [] },
    'field with name "x"is not provided by the lhs entity""t"for defining a join condition"',
  ],
  [{ kind: "ExpectedTypeButGot", expected: "Int", actual: "String" }, 'expected type "Int" but got "String"'],
  [{ kind: "InvalidType", typeName: "Int", detail: "is not a list type" }, 'type "Int"is not a list type'],
  [{ kind: "InvalidVariable", name: "v" }, 'variable "v" is not found'],
  [{ kind: "NullNotAllowedHere" }, "null is not allowed here"],
  [{ kind: "InvalidGTypeForStripping", typeName: "W" }, 'type "W" is invalid for stripping'],
  [{ kind: "UnsupportedMultipleElementLists" }, "multiple elements in list value is not supported"],
  [{ kind: "UnsupportedEnum" }, "enum value is not supported"],
  [{ kind: "InvalidGraphQLName", text: "a-b" }, '"a-b" is not a valid GraphQL identifier'],
  [{ kind: "IDTypeJoin", typeName: "Float" }, 'Only ID, Int, uuid or String scalar types can be joined to the ID type, but received "Float"'],
];

describe("model: Hasura's validation texts", () => {
  for (const [reason, text] of texts) {
    it(reason.kind, () => assert.equal(errorToText(reason), text));
  }
  it("Hasura 1.3 worded a missing join field differently", () => {
    const reason: ValidationError = { kind: "JoinFieldNonExistent", lhs: "profiles", field: "id_wrong", allowed: ["id"] };
    assert.equal(errorToTextV1(reason), 'cannot validate remote relationship because field with name "id_wrong" not found in table "profiles"');
    assert.equal(errorToTextV1({ kind: "RemoteSchemaNotFound", name: "x" }), 'remote schema with name "x" not found');
  });
  it("lists as Hasura's englishList does", () => {
    assert.deepEqual(
      [[], ["a"], ["a", "b"], ["a", "b", "c"]].map((items) => englishList("or", items)),
      ["", "a", "a or b", "a, b, or c"],
    );
  });
});
