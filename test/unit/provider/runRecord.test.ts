import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RunRecord, thisRun } from "../../../provider/runRecord";

describe("RunRecord", () => {
  it("answers the endpoints a relationship was made to hold at, per noun and ID", () => {
    const record = new RunRecord();
    record.hold({ endpoint: "http://a", noun: "remote relationship", id: "default/public/users/m" });
    record.hold({ endpoint: "http://b", noun: "remote relationship", id: "default/public/users/m" });
    record.hold({ endpoint: "http://a", noun: "remote relationship", id: "default/public/users/m" });
    assert.deepEqual(record.endpointsHolding({ noun: "remote relationship", id: "default/public/users/m" }), ["http://a", "http://b"]);
    assert.deepEqual(record.endpointsHolding({ noun: "remote relationship", id: "default/public/users/other" }), []);
    assert.deepEqual(record.endpointsHolding({ noun: "remote schema relationship", id: "default/public/users/m" }), []);
  });

  it("keeps no record outside a provider host the engine started, where one process drives many runs", () => {
    assert.equal(thisRun, undefined);
  });
});
