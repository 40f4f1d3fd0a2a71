import { describe, it } from "node:test";
import { remoteRelationshipTree } from "../../../../provider/rules";
import { oneFieldPerLevel as oneFieldPerLevelAt } from "../../../../provider/rules/oneFieldPerLevel";
import { expectErrors, expectValid } from "./harness";

const oneFieldPerLevel = oneFieldPerLevelAt(remoteRelationshipTree);

describe("rule: one field per level", () => {
  it("accepts one field at every level", () =>
    expectValid(oneFieldPerLevel, { remoteField: { user: { arguments: { id: "$id" }, field: { posts: { arguments: {} } } } } }));

  it("refuses two root fields", () =>
    expectErrors(oneFieldPerLevel, { remoteField: { messages: { arguments: { id: "$id" } }, users: { arguments: {} } } }, [
      {
        path: ["remoteField"],
        message: 'remoteField names 2 fields ("messages", "users") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]));

  it("refuses no root field", () =>
    expectErrors(oneFieldPerLevel, { remoteField: {} }, [
      { path: ["remoteField"], message: 'remoteField names no field. Name the one remote field to join, such as {messages: {arguments: {id: "$id"}}}.' },
    ]));

  it("refuses two fields at a nested level", () =>
    expectErrors(oneFieldPerLevel, { remoteField: { user: { arguments: { id: "$id" }, field: { a: { arguments: {} }, b: { arguments: {} } } } } }, [
      {
        path: ["remoteField", "user", "field"],
        message: 'remoteField.user.field names 2 fields ("a", "b") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]));

  it("is skipped while remoteField is unknown", () => expectValid(oneFieldPerLevel, {}, ["remoteField"]));
});
