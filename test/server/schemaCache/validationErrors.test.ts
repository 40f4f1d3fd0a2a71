/**
 * The texts of validation failures (schemaCache/validationErrors.ts), Hasura's quirks included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorToText, errorToTextV1 } from "../../../server/schemaCache/validationErrors";

test("validation: three allowed fields are listed with a serial comma", () => {
  const text = errorToText({ kind: "JoinFieldNonExistent", lhs: "custom.profiles", field: "x", allowed: ["a", "b", "c"] });
  assert.equal(
    text,
    'field with name "x"is not provided by the lhs entity""custom.profiles"for defining a join condition, the allowed fields are "a", "b", or "c""',
  );
});

test("validation: Hasura 1.3 worded a missing join field differently", () => {
  const text = errorToTextV1({ kind: "JoinFieldNonExistent", lhs: "profiles", field: "id_wrong", allowed: ["id"] });
  assert.equal(text, 'cannot validate remote relationship because field with name "id_wrong" not found in table "profiles"');
});

test("validation: remote schema not found", () => {
  assert.equal(errorToText({ kind: "RemoteSchemaNotFound", name: "x" }), 'remote schema with name "x" not found');
});
