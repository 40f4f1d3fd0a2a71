import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unboundedParallel } from "../../../bench/parallelism";
import { profilesText } from "../../../bench/report/profiles";
import { rebuildsTable } from "../../../bench/report/table";
import { caseOf, large, write } from "./fixtures";

describe("bench: the report", () => {
  it("states each Hasura cost with what a single command and a replace_metadata cost at it", () => {
    assert.equal(
      profilesText([large]),
      "- large Hasura: 2000 ms a schema rebuild, 1000 ms to read a source's catalog again, 3 sources; a single relationship command costs 3000 ms, a replace_metadata 5000 ms.",
    );
  });

  it("gives each operation's rebuilds and writes beside the oracle's, with Hasura's time for them", () => {
    const ours = {
      up: [write("replace_metadata", 60, 5000), write("replace_metadata", 40, 5000)],
      oneChangeUp: [write("pg_update_remote_relationship", 1, 3000)],
    };
    const oracle = { up: [write("replace", 100, 5000)], oneChangeUp: [write("single", 1, 3000)] };
    const [, , row] = rebuildsTable([caseOf(100, large, unboundedParallel, ours, oracle)]).split("\n");
    const cells = row.replace(/ \|$/, "").split(" | ");
    assert.deepEqual(cells.slice(0, 3), ["| 100", "large Hasura", "unbounded"]);
    assert.deepEqual(cells.slice(3, 7), [
      "2 rebuilds in 2 writes (replace; 50.0 changes each), Hasura 10.0 s",
      "1 rebuild in 1 batch (replace), Hasura 5.0 s",
      "1 rebuild in 1 write (update; 1.0 changes each), Hasura 3.0 s",
      "1 rebuild in 1 batch (single), Hasura 3.0 s",
    ]);
    assert.deepEqual(cells.slice(-2), ["0 rebuilds in 0 writes (none)", "0 rebuilds in 0 batches (none)"]);
  });
});
