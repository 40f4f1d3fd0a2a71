import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInputs } from "../../../../provider/inputs/check";
import { remoteRelationship } from "../../../../provider/resources/remoteRelationship";

const valid = {
  endpoint: "https://hasura.example.com",
  name: "userMessages",
  table: "users",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  remoteField: { messages: { arguments: { id: "$id" } } },
};

const failuresOf = (news: Record<string, unknown>) => checkInputs(remoteRelationship, news).failures ?? [];

/**
 * What the engine prints for a failure is `property '<property>' value <the input's value> has a
 * problem: <reason>`, the value looked up by the property as an input's name: a failure must name no
 * input whose value is large, and neither its property nor its reason may be long.
 */
function assertBounded(news: Record<string, unknown>, failures: readonly { property: string; reason: string }[]): void {
  assert.ok(failures.length > 0);
  assert.ok(failures.length <= 21, `${failures.length} failures`);
  for (const { property, reason } of failures) {
    assert.ok(property.length <= 300, `property of ${property.length} characters`);
    assert.ok(reason.length <= 2_100, `reason of ${reason.length} characters`);
    const printed = JSON.stringify(news[property]) ?? "";
    assert.ok(printed.length <= 500, `the engine would print ${printed.length} characters of ${property}`);
  }
}

const manyNames = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe("check: bounded failures, whatever the inputs", () => {
  it("a remoteField with 10,000 sibling fields names one of them, and lists ten", () => {
    const news = { ...valid, remoteField: Object.fromEntries(manyNames(10_000, "f").map((name) => [name, { arguments: {} }])) };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      {
        property: "",
        reason:
          'remoteField names 10,000 fields ("f0", "f1", "f10", "f100", "f1000", "f1001", "f1002", "f1003", "f1004", "f1005" and 9,990 more) but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]);
  });

  it("10,000 hasuraFields are listed as ten and a count", () => {
    const news = { ...valid, hasuraFields: manyNames(10_000, "c"), remoteField: { messages: { arguments: { id: "$id" } } } };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      {
        property: "",
        reason:
          'remoteField.messages.arguments.id: Join variable "$id" is not in hasuraFields ("c0", "c1", "c10", "c100", "c1000", "c1001", "c1002", "c1003", "c1004", "c1005" and 9,990 more). Add "id" to hasuraFields, or use one of them.',
      },
    ]);
  });

  it("a 200-level tree is too deep, named by a path cut at a level, its ends shown", () => {
    let field: Record<string, unknown> = { leaf: { arguments: {} } };
    for (let level = 0; level < 199; level++) field = { f: { arguments: {}, field } };
    const news = { ...valid, remoteField: field };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      {
        property: "",
        reason:
          "remoteField nests deeper than 256 levels (at remoteField.f.field.f.field.f.field.f...(245 more)...f.field.f.field). No remote relationship is that deep: check how the value is built.",
      },
    ]);
  });

  it("a 100-level tree with two fields at its deepest level names the second one, its path cut at a level", () => {
    let field: Record<string, unknown> = { a: { arguments: {} }, b: { arguments: {} } };
    for (let level = 0; level < 99; level++) field = { f: { arguments: {}, field } };
    const news = { ...valid, remoteField: field };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      {
        property: "",
        reason:
          'remoteField.f.field.f.field.f.field.f...(187 more)...f.field.f.field names 2 fields ("a", "b") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]);
  });

  it("a huge invalid name is named in the message, not as the property whose value the engine prints", () => {
    const news = { ...valid, name: "x-".repeat(500_000) };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      {
        property: "",
        reason: `name "${"x-".repeat(39)}x... is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "userMessages".`,
      },
    ]);
  });

  it("an input holding more values than any relationship is refused as too large", () => {
    const news = { ...valid, remoteField: { messages: { arguments: { ids: Array.from({ length: 200_000 }, (_, index) => index) } } } };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.deepEqual(failures, [
      { property: "", reason: "remoteField holds more than 100,000 values. No remote relationship is that large: check how the value is built." },
    ]);
  });

  it("10,000 unknown inputs are twenty failures and a count", () => {
    const news = { ...valid, ...Object.fromEntries(manyNames(10_000, "extra").map((name) => [name, 1])) };
    const failures = failuresOf(news);
    assertBounded(news, failures);
    assert.equal(failures.length, 21);
    assert.deepEqual(failures[0], { property: "extra0", reason: `Unknown input "extra0". ${remoteRelationship.inputList}` });
    assert.deepEqual(failures[20], { property: "", reason: "9,980 more problems in these inputs, not shown: fix the ones above first." });
  });

  it("an unknown input with a huge name is refused without repeating the name whole", () => {
    const key = "k".repeat(100_000);
    const failures = failuresOf({ ...valid, [key]: 1 });
    assert.deepEqual(failures, [{ property: "", reason: `Unknown input "${"k".repeat(79)}.... ${remoteRelationship.inputList}` }]);
  });
});
