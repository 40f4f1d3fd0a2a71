import { describe, it } from "node:test";
import { importIdNamesThisRelationship } from "../../../../provider/rules/importIdNamesThisRelationship";
import { expectErrors, expectValid } from "./harness";

describe("rule: the import ID names this relationship", () => {
  it("accepts an import ID that names this relationship", () => expectValid(importIdNamesThisRelationship, { importId: "default/public/users/userMessages" }));

  it("compares with the canonical table and source", () =>
    expectValid(importIdNamesThisRelationship, { table: { name: "users" }, source: "default", importId: "default/public/users/userMessages" }));

  it("refuses an import ID of another relationship", () =>
    expectErrors(importIdNamesThisRelationship, { importId: "default/public/users/other" }, [
      {
        path: ["importId"],
        message:
          'The import ID "default/public/users/other" names another relationship than these inputs, which describe "default/public/users/userMessages". Import the relationship the inputs describe, or fix name, table or source.',
      },
    ]));

  it("is skipped while the name is unknown", () => expectValid(importIdNamesThisRelationship, { importId: "default/public/users/other" }, ["name"]));
});
