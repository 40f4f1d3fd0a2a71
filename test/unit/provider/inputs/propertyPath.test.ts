import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { propertyPath } from "../../../../provider/inputs/propertyPath";

describe("property paths", () => {
  const cases: [PropertyKey[], string][] = [
    [["remoteField", "messages", "arguments"], "remoteField.messages.arguments"],
    [["hasuraFields", 1], "hasuraFields[1]"],
    [["remoteField", "odd-name"], 'remoteField["odd-name"]'],
    [["__proto__"], "__proto__"],
    [[], ""],
  ];
  for (const [path, expected] of cases) it(`${JSON.stringify(path)} is ${expected || "empty"}`, () => assert.equal(propertyPath(path), expected));
});
