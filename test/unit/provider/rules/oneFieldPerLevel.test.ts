import { describe, it } from "node:test";
import { remoteRelationshipRules, remoteSchemaRelationshipRules } from "./harness";

const { expectErrors, expectValid } = remoteRelationshipRules;

describe("rule: one field per level", () => {
  it("accepts one field at every level", () => expectValid({ remoteField: { user: { arguments: { id: "$id" }, field: { posts: { arguments: {} } } } } }));

  it("refuses two root fields", () =>
    expectErrors({ remoteField: { messages: { arguments: { id: "$id" } }, users: { arguments: {} } } }, [
      {
        code: "several-fields-at-level",
        path: ["remoteField", "users"],
        message: 'remoteField names 2 fields ("messages", "users") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]));

  it("refuses no root field", () =>
    expectErrors({ remoteField: {} }, [
      {
        code: "no-field-at-level",
        path: ["remoteField"],
        message: 'remoteField names no field. Name the one remote field to join, such as {messages: {arguments: {id: "$id"}}}.',
      },
    ]));

  it("refuses two fields at a nested level", () =>
    expectErrors({ remoteField: { user: { arguments: { id: "$id" }, field: { a: { arguments: {} }, b: { arguments: {} } } } } }, [
      {
        code: "several-fields-at-level",
        path: ["remoteField", "user", "field", "b"],
        message: 'remoteField.user.field names 2 fields ("a", "b") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]));

  it("lists at most ten of many fields, and names the level's second field, not the whole level", () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `f${index}`);
    const remoteField = Object.fromEntries(names.map((name) => [name, { arguments: {} }]));
    expectErrors({ remoteField }, [
      {
        code: "several-fields-at-level",
        path: ["remoteField", "f1"],
        message:
          'remoteField names 10,000 fields ("f0", "f1", "f10", "f100", "f1000", "f1001", "f1002", "f1003", "f1004", "f1005" and 9,990 more) but a relationship joins exactly one. Keep one, and put a deeper field under field.',
      },
    ]);
  });

  it("is skipped while remoteField is unknown", () => expectValid({}, ["remoteField"]));

  it("names the tree inside toRemoteSchema on a remote schema's type", () =>
    remoteSchemaRelationshipRules.expectErrors(
      { toRemoteSchema: { remoteSchema: "orders-api", lhsFields: ["id"], remoteField: { a: { arguments: {} }, b: { arguments: {} } } } },
      [
        {
          code: "several-fields-at-level",
          path: ["toRemoteSchema", "remoteField", "b"],
          message: 'toRemoteSchema.remoteField names 2 fields ("a", "b") but a relationship joins exactly one. Keep one, and put a deeper field under field.',
        },
      ],
    ));
});
