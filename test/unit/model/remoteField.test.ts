import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalRemoteField, remoteFieldLevels, remoteFieldOf, remoteFieldSteps } from "../../../model";

const tree = { user: { arguments: { z: 1, a: "$id" }, field: { posts: { arguments: { y: true, b: 2 } } } } };

describe("model: the remote field tree", () => {
  it("is canonical at every level", () => {
    assert.equal(JSON.stringify(canonicalRemoteField(tree)), '{"user":{"arguments":{"a":"$id","z":1},"field":{"posts":{"arguments":{"b":2,"y":true}}}}}');
  });
  it("lists its levels root first, with their paths", () => {
    assert.deepEqual(
      remoteFieldLevels(tree).map((level) => level.path),
      [[], ["user", "field"]],
    );
  });
  it("lists its fields root first, with their paths", () => {
    assert.deepEqual(
      remoteFieldSteps(tree).map((step) => [step.name, step.path]),
      [
        ["user", ["user"]],
        ["posts", ["user", "field", "posts"]],
      ],
    );
  });
  it("is built back from its levels", () => {
    assert.deepEqual(remoteFieldOf(remoteFieldSteps(tree)), tree);
  });
});
