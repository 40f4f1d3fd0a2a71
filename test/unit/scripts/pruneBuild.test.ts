import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { tempDir } from "../../../scripts/localStack";
import { pruneBuild, sourceOf } from "../../../scripts/pruneBuild";

describe("scripts: pruneBuild", () => {
  it("maps tsc's outputs to their source, and leaves other files without one", () => {
    assert.equal(sourceOf("provider/index.js"), "provider/index.ts");
    assert.equal(sourceOf("provider/index.d.ts"), "provider/index.ts");
    assert.equal(sourceOf("provider/index.js.map"), "provider/index.ts");
    assert.equal(sourceOf("test/unit/a.test.js"), "test/unit/a.test.ts");
    assert.equal(sourceOf("data/environment.yaml"), undefined);
  });

  it("deletes the outputs of a source that is gone, and nothing else", () => {
    const root = tempDir("prune");
    mkdirSync(path.join(root, "provider"), { recursive: true });
    mkdirSync(path.join(root, "dist", "provider"), { recursive: true });
    writeFileSync(path.join(root, "provider", "kept.ts"), "");
    for (const file of ["kept.js", "kept.d.ts", "kept.js.map", "gone.js", "gone.d.ts", "gone.js.map", "notes.txt"])
      writeFileSync(path.join(root, "dist", "provider", file), "");
    assert.deepEqual(pruneBuild(root).sort(), ["provider/gone.d.ts", "provider/gone.js", "provider/gone.js.map"]);
    assert.deepEqual(readdirSync(path.join(root, "dist", "provider")).sort(), ["kept.d.ts", "kept.js", "kept.js.map", "notes.txt"]);
  });

  it("does nothing when there is no dist folder", () => assert.deepEqual(pruneBuild(tempDir("prune-empty")), []));
});
