import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { repoRoot } from "../../scripts/pulumiCli";

/** `npm run demo` (after its build and ensurePulumi, which npm test has done): the example through the CLI, start to end. */
describe("the demo", () => {
  it("runs the example as a Pulumi.yaml program with pulumi commands on --stack demo, tells every step, and cleans up", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, "dist", "scripts", "demo", "main.js")], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    const shown = (line: string) => assert.ok(stdout.includes(line), `the demo did not show: ${line}`);
    for (const command of ["stack init", "preview --diff", "up --yes", "config set example:messagesQuery filter", "refresh --yes", "destroy --yes"]) {
      shown(`  $ pulumi ${command} --stack demo`);
    }
    shown("  $ pulumi config set --secret hasura:adminSecret <admin-secret> --stack demo");
    for (const title of ["Preview", "Up", "A mistake preview catches", "An update in place", "A replacement", "Drift, found and repaired", "Destroy"])
      assert.match(stdout, new RegExp(`━━ Step \\d: ${title} ━━`));
    assert.match(stdout, /» Writes Hasura received during that up: [^\n]*1 × \/v1\/metadata replace_metadata/);
    assert.match(stdout, /remoteField\.messagesByUser\.arguments\.user_id/);
    assert.match(stdout, /argument with name "user_id" not found in remote schema/);
    shown("» The preview failed as it should, before anything reached Hasura's metadata.");
    assert.match(
      stdout,
      /» After the refresh the state holds (?=.*default\/public\/users\/userMessages)(?=.*default\/public\/users\/orders)(?=.*teams\/Team\/members)(?!.*default\/public\/users\/team\b)[^\n]*: "team" dropped from it/,
    );
    shown("  remote schema teams, type Team: members:");
    shown("» Hasura's remote relationships are as they were before the first up.");
    shown("» The admin secret appears nowhere in the exported state or the CLI's output.");
    assert.doesNotMatch(stdout, /Warning:/);
    assert.equal(existsSync(path.join(repoRoot, "Pulumi.demo.yaml")), false);
  });
});
