import { describe, it } from "node:test";
import { remoteRelationshipRules, remoteSchemaRelationshipRules } from "./harness";

const { expectErrors, expectValid } = remoteRelationshipRules;

describe("rule: the import ID names this relationship", () => {
  it("accepts an import ID that names this relationship", () => expectValid({ importId: "default/public/users/userMessages" }));

  it("compares with the canonical table and source", () =>
    expectValid({ table: { name: "users" }, source: "default", importId: "default/public/users/userMessages" }));

  it("refuses an import ID of another relationship", () =>
    expectErrors({ importId: "default/public/users/other" }, [
      {
        code: "import-id-mismatch",
        path: ["importId"],
        message:
          'The import ID "default/public/users/other" names another relationship than these inputs, which describe "default/public/users/userMessages". Import the relationship the inputs describe, or fix name, table or source.',
      },
    ]));

  it("is skipped while the name is unknown", () => expectValid({ importId: "default/public/users/other" }, ["name"]));

  it("names a remote schema relationship by its own ID and inputs", () =>
    remoteSchemaRelationshipRules.expectErrors({ importId: "users-api/User/other" }, [
      {
        code: "import-id-mismatch",
        path: ["importId"],
        message:
          'The import ID "users-api/User/other" names another relationship than these inputs, which describe "users-api/User/orders". Import the relationship the inputs describe, or fix name, typeName or remoteSchema.',
      },
    ]));
});
