/**
 * Error answers as JSON (base/errorJson.ts), pure: Hasura's path encoding and `internal` for admin
 * callers only.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { apiError } from "../../../server/base/apiError";
import { encodeJsonPath, errorJson } from "../../../server/base/errorJson";

test("errorJson: paths as Hasura's encodeJSONPath writes them", () => {
  assert.equal(encodeJsonPath([]), "$");
  assert.equal(encodeJsonPath(["args", 1, "args"]), "$.args[1].args");
  assert.equal(encodeJsonPath(["remote_field", "odd key", "a-b"]), "$.remote_field['odd key'].a-b");
});

test("errorJson: internal only for admin callers, and only when there is one", () => {
  const error = apiError({ status: 400, code: "invalid-configuration", error: "bad", path: ["args"], internal: [{ reason: "r" }] });
  assert.deepEqual(errorJson(error, true), { path: "$.args", error: "bad", code: "invalid-configuration", internal: [{ reason: "r" }] });
  assert.deepEqual(errorJson(error, false), { path: "$.args", error: "bad", code: "invalid-configuration" });
  assert.deepEqual(errorJson(apiError({ status: 401, code: "access-denied", error: "no", path: [] }), true), { path: "$", error: "no", code: "access-denied" });
});
