/**
 * The aeson-like decoder (base/cursor.ts), pure: each failure is a `parse-failed` error at the
 * path of the value at fault, with aeson's message, and `modifyFailure`/`prependFailure` rewrite
 * only parse failures.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { err400, isApiError, type ApiError } from "../../../server/base/apiError";
import { Cursor, modifyFailure, prependFailure } from "../../../server/base/cursor";

function failureOf(action: () => unknown): Pick<ApiError, "status" | "code" | "error" | "path"> {
  try {
    action();
  } catch (error) {
    if (isApiError(error)) return { status: error.status, code: error.code, error: error.error, path: error.path };
    throw error;
  }
  throw new Error("expected a failure");
}

test("cursor: a missing key fails at the object, a wrong type at the value", () => {
  const args = new Cursor({ table: 7 }, ["args"]).object("Thing");
  assert.deepEqual(
    failureOf(() => args.required("name")),
    { status: 400, code: "parse-failed", error: 'key "name" not found', path: ["args"] },
  );
  assert.deepEqual(
    failureOf(() => args.required("table").text()),
    {
      status: 400,
      code: "parse-failed",
      error: "parsing Text failed, expected String, but encountered Number",
      path: ["args", "table"],
    },
  );
});

test("cursor: aeson's type names and messages", () => {
  assert.equal(failureOf(() => new Cursor([]).object("RemoteFields")).error, "parsing RemoteFields failed, expected Object, but encountered Array");
  assert.equal(failureOf(() => new Cursor(1.5).integer()).error, "parsing Int failed, unexpected floating number 1.5");
  assert.equal(failureOf(() => new Cursor(null).array()).error, "parsing [] failed, expected Array, but encountered Null");
  assert.equal(
    failureOf(() => new Cursor("x").boolean("AllowInconsistentMetadata")).error,
    "parsing AllowInconsistentMetadata failed, expected Boolean, but encountered String",
  );
  assert.equal(failureOf(() => new Cursor("").nonEmptyText()).error, "empty string not allowed");
});

test("cursor: optional treats null as absent; array elements carry their index", () => {
  const object = new Cursor({ a: null, list: ["x", 2] }).object("Thing");
  assert.equal(object.optional("a"), undefined);
  assert.equal(object.has("a"), true);
  assert.deepEqual(
    failureOf(() =>
      object
        .required("list")
        .array()
        .map((item) => item.text()),
    ).path,
    ["list", 1],
  );
});

test("cursor: modifyFailure and prependFailure rewrite parse failures only", () => {
  const failing = () => new Cursor({}, ["args"]).object("X").required("k");
  assert.equal(failureOf(() => modifyFailure((message) => `wrapped: ${message}`, failing)).error, 'wrapped: key "k" not found');
  assert.equal(failureOf(() => prependFailure("Detail.", failing)).error, 'Detail.key "k" not found');
  const other = err400("not-exists", "nope");
  assert.equal(
    failureOf(() =>
      prependFailure("Detail.", () => {
        throw other;
      }),
    ).error,
    "nope",
  );
});
