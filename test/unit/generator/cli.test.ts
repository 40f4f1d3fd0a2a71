import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { readFileSync } from "node:fs";
import { describeReport, runCli } from "../../../generator/cli";
import type { GenerateReport } from "../../../generator";
import { inventoryOfDocument, tablesWith } from "./fixtures";

const endpoint = "https://hasura.example.com";

function reportOf(relationships: readonly (readonly [string, string, string])[], refused: ReadonlyMap<string, string> = new Map()): GenerateReport {
  return {
    endpoint,
    api: "/v1/metadata",
    version: "v2.48.3",
    inventory: inventoryOfDocument(tablesWith(relationships), [], refused),
    dir: path.join(process.cwd(), "hasura-relationships"),
    projectName: "hasura-relationships",
    packageName: "pulumi-hasura-remote-relationships",
    files: ["Pulumi.yaml", "package.json", "tsconfig.json", ".gitignore", "index.ts"],
    packageSource: { kind: "registry", dependency: "^0.2.0" },
  };
}

/** The `#` comments of the next steps, by the command they follow. */
function stepComments(text: string): Map<string, string> {
  const steps = text.slice(text.indexOf("\nNext:\n") + "\nNext:\n".length).split("\n");
  return new Map(steps.flatMap((line) => (/ {2,}# /.test(line) ? [line.trim().split(/ {2,}# /) as [string, string]] : [])));
}

describe("generator: the report it prints", () => {
  it("says in the next steps what the takeover and the drift check will do, skipped relationships included", () => {
    const all = stepComments(
      describeReport(
        reportOf([
          ["users", "team", "team_id"],
          ["users", "profile", "id"],
        ]),
      ),
    );
    assert.equal(all.get("pulumi up --yes"), "takes the 2 relationships over, writing nothing to Hasura");
    assert.equal(
      all.get(`npx --yes pulumi-hasura-remote-relationships drift --endpoint ${endpoint} --stack dev`),
      "0: Hasura holds what the stack declares, and nothing else",
    );

    const refused = new Map([["default/public/users/profile", "remoteField.user: the remote schema has no such field"]]);
    const text = describeReport(
      reportOf(
        [
          ["users", "team", "team_id"],
          ["users", "profile", "id"],
        ],
        refused,
      ),
    );
    assert.match(text, /^ {2}skipped {3}default\/public\/users\/profile {2}remoteField\.user: the remote schema has no such field$/m);
    const some = stepComments(text);
    assert.equal(some.get("pulumi up --yes"), "takes the relationship over, writing nothing to Hasura");
    assert.equal(
      some.get(`npx --yes pulumi-hasura-remote-relationships drift --endpoint ${endpoint} --stack dev`),
      "7 while Hasura holds the relationship skipped above (fix or delete it in Hasura), then 0",
    );

    const none = stepComments(describeReport(reportOf([])));
    assert.equal(none.get("pulumi up --yes"), "makes the stack; there is no relationship to take over");
  });

  it("prints its name and version for --version, as its package.json says", async () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "..", "package.json"), "utf8")) as { name: string; version: string };
    assert.deepEqual(await runCli(["--version"], {}), { code: 0, stdout: `${manifest.name} ${manifest.version}\n`, stderr: "" });
  });
});
