import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isWriteAcknowledged } from "../../../../provider/hasura/answers";

describe("Hasura's acknowledgement of a write", () => {
  it("is {message: success}, or replace_metadata v2's consistency answer", () => {
    assert.equal(isWriteAcknowledged({ message: "success" }), true);
    assert.equal(isWriteAcknowledged({ is_consistent: true, inconsistent_objects: [] }), true);
  });
  for (const body of [undefined, null, "OK", [], {}, { message: "ok" }, { resource_version: 7 }, { is_consistent: true }]) {
    it(`is not ${JSON.stringify(body)}`, () => assert.equal(isWriteAcknowledged(body), false));
  }
});
