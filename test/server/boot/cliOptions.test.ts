/**
 * Command-line flags to in-process options (boot/cliOptions.ts), pure.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCliOptions } from "../../../server/boot/cliOptions";

test("cli: flags map onto the in-process options", () => {
  const { options } = parseCliOptions([
    "--port",
    "8080",
    "--host",
    "0.0.0.0",
    "--admin-secret",
    "S",
    "--data-dir",
    "d",
    "--track",
    "custom.t",
    "--track",
    "u",
    "--remote-schema",
    "users=http://x/graphql",
    "--rebuild-ms",
    "30000",
    "--rebuild-ms-per-object",
    "2",
    "--catalog-introspection-ms",
    "1500",
    "--reset-connection",
    "after-write",
    "--reset-count",
    "2",
    "--delay-ms",
    "10",
  ]);
  assert.deepEqual(options, {
    port: 8080,
    host: "0.0.0.0",
    adminSecret: "S",
    dataDir: "d",
    trackedTables: [
      { schema: "custom", name: "t" },
      { schema: "public", name: "u" },
    ],
    remoteSchemas: [{ name: "users", url: "http://x/graphql" }],
    rebuildMs: 30000,
    rebuildMsPerObject: 2,
    catalogIntrospectionMs: 1500,
    faults: { resetConnection: { when: "after-write", count: 2 }, delayMs: 10 },
  });
  assert.throws(() => parseCliOptions(["--rebuild-ms", "slow"]), /--rebuild-ms needs a non-negative number/);
  assert.equal(parseCliOptions(["--help"]).help, true);
});
