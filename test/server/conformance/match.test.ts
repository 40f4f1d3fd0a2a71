/**
 * The three match rules of the conformance runner (conformance/runner/match.ts), pure.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareAnswer, isSubset } from "../../../conformance/runner/match";

test("match: subset matches arrays in any order, each expected element to a different actual one", () => {
  assert.ok(isSubset({ a: [{ n: 2 }, { n: 1 }] }, { a: [{ n: 1, x: 0 }, { n: 2 }], b: 3 }));
  assert.ok(!isSubset({ a: [{ n: 1 }, { n: 1 }] }, { a: [{ n: 1 }] }));
  // The first expected element could take either actual one; backtracking finds the pairing.
  assert.ok(isSubset([{ k: 1 }, { k: 1, v: 2 }], [{ k: 1, v: 2 }, { k: 1 }]));
  assert.ok(!isSubset({ a: 1 }, { a: "1" }));
});

test("match: exact ignores key order, error-prefix compares status, code and prefix", () => {
  assert.equal(compareAnswer("exact", { status: 200, body: { a: 1, b: 2 } }, { status: 200, body: { b: 2, a: 1 } }), undefined);
  assert.equal(compareAnswer("exact", { status: 200, body: { a: 1 } }, { status: 200, body: { a: 1, b: 2 } }), "body differs");
  assert.equal(compareAnswer("exact", { status: 400, body: {} }, { status: 200, body: {} }), "status 200, expected 400");
  const expected = { status: 400, body: { code: "parse-failed", error_prefix: "abc" } };
  assert.equal(compareAnswer("error-prefix", expected, { status: 400, body: { code: "parse-failed", error: "abcdef", path: "$" } }), undefined);
  assert.match(String(compareAnswer("error-prefix", expected, { status: 400, body: { code: "x", error: "abc" } })), /code/);
});
