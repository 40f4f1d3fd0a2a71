import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalEndpoint } from "../../../../provider/inputs/fields";

describe("input fields: the endpoint", () => {
  it("loses trailing slashes and spaces", () => assert.equal(canonicalEndpoint(" https://h.example.com/v2// "), "https://h.example.com/v2"));
  for (const endpoint of ["http://h/ /", " https://H.example.com:443/a//", "http://h:8080", "http://h/a b/"]) {
    it(`is the same after a second pass: ${JSON.stringify(endpoint)}`, () =>
      assert.equal(canonicalEndpoint(canonicalEndpoint(endpoint)), canonicalEndpoint(endpoint)));
  }
});
