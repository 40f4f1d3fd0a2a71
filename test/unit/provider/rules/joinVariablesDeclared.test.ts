import { describe, it } from "node:test";
import { unknownValue } from "../../../../provider/inputs/unknowns";
import { remoteRelationshipTree } from "../../../../provider/rules";
import { joinVariablesDeclared } from "../../../../provider/rules/joinVariablesDeclared";

const joinVariablesInHasuraFields = joinVariablesDeclared(remoteRelationshipTree);
import { expectErrors, expectValid } from "./harness";

const notDeclared = (variable: string) => `Join variable "$${variable}" is not in hasuraFields ("id"). Add "${variable}" to hasuraFields, or use one of them.`;

describe("rule: join variables are in hasuraFields", () => {
  it("accepts literals and nested levels whose variables are all declared", () =>
    expectValid(joinVariablesInHasuraFields, {
      hasuraFields: ["id", "team"],
      remoteField: { org: { arguments: { team: "$team", limit: 5 }, field: { members: { arguments: { where: { id: { eq: "$id" } }, active: true } } } } },
    }));

  it("refuses a join variable not in hasuraFields", () =>
    expectErrors(joinVariablesInHasuraFields, { remoteField: { messages: { arguments: { id: "$user_id" } } } }, [
      { path: ["remoteField", "messages", "arguments", "id"], message: notDeclared("user_id") },
    ]));

  it("refuses a nested join variable not in hasuraFields", () =>
    expectErrors(joinVariablesInHasuraFields, { remoteField: { messages: { arguments: { where: { id: { eq: "$author" } } } } } }, [
      { path: ["remoteField", "messages", "arguments", "where", "id", "eq"], message: notDeclared("author") },
    ]));

  it("refuses a join variable inside a list", () =>
    expectErrors(joinVariablesInHasuraFields, { remoteField: { messages: { arguments: { ids: ["$id", "$other"] } } } }, [
      { path: ["remoteField", "messages", "arguments", "ids", 1], message: notDeclared("other") },
    ]));

  it("refuses a join variable at a deeper level", () =>
    expectErrors(joinVariablesInHasuraFields, { remoteField: { user: { arguments: { id: "$id" }, field: { posts: { arguments: { by: "$author" } } } } } }, [
      { path: ["remoteField", "user", "field", "posts", "arguments", "by"], message: notDeclared("author") },
    ]));

  it("refuses an invalid join variable", () =>
    expectErrors(joinVariablesInHasuraFields, { remoteField: { messages: { arguments: { id: "$" } } } }, [
      {
        path: ["remoteField", "messages", "arguments", "id"],
        message: '"$" is not a valid join variable. After "$" give a column of the table, such as "$id".',
      },
    ]));

  it("lists the declared fields sorted, without duplicates", () =>
    expectErrors(joinVariablesInHasuraFields, { hasuraFields: ["name", "id", "name"], remoteField: { messages: { arguments: { id: "$x" } } } }, [
      {
        path: ["remoteField", "messages", "arguments", "id"],
        message: 'Join variable "$x" is not in hasuraFields ("id", "name"). Add "x" to hasuraFields, or use one of them.',
      },
    ]));

  it("is skipped while hasuraFields holds an unknown", () =>
    expectValid(joinVariablesInHasuraFields, { hasuraFields: ["id", unknownValue], remoteField: { messages: { arguments: { id: "$later" } } } }));
});
