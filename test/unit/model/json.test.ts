import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalJson, findJsonHazard, nestsDeeperThan, type JsonValue } from "../../../model";

describe("model: JSON", () => {
  it("keys are sorted at every depth, lists keep their order", () => {
    assert.equal(JSON.stringify(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })), '{"a":null,"b":[{"c":2,"d":1}]}');
  });
  it("a key named __proto__ survives canonical form as a key", () => {
    const value = JSON.parse('{"where": {"__proto__": {"x": 1}}}') as JsonValue;
    assert.equal(JSON.stringify(canonicalJson(value)), '{"where":{"__proto__":{"x":1}}}');
  });
  it("finds a value nested too deep, without recursion", () => {
    let deep: JsonValue = 1;
    for (let level = 0; level < 20_000; level++) deep = { a: deep };
    assert.deepEqual(findJsonHazard(deep, 256)?.problem, "too-deep");
    assert.equal(findJsonHazard(deep, 256)?.path.length, 256);
  });
  it("finds a __proto__ key and where it is", () => {
    assert.deepEqual(findJsonHazard(JSON.parse('{"a": [{"__proto__": 1}]}'), 256), { path: ["a", 0, "__proto__"], problem: "proto-key" });
  });
  it("finds nothing in an ordinary value", () => assert.equal(findJsonHazard({ a: [1, { b: "c" }] }, 256), undefined));
});

describe("nestsDeeperThan", () => {
  it("counts objects and arrays, not scalars, and walks 100,000 levels without overflowing", () => {
    assert.equal(nestsDeeperThan({ a: [{ b: 1 }] }, 3), false);
    assert.equal(nestsDeeperThan({ a: [{ b: {} }] }, 3), true);
    assert.equal(nestsDeeperThan("text", 0), false);
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    assert.equal(nestsDeeperThan(deep, 512), true);
  });
});
