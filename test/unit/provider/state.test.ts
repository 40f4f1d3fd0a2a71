import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { remoteRelationship } from "../../../provider/resources/remoteRelationship";
import { defaultSettings } from "../../../provider/runtime/settings";
import { endpointOf, steeringOf, upgradeOutputs } from "../../../provider/state";

/** Outputs as 0.1.0 wrote them: the canonical inputs and its serialized provider. */
const outputsOf010 = {
  __provider: "exports.handler = __f0; ...",
  endpoint: "https://h.example.com",
  source: "default",
  table: { schema: "public", name: "users" },
  name: "messages",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  remoteField: { messagesByUser: { arguments: { userId: "$id" } } },
};

describe("state of earlier releases", () => {
  it("0.1.0's outputs read as today's inputs, without the provider or an inconsistency", () => {
    const inputs = Object.fromEntries(Object.entries(outputsOf010).filter(([key]) => key !== "__provider"));
    assert.deepEqual(upgradeOutputs(remoteRelationship.schema, { ...outputsOf010, inconsistency: "x" }), inputs);
  });
  it("outputs that are not the resource's read as nothing, and so does a state nested absurdly deep", () => {
    assert.equal(upgradeOutputs(remoteRelationship.schema, { name: 5 }), undefined);
    let deep: unknown = {};
    for (let level = 0; level < 5_000; level++) deep = { field: deep };
    assert.equal(upgradeOutputs(remoteRelationship.schema, { ...outputsOf010, remoteField: deep }), undefined);
  });
  it("the endpoint comes from the state, else the stack's", () => {
    assert.equal(endpointOf({ noun: "remote relationship", id: "id" }, outputsOf010, defaultSettings(), "delete"), "https://h.example.com");
    assert.equal(
      endpointOf({ noun: "remote relationship", id: "id" }, {}, { ...defaultSettings(), endpoint: "https://stack.example.com" }, "delete"),
      "https://stack.example.com",
    );
  });
  it("no endpoint, or one that is not a URL, is an error that says what to do", () => {
    assert.throws(() => endpointOf({ noun: "remote relationship", id: "a/b/c/d" }, {}, defaultSettings(), "delete"), {
      message:
        'Cannot delete remote relationship "a/b/c/d": no endpoint is known. Set it for this stack with `pulumi config set hasura:endpoint https://...`, or pass endpoint.',
    });
    assert.throws(() => endpointOf({ noun: "remote schema relationship", id: "a/b/c" }, { endpoint: "nope" }, defaultSettings(), "read"), {
      message:
        'Cannot read remote schema relationship "a/b/c": the endpoint its state names, "nope", is not a URL. Fix the state with `pulumi stack export` and `pulumi stack import`.',
    });
  });
  it("steering inputs are carried only when set and well typed", () => {
    assert.deepEqual(steeringOf({ adoptExisting: true, importId: "a/b/c/d" }), { adoptExisting: true, importId: "a/b/c/d" });
    assert.deepEqual(steeringOf({ adoptExisting: "yes" }), {});
    assert.deepEqual(steeringOf(undefined), {});
  });
});
