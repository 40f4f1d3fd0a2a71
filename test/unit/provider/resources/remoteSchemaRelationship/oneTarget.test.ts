import { describe, it } from "node:test";
import { remoteSchemaRelationshipRules } from "../../rules/harness";

const { expectErrors, expectValid } = remoteSchemaRelationshipRules;

const toSource = { relationshipType: "array", source: "db", table: "orders", fieldMapping: { id: "user_id" } };

describe("RemoteSchemaRelationship rule: one target", () => {
  it("accepts a toRemoteSchema target", () => expectValid({}));
  it("accepts a toSource target", () => expectValid({ toRemoteSchema: undefined, toSource }));
  it("accepts a target that is not known yet", () => expectValid({ toRemoteSchema: undefined }, ["toSource"]));

  it("refuses both targets", () =>
    expectErrors({ toSource }, [{ code: "two-targets", path: ["toSource"], message: "Give one target: toRemoteSchema or toSource, not both. Remove one." }]));

  it("refuses an unknown second target beside a known one", () =>
    expectErrors(
      {},
      [{ code: "two-targets", path: ["toSource"], message: "Give one target: toRemoteSchema or toSource, not both. Remove one." }],
      ["toSource"],
    ));

  it("refuses no target at all", () =>
    expectErrors({ toRemoteSchema: undefined }, [
      {
        code: "no-target",
        path: ["toRemoteSchema"],
        message: "A relationship needs a target: toRemoteSchema to join another remote schema, or toSource to join a table of a database source. Give one.",
      },
    ]));
});
