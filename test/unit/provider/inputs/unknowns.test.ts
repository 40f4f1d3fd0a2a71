import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { containsUnknown, unknownValue } from "../../../../provider/inputs/unknowns";

describe("unknown values", () => {
  it("are found at any depth", () => {
    assert.equal(containsUnknown(unknownValue), true);
    assert.equal(containsUnknown(["id", unknownValue]), true);
    assert.equal(containsUnknown({ a: { b: [unknownValue] } }), true);
  });
  it("are not found where there are none", () => {
    assert.equal(containsUnknown({ a: ["id", 1, null] }), false);
    assert.equal(containsUnknown(undefined), false);
  });
});
