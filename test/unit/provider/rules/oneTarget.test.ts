import { describe, it } from "node:test";
import { oneTarget } from "../../../../provider/rules/oneTarget";
import { expectErrors, expectValid } from "./harness";

const toSource = { relationshipType: "array", source: "analytics", table: "orders", fieldMapping: { id: "user_id" } };
const noSchemaTarget = { hasuraFields: undefined, remoteSchema: undefined, remoteField: undefined };

describe("rule: one target", () => {
  it("accepts a remote schema target", () => expectValid(oneTarget, {}));
  it("accepts a toSource target", () => expectValid(oneTarget, { ...noSchemaTarget, toSource }));
  it("accepts a target whose inputs are not known yet", () =>
    expectValid(oneTarget, { ...noSchemaTarget, remoteSchema: "messages" }, ["hasuraFields", "remoteField"]));

  it("refuses both targets, naming what is given too", () =>
    expectErrors(oneTarget, { toSource, hasuraFields: undefined }, [
      {
        path: ["toSource"],
        message:
          "Give one target: toSource, or remoteSchema with remoteField and hasuraFields, not both (remoteSchema, remoteField are given too). Remove one.",
      },
    ]));

  it("refuses no target at all", () =>
    expectErrors(oneTarget, noSchemaTarget, [
      {
        path: ["remoteSchema"],
        message:
          "A relationship needs a target: remoteSchema with remoteField and hasuraFields to join a remote schema, or toSource to join a table of another database source. Give one.",
      },
    ]));

  it("names each missing part of a remote schema target", () =>
    expectErrors(oneTarget, { hasuraFields: undefined, remoteField: undefined }, [
      { path: ["hasuraFields"], message: 'hasuraFields is required, such as ["id"].' },
      { path: ["remoteField"], message: 'remoteField is required, such as {messages: {arguments: {id: "$id"}}}.' },
    ]));
});
