import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { tempDir } from "../../scripts/localStack";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { qualifyTable } from "../../model";
import type { RunningHasuraServer } from "../../server";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";
import { packPackage, userShell, type CommandResult, type PackedPackage, type UserShell } from "../support/userProject";

const bin = "pulumi-hasura-remote-relationships";
const userField = { user: { arguments: { id: "$id" } } };
const brokenReason = 'Inconsistent object: in table "profiles": in remote relationship "brokenUser": remote schema with name "gone" not found';

/**
 * Onboarding from an existing Hasura, as a user does it: the package's bin run with npx from the packed
 * tarball writes a project, and the next steps it prints, run exactly as printed, install it (the
 * package.json names that very tarball), take every relationship over with no write to Hasura, and
 * find nothing else there but the one relationship Hasura cannot build, which it skipped.
 */
describe("generate, then pulumi up: every relationship taken over, nothing written", () => {
  let server: RunningHasuraServer;
  let packed: PackedPackage;
  let shell: UserShell;
  let backendDir: string;
  let workDir: string;
  let generated: string;
  let nextSteps: { line: string; result: CommandResult }[];

  const admin = (body: object, apiPath?: string) => hasuraCall(server.url, conformanceSecret, body, apiPath);

  /** `npx --package <tarball> pulumi-hasura-remote-relationships ARGS` in the work folder. */
  const npxGenerate = async (args: readonly string[], env: Record<string, string> = { HASURA_GRAPHQL_ADMIN_SECRET: conformanceSecret }) => {
    const result = await shell("npx", ["--yes", `--package=${packed.tarball}`, "--", bin, ...args], { cwd: workDir, allowFailure: true, env });
    // npm's own warnings (such as about this machine's npmrc) are npm's, not the generator's.
    return { ...result, stderr: result.stderr.replace(/^npm warn .*\n/gm, "") };
  };

  before(async () => {
    server = await startConformanceHasura();
    // Both stored formats: the legacy flat one through /v1/query, the definition format through /v1/metadata.
    await admin(
      {
        type: "create_remote_relationship",
        args: { name: "legacyUser", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: userField },
      },
      "/v1/query",
    );
    await admin(
      tableRelationship("profiles", "userOfProfile", { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "name"], remote_field: userField } }),
    );
    await admin(
      tableRelationship({ schema: "custom", name: "profiles" }, "messageOfProfile", {
        to_remote_schema: {
          remote_schema: "my-remote-schema",
          lhs_fields: ["id"],
          remote_field: { messages: { arguments: { where: { id: { eq: "$id" } } } } },
        },
      }),
    );
    // A join to a table of the other source (to_source), a relationship on that source's table, and one on a remote schema's type.
    await admin(
      tableRelationship("profiles", "albums", {
        to_source: { source: "target", table: { schema: "hasura", name: "album" }, relationship_type: "array", field_mapping: { id: "artist_id" } },
      }),
    );
    await admin(
      tableRelationship(
        { schema: "hasura", name: "album" },
        "artist",
        { to_remote_schema: { remote_schema: "user", lhs_fields: ["artist_id"], remote_field: { user: { arguments: { id: "$artist_id" } } } } },
        "target",
      ),
    );
    await admin({
      type: "create_remote_schema_remote_relationship",
      args: {
        remote_schema: "user",
        type_name: "User",
        name: "sameUser",
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: userField } },
      },
    });
    // One Hasura holds but cannot build: a replace that allows inconsistencies keeps it, as Hasura does.
    const metadata = server.exportMetadata();
    metadata.sources[0].tables
      .find((entry) => qualifyTable(entry.table).schema === "public")
      ?.remote_relationships?.push({
        name: "brokenUser",
        definition: { to_remote_schema: { remote_schema: "gone", lhs_fields: ["id"], remote_field: userField } },
      });
    await admin({ type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata } });
    packed = await packPackage();
    workDir = tempDir("generate-work");
    backendDir = tempDir("generate-backend");
    shell = userShell(backendDir);
  });
  after(async () => {
    await server?.stop();
  });

  it("Hasura holds relationships in both stored formats, to remote schemas and to a table, on tables of two sources and on a remote schema's type", () => {
    const tables = (server.exportMetadata() as unknown as { sources: { tables: { remote_relationships?: { definition: object }[] }[] }[] }).sources.flatMap(
      (source) => source.tables,
    );
    const definitions = tables
      .flatMap((table) => table.remote_relationships ?? [])
      .map((relationship) => Object.keys(relationship.definition).sort().join(","));
    assert.deepEqual(definitions.sort(), [
      "hasura_fields,remote_field,remote_schema",
      "to_remote_schema",
      "to_remote_schema",
      "to_remote_schema",
      "to_remote_schema",
      "to_source",
    ]);
    const remoteSchemas = (server.exportMetadata() as unknown as { remote_schemas: { name: string; remote_relationships?: unknown[] }[] }).remote_schemas;
    assert.equal(remoteSchemas.find((schema) => schema.name === "user")?.remote_relationships?.length, 1);
  });

  it("a wrong admin secret is one line that says to set HASURA_GRAPHQL_ADMIN_SECRET, and nothing is written", async () => {
    const result = await npxGenerate(["generate", "--endpoint", server.url, "--out", "refused"], { HASURA_GRAPHQL_ADMIN_SECRET: "wrong-secret" });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      `Hasura at ${server.url} refused the admin secret (invalid x-hasura-admin-secret/x-hasura-access-key). Set HASURA_GRAPHQL_ADMIN_SECRET to the admin secret this Hasura runs with, and run again.`,
    );
    assert.equal(existsSync(path.join(workDir, "refused")), false);
  });

  it("an endpoint nothing listens on is one line that says to check --endpoint", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const result = await npxGenerate(["generate", "--endpoint", endpoint, "--out", "unreachable"]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split("\n").length, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `^Cannot reach Hasura at ${endpoint} \\(.*ECONNREFUSED.*\\)\\. Check --endpoint \\(Hasura's base URL, such as http://localhost:8080\\) and that Hasura is running\\.\\n$`,
      ),
    );
  });

  it("writes the project and prints what it found and wrote, skipping the relationship Hasura cannot build with Hasura's reason", async () => {
    const result = await npxGenerate(["generate", "--endpoint", server.url, "--out", "hasura-relationships"]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.match(lines[0], new RegExp(`^Read the metadata of ${server.url} \\(Hasura v[^,]+, /v1/metadata\\): 7 remote relationships\\.$`));
    assert.deepEqual(
      lines
        .slice(1, 8)
        .map((line) => line.replace(/\s+/g, " ").trim())
        .sort(),
      [
        'declared default/custom/profiles/messageOfProfile as RemoteRelationship "custom-profiles-messageOfProfile"',
        'declared default/public/profiles/albums as RemoteRelationship "profiles-albums"',
        'declared default/public/profiles/legacyUser as RemoteRelationship "profiles-legacyUser"',
        'declared default/public/profiles/userOfProfile as RemoteRelationship "profiles-userOfProfile"',
        'declared target/hasura/album/artist as RemoteRelationship "target-hasura-album-artist"',
        'declared user/User/sameUser as RemoteSchemaRelationship "user-User-sameUser"',
        `skipped default/public/profiles/brokenUser Hasura reports it inconsistent: ${brokenReason}. Fix or delete it in Hasura, then run this again; declared as it is, it would fail the program's first preview.`,
      ],
    );
    assert.match(
      result.stdout,
      /Wrote the Pulumi project "hasura-relationships" to .*: Pulumi\.yaml, package\.json, tsconfig\.json, \.gitignore, index\.ts \(6 resources, each with the import option\)\./,
    );
    generated = path.join(workDir, "hasura-relationships");
    assert.deepEqual(readdirSync(generated).sort(), [".gitignore", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
    const program = readFileSync(path.join(generated, "index.ts"), "utf8");
    assert.equal(program.includes('name: "brokenUser"'), false);
    assert.ok(program.replace(/\n\/\/ {3}/g, " ").includes(`// - default/public/profiles/brokenUser: Hasura reports it inconsistent: ${brokenReason}.`));
    const manifest = JSON.parse(readFileSync(path.join(generated, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    assert.deepEqual(manifest.dependencies, { "@pulumi/pulumi": "^3.216.0", [bin]: `file:${packed.tarball}` });
    assert.equal(result.stdout.includes(conformanceSecret), false);
    nextSteps = [];
    for (const line of result.stdout.slice(result.stdout.indexOf("\nNext:\n") + "\nNext:\n".length).split("\n")) {
      if (line.trim() !== "") nextSteps.push({ line: line.trim(), result: { code: -1, stdout: "", stderr: "" } });
    }
  });

  it("refuses to write into the now non-empty folder unless --force", async () => {
    const refused = await npxGenerate(["generate", "--endpoint", server.url, "--out", "hasura-relationships"]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /hasura-relationships is not empty \(it holds 5 entries, such as "\.gitignore"\)\. Give --out a new or empty folder, or add --force/,
    );
    const forced = await npxGenerate(["generate", "--endpoint", server.url, "--out", "hasura-relationships", "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
  });

  it("its next steps, run as printed, install the package, take every relationship over with no write to Hasura, and find only the skipped one not managed", async () => {
    assert.deepEqual(
      nextSteps.map((step) => step.line.replace(/ {2,}#.*$/, "").replace(server.url, "URL")),
      [
        "cd hasura-relationships",
        "npm install",
        "pulumi stack init dev",
        "pulumi config set hasura:endpoint URL",
        'pulumi config set --secret hasura:adminSecret "$HASURA_GRAPHQL_ADMIN_SECRET"',
        "pulumi up --yes",
        `npx --yes ${bin} drift --endpoint URL --stack dev`,
      ],
    );
    const metadataBefore = server.exportMetadata();
    const before = server.stats();
    // One shell, as a person pastes them: `cd` carries over, and each step's exit code is kept.
    let cwd = workDir;
    for (const step of nextSteps) {
      const command = step.line.replace(/ {2,}#.*$/, "");
      if (command.startsWith("cd ")) cwd = path.resolve(cwd, command.slice(3));
      else step.result = await shell("sh", ["-c", command], { cwd, allowFailure: true, env: { HASURA_GRAPHQL_ADMIN_SECRET: conformanceSecret } });
    }
    const codes = nextSteps.map((step) => [step.line.split(" ").slice(0, 2).join(" "), step.result.code]);
    assert.deepEqual(codes.slice(1, 6), [
      ["npm install", 0],
      ["pulumi stack", 0],
      ["pulumi config", 0],
      ["pulumi config", 0],
      ["pulumi up", 0],
    ]);
    const afterUp = server.stats();
    assert.deepEqual([afterUp.writes - before.writes, afterUp.resourceVersion], [0, before.resourceVersion]);
    assert.deepEqual(server.exportMetadata(), metadataBefore);
    const drift = nextSteps[6].result;
    assert.equal(drift.code, 7, drift.stderr);
    assert.match(drift.stdout, /\n {2}in sync {7}6\n {2}changed {7}0\n {2}deleted {7}0\n {2}inconsistent {2}1\n {2}unmanaged {5}0\n/);
    assert.match(drift.stdout, new RegExp(`\n {2}remote relationship {2}default/public/profiles/brokenUser\n {6}${escape(brokenReason)}\n`));
    assert.equal(drift.stdout.includes(conformanceSecret), false);
  });

  it("the state holds every relationship with its import ID, preview then shows no changes, and the project compiles with its own TypeScript", async () => {
    const project = userShell(backendDir);
    const run = (command: string, args: string[]) => project(command, args, { cwd: generated, env: { HASURA_GRAPHQL_ADMIN_SECRET: conformanceSecret } });
    const state = JSON.parse((await run("pulumi", ["stack", "export", "--stack", "dev"])).stdout) as {
      deployment: { resources: { type: string; id?: string; outputs: { importId?: string } }[] };
    };
    const taken = state.deployment.resources.filter((resource) => /hasura:(RemoteRelationship|RemoteSchemaRelationship)$/.test(resource.type));
    assert.deepEqual(taken.map((resource) => [resource.type.split(":").pop(), resource.id, resource.outputs.importId === resource.id]).sort(), [
      ["RemoteRelationship", "default/custom/profiles/messageOfProfile", true],
      ["RemoteRelationship", "default/public/profiles/albums", true],
      ["RemoteRelationship", "default/public/profiles/legacyUser", true],
      ["RemoteRelationship", "default/public/profiles/userOfProfile", true],
      ["RemoteRelationship", "target/hasura/album/artist", true],
      ["RemoteSchemaRelationship", "user/User/sameUser", true],
    ]);
    const writes = server.stats().writes;
    await run("pulumi", ["preview", "--expect-no-changes", "--stack", "dev", "--non-interactive"]);
    assert.equal(server.stats().writes, writes);
    await run("node", [path.join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."]);
  });
});

/** `pg_create_remote_relationship` on a table of a Postgres source. */
function tableRelationship(table: string | { schema: string; name: string }, name: string, definition: object, source = "default"): object {
  return { type: "pg_create_remote_relationship", args: { source, table, name, definition } };
}

/** A local port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
