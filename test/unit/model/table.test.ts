import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { qualifyTable, sameTable, tableText } from "../../../model";

describe("model: tables", () => {
  const tables: [unknown, { schema: string; name: string }][] = [
    ["users", { schema: "public", name: "users" }],
    [{ name: "users" }, { schema: "public", name: "users" }],
    [
      { schema: "custom", name: "users" },
      { schema: "custom", name: "users" },
    ],
  ];
  for (const [input, expected] of tables) {
    it(`table ${JSON.stringify(input)}`, () => assert.deepEqual(qualifyTable(input as string), expected));
  }
  it("are the same table when schema and name are", () => {
    assert.equal(sameTable({ schema: "public", name: "a" }, { schema: "public", name: "a" }), true);
    assert.equal(sameTable({ schema: "public", name: "a" }, { schema: "custom", name: "a" }), false);
  });
  it("are named in messages as Hasura names them", () => {
    assert.equal(tableText({ schema: "public", name: "profiles" }), "profiles");
    assert.equal(tableText({ schema: "custom", name: "profiles" }), "custom.profiles");
  });
});
