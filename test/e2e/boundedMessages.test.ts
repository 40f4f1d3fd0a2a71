/**
 * Issue 19, through the real CLI and engine on a Pulumi.yaml program (test/e2e/programs/boundsProgram.ts,
 * run from this repository's build): whatever a program's inputs, every line the engine prints of a
 * failed check is bounded (the engine prints the whole value of the property a failure names), and an
 * input too deep for the SDK to serialize is the program's error, naming the resource and the input,
 * while the engine goes on working.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { tempDir } from "../../scripts/localStack";
import { findPulumiCli, repoRoot } from "../../scripts/pulumiCli";
import type { RunningHasuraServer } from "../../server";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";
import { userShell, type CommandResult } from "../support/userProject";

/** What each case must print: its failure, named, and bounded. */
const expected: Record<string, RegExp> = {
  // The issue measured one line of 518,015 characters for this one,
  wide: /resource 'wide' has a problem: remoteField names 10,000 fields \("f0", "f1", "f10", .* and 9,990 more\) but a relationship joins exactly one\./,
  // and of 89,133 for this one;
  "many-fields":
    /resource 'many-fields' has a problem: remoteField\.user\.arguments\.id: Join variable "\$id" is not in hasuraFields \("c0", "c1", "c10", .* and 9,990 more\)\./,
  // this one crashed the program with a bare RangeError while the SDK serialized it.
  "deep-10000":
    /RemoteRelationship "deep-10000": remoteField nests deeper than 256 levels \(at remoteField\.f\.field\.f\.field\.f\.field\.f\.\.\.\(245 more\)\.\.\.f\.field\.f\.field\)\. No remote relationship is that deep: check how the value is built\./,
};

describe("bounded messages and the SDK's guards, through the CLI", () => {
  let server: RunningHasuraServer;
  let projectDir: string;
  let pulumi: (args: string[], allowFailure?: boolean) => Promise<CommandResult>;
  const stack = "bounds";

  before(async () => {
    server = await startConformanceHasura();
    const cli = findPulumiCli();
    if (cli === undefined) throw new Error("No Pulumi CLI is set up: run `node dist/scripts/ensurePulumi.js` first (npm test does).");
    // Inside the repository, so that the program finds this repository's @pulumi/pulumi, as the root Pulumi.yaml does.
    projectDir = mkdtempSync(path.join(repoRoot, "dist", "bounds-project-"));
    writeFileSync(path.join(projectDir, "Pulumi.yaml"), "name: bounds\nruntime: nodejs\nmain: index.js\n");
    writeFileSync(
      path.join(projectDir, "index.js"),
      `module.exports = require(${JSON.stringify(path.join(repoRoot, "dist", "test", "e2e", "programs", "boundsProgram.js"))});\n`,
    );
    const shell = userShell(tempDir("bounds-backend"));
    pulumi = (args, allowFailure = false) => shell(cli.command, [...args, "--non-interactive"], { cwd: projectDir, allowFailure });
    await pulumi(["stack", "init", stack]);
    await pulumi(["config", "set", "hasura:endpoint", server.url, "--stack", stack]);
    await pulumi(["config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack]);
  });
  after(async () => {
    await server?.stop();
    if (projectDir !== undefined) rmSync(projectDir, { recursive: true, force: true });
  });

  // The engine stops a preview at the first failure: one preview per case.
  for (const [which, message] of Object.entries(expected)) {
    it(`${which}: the failure is named, in lines of at most 3,000 characters, and the program does not crash`, async () => {
      await pulumi(["config", "set", "program:case", which, "--stack", stack]);
      const preview = await pulumi(["preview", "--stack", stack], true);
      assert.notEqual(preview.code, 0);
      const lines = `${preview.stdout}\n${preview.stderr}`.split("\n");
      const longest = Math.max(...lines.map((line) => line.length));
      assert.ok(longest <= 3_000, `a line of ${longest} characters: ${lines.find((line) => line.length === longest)?.slice(0, 300)}`);
      assert.match(lines.join("\n"), message);
      assert.doesNotMatch(lines.join("\n"), /RangeError|Maximum call stack size exceeded/);
    });
  }

  it("the engine goes on: a preview of a good relationship plans its create", async () => {
    await pulumi(["config", "set", "program:case", "fine", "--stack", stack]);
    const preview = await pulumi(["preview", "--stack", stack]);
    assert.match(preview.stdout, /\+ 2 to create/);
  });
});
