import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bursts, changeCounts, declared, phaseAfter, type Phase } from "../../../bench/phases";

describe("bench: phases", () => {
  it("declares N relationships, then one joined the other way, then a third of them dropped, changed and added", () => {
    const names = (phase: Phase) => declared(100, phase).map((entry) => entry.name);
    assert.equal(declared(100, "created").length, 100);
    assert.deepEqual(names("oneChanged"), names("created"));
    assert.deepEqual(names("mixed").slice(0, 2), ["rel33", "rel34"]);
    assert.equal(names("mixed").length, 100);
    assert.ok(names("mixed").includes("rel132") && !names("mixed").includes("rel133") && !names("mixed").includes("rel32"));
    assert.deepEqual(declared(100, "empty"), []);
  });

  it("counts each operation's creates, updates and deletes", () => {
    const counts = (from: Phase, to: Phase) => changeCounts(declared(100, from), declared(100, to));
    assert.deepEqual(counts("empty", "created"), { creates: 100, updates: 0, deletes: 0 });
    assert.deepEqual(counts("created", "created"), { creates: 0, updates: 0, deletes: 0 });
    assert.deepEqual(counts("created", "oneChanged"), { creates: 0, updates: 1, deletes: 0 });
    // rel0 was the one changed; the mixed up drops it with the rest of the first third.
    assert.deepEqual(counts("oneChanged", "mixed"), { creates: 33, updates: 33, deletes: 33 });
    assert.deepEqual(counts("mixed", "empty"), { creates: 0, updates: 0, deletes: 100 });
  });

  it("sends the deletes as a burst of their own, after the creates and updates", () => {
    assert.deepEqual(bursts(declared(4, "oneChanged"), declared(4, "mixed")), [2, 1]);
    assert.deepEqual(bursts(declared(4, "empty"), declared(4, "created")), [4]);
    assert.deepEqual(bursts(declared(4, "mixed"), declared(4, "empty")), [4]);
    assert.deepEqual(bursts(declared(4, "created"), declared(4, "created")), []);
  });

  it("leaves the stack's state alone on preview, and empty after destroy", () => {
    assert.equal(phaseAfter.preview, "created");
    assert.equal(phaseAfter.destroy, "empty");
    assert.equal(phaseAfter.mixedUp, "mixed");
  });
});
