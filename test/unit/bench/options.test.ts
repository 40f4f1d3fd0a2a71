import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseOptions, type BenchOptions } from "../../../bench/options";

function parsed(args: string[]): BenchOptions {
  const options = parseOptions(args);
  if (options === "help") throw new Error("parseOptions answered help.");
  return options;
}

describe("bench: options", () => {
  it("runs today's cases and a large Hasura at both parallelisms, then the large metadata, by default", () => {
    const options = parsed([]);
    assert.deepEqual(
      options.cases.map(({ n, profile }) => `${n} ${profile.name}`),
      ["10 free rebuilds", "100 free rebuilds", "300 free rebuilds", "10 200 ms rebuilds", "100 200 ms rebuilds", "300 200 ms rebuilds", "100 large Hasura"],
    );
    assert.deepEqual(options.cases.at(-1)?.profile, { name: "large Hasura", rebuildMs: 2000, catalogIntrospectionMs: 1000, sources: 3 });
    assert.equal(options.parallel, "default,unbounded");
    assert.equal(options.repeat, 3);
    assert.deepEqual(options.largeMetadata, { tableCounts: [1000, 2000], burst: 50 });
  });

  it("checks every part once, small, with --quick", () => {
    const options = parsed(["--quick"]);
    assert.deepEqual(
      options.cases.map(({ n, profile }) => [n, profile.rebuildMs, profile.catalogIntrospectionMs, profile.sources]),
      [[4, 100, 50, 3]],
    );
    assert.equal(options.repeat, 1);
    assert.deepEqual(options.largeMetadata, { tableCounts: [100, 200], burst: 10 });
  });

  it("skips a part given none, and refuses what it cannot run, naming the option", () => {
    assert.equal(parsed(["--large-hasura", "none", "--metadata-tables", "none"]).largeMetadata, undefined);
    assert.throws(() => parseOptions(["--sizes", "2"]), /^Error: --sizes is "2", but it must be whole numbers of at least 3/);
    assert.throws(
      () => parseOptions(["--large-hasura", "100,2000"]),
      /^Error: --large-hasura is "100,2000", but it must be N \(at least 3\), rebuild ms, catalog ms and sources/,
    );
    assert.throws(() => parseOptions(["--config", "batchWindowMs=5"]), /not KEY=VALUE with a hasura: key/);
  });
});
