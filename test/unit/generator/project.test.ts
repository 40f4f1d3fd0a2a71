import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ensureWritable, CommandError, projectFileNames, projectFiles, projectNameFor, writeProject } from "../../../generator";
import { tempDir } from "../../../scripts/localStack";
import { inventoryOfDocument, tablesWith } from "./fixtures";

const settings = {
  name: "hasura-prod",
  endpoint: "https://hasura.example.com",
  packageName: "pulumi-hasura-remote-relationships",
  packageVersion: "1.2.3",
  packageDependency: "^1.2.3",
  pulumiRange: "^3.216.0",
};

describe("generator: the project", () => {
  const files = projectFiles(inventoryOfDocument(tablesWith([["users", "team", "team_id"]])), settings);

  it("is Pulumi.yaml, package.json, tsconfig.json, .gitignore and the program", () => {
    assert.deepEqual([...files.keys()], [...projectFileNames]);
    assert.equal(
      files.get("Pulumi.yaml"),
      'name: hasura-prod\ndescription: "Hasura remote relationships of https://hasura.example.com, written by pulumi-hasura-remote-relationships generate."\nruntime: nodejs\n',
    );
    assert.match(files.get("index.ts") ?? "", /^new RemoteRelationship\($/m);
  });

  it("depends on this package's version and on @pulumi/pulumi from its peer range's floor", () => {
    const manifest = JSON.parse(files.get("package.json") ?? "") as Record<string, Record<string, string>>;
    assert.deepEqual(manifest.dependencies, { "@pulumi/pulumi": "^3.216.0", "pulumi-hasura-remote-relationships": "^1.2.3" });
    assert.deepEqual(Object.keys(manifest.devDependencies), ["@types/node", "typescript"]);
  });

  it("takes its name from the folder's, made into a Pulumi project name", () => {
    assert.equal(projectNameFor("/work/hasura prod"), "hasura-prod");
    assert.equal(projectNameFor("relationships/"), "relationships");
    assert.equal(projectNameFor("/"), "hasura-relationships");
  });

  it("is written into a missing or empty folder", () => {
    const dir = path.join(tempDir("generated"), "new", "project");
    ensureWritable(dir, false);
    writeProject(dir, files);
    assert.deepEqual(readdirSync(dir).sort(), [...projectFileNames].sort());
    const empty = tempDir("generated-empty");
    ensureWritable(empty, false);
  });

  it("refuses a folder that holds anything, in one line that says what to do; --force overwrites only its own files", () => {
    const dir = tempDir("generated-full");
    writeFileSync(path.join(dir, "index.ts"), "old");
    mkdirSync(path.join(dir, "notes"));
    assert.throws(
      () => ensureWritable(dir, false),
      (error: unknown) =>
        error instanceof CommandError &&
        error.message ===
          `${dir} is not empty (it holds 2 entries, such as "index.ts"). Give --out a new or empty folder, or add --force to overwrite Pulumi.yaml, package.json, tsconfig.json, .gitignore, index.ts there.`,
    );
    ensureWritable(dir, true);
    writeProject(dir, files);
    assert.notEqual(readFileSync(path.join(dir, "index.ts"), "utf8"), "old");
    assert.ok(readdirSync(dir).includes("notes"));
  });
});
