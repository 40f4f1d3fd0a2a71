import { describe, it } from "node:test";
import { remoteRelationshipRules } from "../../rules/harness";

const { expectErrors, expectValid } = remoteRelationshipRules;

const toSource = { relationshipType: "array", source: "analytics", table: "orders", fieldMapping: { id: "user_id" } };
const noSchemaTarget = { hasuraFields: undefined, remoteSchema: undefined, remoteField: undefined };

describe("RemoteRelationship rule: one target", () => {
  it("accepts a remote schema target", () => expectValid({}));
  it("accepts a toSource target", () => expectValid({ ...noSchemaTarget, toSource }));
  it("accepts a target whose inputs are not known yet", () => expectValid({ ...noSchemaTarget, remoteSchema: "messages" }, ["hasuraFields", "remoteField"]));

  it("refuses both targets, naming what is given too", () =>
    expectErrors({ toSource, hasuraFields: undefined }, [
      {
        code: "two-targets",
        path: ["toSource"],
        message:
          "Give one target: toSource, or remoteSchema with remoteField and hasuraFields, not both (remoteSchema, remoteField are given too). Remove one.",
      },
    ]));

  it("refuses no target at all", () =>
    expectErrors(noSchemaTarget, [
      {
        code: "no-target",
        path: ["remoteSchema"],
        message:
          "A relationship needs a target: remoteSchema with remoteField and hasuraFields to join a remote schema, or toSource to join a table of another database source. Give one.",
      },
    ]));

  it("names each missing part of a remote schema target", () =>
    expectErrors({ hasuraFields: undefined, remoteField: undefined }, [
      { code: "missing-target-input", path: ["hasuraFields"], message: 'hasuraFields is required, such as ["id"].' },
      { code: "missing-target-input", path: ["remoteField"], message: 'remoteField is required, such as {messages: {arguments: {id: "$id"}}}.' },
    ]));
});
