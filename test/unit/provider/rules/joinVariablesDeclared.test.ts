import { describe, it } from "node:test";
import { unknownValue } from "../../../../provider/inputs/unknowns";
import { remoteRelationshipRules, remoteSchemaRelationshipRules } from "./harness";

const { expectErrors, expectValid } = remoteRelationshipRules;

const notDeclared = (variable: string) => `Join variable "$${variable}" is not in hasuraFields ("id"). Add "${variable}" to hasuraFields, or use one of them.`;

describe("rule: join variables are in hasuraFields", () => {
  it("accepts literals and nested levels whose variables are all declared", () =>
    expectValid({
      hasuraFields: ["id", "team"],
      remoteField: { org: { arguments: { team: "$team", limit: 5 }, field: { members: { arguments: { where: { id: { eq: "$id" } }, active: true } } } } },
    }));

  it("refuses a join variable not in hasuraFields", () =>
    expectErrors({ remoteField: { messages: { arguments: { id: "$user_id" } } } }, [
      { code: "undeclared-join-variable", path: ["remoteField", "messages", "arguments", "id"], message: notDeclared("user_id") },
    ]));

  it("refuses a nested join variable not in hasuraFields", () =>
    expectErrors({ remoteField: { messages: { arguments: { where: { id: { eq: "$author" } } } } } }, [
      { code: "undeclared-join-variable", path: ["remoteField", "messages", "arguments", "where", "id", "eq"], message: notDeclared("author") },
    ]));

  it("refuses a join variable inside a list", () =>
    expectErrors({ remoteField: { messages: { arguments: { ids: ["$id", "$other"] } } } }, [
      { code: "undeclared-join-variable", path: ["remoteField", "messages", "arguments", "ids", 1], message: notDeclared("other") },
    ]));

  it("refuses a join variable at a deeper level", () =>
    expectErrors({ remoteField: { user: { arguments: { id: "$id" }, field: { posts: { arguments: { by: "$author" } } } } } }, [
      { code: "undeclared-join-variable", path: ["remoteField", "user", "field", "posts", "arguments", "by"], message: notDeclared("author") },
    ]));

  it("refuses an invalid join variable", () =>
    expectErrors({ remoteField: { messages: { arguments: { id: "$" } } } }, [
      {
        code: "invalid-join-variable",
        path: ["remoteField", "messages", "arguments", "id"],
        message: '"$" is not a valid join variable. After "$" give a field listed in hasuraFields, such as "$id".',
      },
    ]));

  it("lists the declared fields sorted, without duplicates", () =>
    expectErrors({ hasuraFields: ["name", "id", "name"], remoteField: { messages: { arguments: { id: "$x" } } } }, [
      {
        code: "undeclared-join-variable",
        path: ["remoteField", "messages", "arguments", "id"],
        message: 'Join variable "$x" is not in hasuraFields ("id", "name"). Add "x" to hasuraFields, or use one of them.',
      },
    ]));

  it("is skipped while hasuraFields holds an unknown", () =>
    expectValid({ hasuraFields: ["id", unknownValue], remoteField: { messages: { arguments: { id: "$later" } } } }));

  it("names toRemoteSchema.lhsFields on a remote schema's type", () =>
    remoteSchemaRelationshipRules.expectErrors(
      { toRemoteSchema: { remoteSchema: "orders-api", lhsFields: ["id"], remoteField: { orders: { arguments: { userId: "$email", bad: "$" } } } } },
      [
        {
          code: "invalid-join-variable",
          path: ["toRemoteSchema", "remoteField", "orders", "arguments", "bad"],
          message: '"$" is not a valid join variable. After "$" give a field listed in toRemoteSchema.lhsFields, such as "$id".',
        },
        {
          code: "undeclared-join-variable",
          path: ["toRemoteSchema", "remoteField", "orders", "arguments", "userId"],
          message: 'Join variable "$email" is not in toRemoteSchema.lhsFields ("id"). Add "email" to toRemoteSchema.lhsFields, or use one of them.',
        },
      ],
    ));
});
