/**
 * Hasura's error as data (base/apiError.ts), pure: recognised by shape, moved down a path level
 * as Hasura's `withPathK` does, and `internal` kept only when given.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { apiError, err400, err500, isApiError, isParseFailure, parseFailed, underPath, withPath } from "../../../server/base/apiError";

test("apiError: an Error carrying the fields, recognised by shape and not by class", () => {
  const error = err400("not-exists", '"r" does not exist', [{ name: "r" }]);
  assert.ok(error instanceof Error);
  assert.equal(error.message, '"r" does not exist');
  assert.deepEqual(
    { status: error.status, code: error.code, path: error.path, internal: error.internal },
    {
      status: 400,
      code: "not-exists",
      path: [],
      internal: [{ name: "r" }],
    },
  );
  assert.ok(isApiError(error));
  // A copy made elsewhere (another module instance, structured data) is still recognised.
  assert.ok(isApiError(Object.assign(new Error("x"), { name: "HasuraApiError", status: 409, code: "conflict", error: "x", path: [] })));
  assert.ok(!isApiError(new Error("plain")));
  assert.ok(!isApiError({ name: "HasuraApiError", status: 400, code: "x", path: [] }));
  assert.equal("internal" in err500("boom"), false);
});

test("apiError: parse failures are parse-failed errors", () => {
  const failure = parseFailed(["args", "table"], 'key "name" not found');
  assert.ok(isParseFailure(failure));
  assert.ok(!isParseFailure(err400("not-exists", "x")));
  assert.equal(failure.status, 400);
});

test("apiError: underPath and withPath report one level deeper, leaving other errors alone", async () => {
  const deeper = underPath(apiError({ status: 400, code: "c", error: "e", path: ["definition"] }), "args");
  assert.deepEqual(deeper.path, ["args", "definition"]);
  await assert.rejects(
    withPath(0, async () => {
      throw err400("c", "e");
    }),
    (error: unknown) => isApiError(error) && error.path[0] === 0,
  );
  await assert.rejects(
    withPath("args", async () => {
      throw new TypeError("bug");
    }),
    TypeError,
  );
});
