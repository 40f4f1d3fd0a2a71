import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cliDefaultParallel, parallelArgs, parallelLabel, parallelModes, unboundedParallel } from "../../../bench/parallelism";

describe("bench: parallelism", () => {
  it("runs the CLI's default with no flag, and unbounded or a number with --parallel", () => {
    const [byDefault, unbounded, fixed] = parallelModes("--parallel", "default,unbounded,32", 8);
    assert.deepEqual(parallelArgs(byDefault), []);
    assert.equal(byDefault.value, 8);
    assert.deepEqual(parallelArgs(unbounded), ["--parallel", String(unboundedParallel)]);
    assert.deepEqual(parallelArgs(fixed), ["--parallel", "32"]);
    assert.deepEqual([byDefault, unbounded, fixed].map(parallelLabel), ["default (8)", "unbounded", "--parallel 32"]);
  });

  it("refuses anything else, naming the option", () => {
    assert.throws(
      () => parallelModes("--parallel", "default,many", 8),
      /^Error: --parallel is "default,many", but each of its entries must be default, unbounded or a whole number of at least 1\.$/,
    );
    assert.throws(() => parallelModes("--parallel", "0", 8), /--parallel is "0"/);
  });

  it("reads the default from the CLI's own help", () => {
    const help =
      "Flags:\n  -p, --parallel int32                          Allow P resource operations to run in parallel at once (1 for no parallelism). (default 8)\n";
    assert.equal(cliDefaultParallel(help), 8);
    assert.throws(() => cliDefaultParallel("Flags:\n  --yes\n"), /names no default for --parallel/);
  });
});
