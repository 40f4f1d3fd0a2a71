import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { RemoteField } from "../../../model";
import { RemoteRelationship, RemoteSchemaRelationship } from "../../../sdk";
import { guardInputs } from "../../../sdk/inputGuard";

/** A remote field tree `levels` deep: what a program that builds one in a loop gone wrong hands the SDK. */
function deepTree(levels: number): RemoteField {
  let field: RemoteField = { leaf: { arguments: {} } };
  for (let level = 0; level < levels; level++) field = { f: { arguments: {}, field } };
  return field;
}

const tooDeep = "nests deeper than 256 levels (at remoteField.f.field.f.field.f.field.f...(245 more)...f.field.f.field)";
const resource = { type: "RemoteRelationship", name: "deep", noun: "remote relationship" };

describe("SDK: the resource constructors guard the program", () => {
  it("a 10,000-deep remoteField is the program's error, naming the resource and the input, not a stack overflow", () => {
    assert.throws(
      () => new RemoteRelationship("deep", { name: "n", table: "t", hasuraFields: ["id"], remoteSchema: "s", remoteField: deepTree(10_000) }),
      (error: Error) => {
        // A RunError is shown as the program's error without a stack trace.
        assert.ok(error instanceof pulumi.RunError, `a ${error.constructor.name}`);
        assert.equal(error.message, `RemoteRelationship "deep": remoteField ${tooDeep}. No remote relationship is that deep: check how the value is built.`);
        return true;
      },
    );
  });

  it("so is one inside a RemoteSchemaRelationship's target, in its own noun", () => {
    const toRemoteSchema = { remoteSchema: "s", lhsFields: ["id"], remoteField: deepTree(10_000) };
    assert.throws(
      () => new RemoteSchemaRelationship("on-type", { remoteSchema: "r", typeName: "T", name: "n", toRemoteSchema }),
      (error: Error) =>
        error instanceof pulumi.RunError &&
        error.message ===
          'RemoteSchemaRelationship "on-type": toRemoteSchema nests deeper than 256 levels (at toRemoteSchema.remoteField.f.field.f.field.f.field...(245 more)...field.f.field.f). No remote schema relationship is that deep: check how the value is built.',
    );
  });

  it("an input holding more values than any relationship is the program's error too", () => {
    assert.throws(
      () => guardInputs(resource, { hasuraFields: Array.from({ length: 200_000 }, (_, index) => `c${index}`) }),
      (error: Error) =>
        error instanceof pulumi.RunError &&
        error.message ===
          'RemoteRelationship "deep": hasuraFields holds more than 100,000 values. No remote relationship is that large: check how the value is built.',
    );
  });

  it("looks into plain values only: what is an Output or a promise is judged by check once it is a value", () => {
    // Whatever an Output or a promise holds is not looked into: here, a value deep enough to refuse.
    const deep = deepTree(10_000);
    const output = Object.assign(pulumi.output("x"), { held: deep });
    const thenable = { then: () => undefined, held: deep };
    assert.doesNotThrow(() => guardInputs(resource, { remoteField: output }));
    assert.doesNotThrow(() => guardInputs(resource, { remoteField: thenable }));
    assert.doesNotThrow(() => guardInputs(resource, { remoteField: { messages: { arguments: { where: output } } } }));
    assert.doesNotThrow(() => guardInputs(resource, { hasuraFields: [pulumi.output("id"), "name"] }));
    // The same value, plain, is refused.
    assert.throws(() => guardInputs(resource, { remoteField: { held: deep } }), pulumi.RunError);
  });

  it("lets a relationship of any real size through", () =>
    assert.doesNotThrow(() => guardInputs(resource, { remoteField: deepTree(100), hasuraFields: Array.from({ length: 1_600 }, (_, index) => `c${index}`) })));
});
