import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { CommandError } from "../../../../generator";
import { exportStack, parseStackExport, readStateFile } from "../../../../generator/drift";
import { tempDir } from "../../../../scripts/localStack";

const exported = {
  version: 3,
  deployment: {
    manifest: { time: "2026-01-01T00:00:00Z" },
    resources: [
      { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", custom: false, type: "pulumi:pulumi:Stack" },
      {
        urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/hasura:RemoteRelationship::user-messages",
        custom: true,
        id: "default/public/users/messages",
        type: "pulumi-nodejs:dynamic/hasura:RemoteRelationship",
        outputs: { name: "messages" },
      },
      {
        urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/hasura:RemoteRelationship::old",
        type: "pulumi-nodejs:dynamic/hasura:RemoteRelationship",
        outputs: {},
        delete: true,
      },
    ],
  },
};

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof CommandError);
    return error.message;
  }
  throw new Error("no error");
}

describe("drift: the stacks' states", () => {
  it("reads `pulumi stack export`: the stack's name and each resource's name, type, outputs and pending deletion", () => {
    assert.deepEqual(parseStackExport(JSON.stringify(exported), "test"), {
      name: "dev",
      resources: [
        { name: "proj-dev", type: "pulumi:pulumi:Stack", outputs: undefined, pendingDelete: false },
        { name: "user-messages", type: "pulumi-nodejs:dynamic/hasura:RemoteRelationship", outputs: { name: "messages" }, pendingDelete: false },
        { name: "old", type: "pulumi-nodejs:dynamic/hasura:RemoteRelationship", outputs: {}, pendingDelete: true },
      ],
    });
    assert.equal(parseStackExport(JSON.stringify(exported), "test", "org/proj/dev").name, "org/proj/dev");
    assert.deepEqual(parseStackExport(JSON.stringify({ version: 3, deployment: { manifest: {} } }), "--state new.json").resources, []);
  });

  it("names a state with no resources (no URN names its stack) by its file, as such", () => {
    const dir = tempDir("drift-states");
    writeFileSync(path.join(dir, "new.json"), JSON.stringify({ version: 3, deployment: { manifest: {} } }));
    const file = path.join(dir, "new.json");
    assert.deepEqual(readStateFile(file), { name: `${file} (no resources)`, resources: [] });
  });

  it("refuses what is not an export in one line that says what to give", () => {
    const dir = tempDir("drift-states");
    writeFileSync(path.join(dir, "text.json"), "hello");
    writeFileSync(path.join(dir, "other.json"), JSON.stringify({ resources: [] }));
    mkdirSync(path.join(dir, "folder"));
    assert.match(
      failure(() => readStateFile(path.join(dir, "text.json"))),
      /^--state .*text\.json is not JSON \(Unexpected token .*\)\. Give the output of `pulumi stack export`, such as `pulumi stack export --stack dev > dev\.json`\.$/,
    );
    assert.equal(
      failure(() => readStateFile(path.join(dir, "other.json"))),
      `--state ${path.join(dir, "other.json")} is not the output of \`pulumi stack export\` (version: Invalid input: expected number, received undefined). Give what \`pulumi stack export --stack dev > dev.json\` writes.`,
    );
    assert.equal(
      failure(() => readStateFile(path.join(dir, "missing.json"))),
      `Cannot read --state ${path.join(dir, "missing.json")}: there is no such file. Give a file that holds the output of \`pulumi stack export\`.`,
    );
    assert.equal(
      failure(() => readStateFile(path.join(dir, "folder"))),
      `Cannot read --state ${path.join(dir, "folder")}: it is a folder. Give a file that holds the output of \`pulumi stack export\`.`,
    );
  });

  it("runs `pulumi stack export --stack NAME`, and says what to do when pulumi is missing or refuses", async () => {
    const calls: string[][] = [];
    const state = await exportStack("dev", async (command, args) => {
      calls.push([command, ...args]);
      return JSON.stringify(exported);
    });
    assert.deepEqual(calls, [["pulumi", "stack", "export", "--stack", "dev"]]);
    assert.equal(state.resources.length, 3);
    const missing = Object.assign(new Error("spawn pulumi ENOENT"), { code: "ENOENT" });
    await assert.rejects(
      exportStack("dev", () => Promise.reject(missing)),
      new CommandError(
        "Cannot run `pulumi stack export --stack dev`: there is no `pulumi` on PATH. Install the Pulumi CLI, or give the state with --state FILE.",
      ),
    );
    const refused = Object.assign(new Error("Command failed"), { code: 255, stderr: "\nerror: no stack named 'dev' found\n" });
    await assert.rejects(
      exportStack("dev", () => Promise.reject(refused)),
      new CommandError(
        "`pulumi stack export --stack dev` failed: error: no stack named 'dev' found. Run drift in the Pulumi project's folder, logged in to the stack's backend, with a stack `pulumi stack ls` lists; or give the state with --state FILE.",
      ),
    );
  });
});
