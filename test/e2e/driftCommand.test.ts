import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { tempDir } from "../../scripts/localStack";
import type { RunningHasuraServer } from "../../server";
import { writeDelta, writesOf } from "../support/e2e";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";
import { createUserProject, packPackage, projectDevDependencies, userShell, type CommandResult, type UserProject } from "../support/userProject";

const bin = "pulumi-hasura-remote-relationships";
const userField = { user: { arguments: { id: "$id" } } };
const renamedProxySdl =
  "type Query {\n  prefixer_proxy_message(id: Int!): prefixer_proxy_messages\n}\n\ntype prefixer_proxy_messages {\n  id: Int!\n  msg: String\n}\n";

/**
 * The program of both stacks: `drift:part` says which part of the Hasura a stack manages. Stack alpha
 * manages relationships on tables of both sources, stack beta those on the remote schema "user"'s type
 * and one to another source's table; `drift:proxyField` is the field the relationship to the
 * remote schema "prefixer-proxy" joins.
 */
const files: Record<string, string> = {
  "Pulumi.yaml": "name: drift-check\nruntime: nodejs\n",
  "package.json": JSON.stringify({ name: "drift-check", private: true, main: "index.ts" }, null, 2),
  "tsconfig.json": JSON.stringify({
    compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true },
    include: ["*.ts"],
  }),
  "index.ts": [
    'import * as pulumi from "@pulumi/pulumi";',
    'const part = new pulumi.Config("drift").require("part");',
    'if (part === "alpha") require("./alpha");',
    'else require("./beta");',
    "",
  ].join("\n"),
  "alpha.ts": `import * as pulumi from "@pulumi/pulumi";
import { RemoteRelationship } from "${bin}";

const user = { hasuraFields: ["id"], remoteSchema: "user", remoteField: { user: { arguments: { id: "$id" } } } };
new RemoteRelationship("in-sync", { name: "inSync", table: "profiles", ...user });
new RemoteRelationship("changed-by-hand", { name: "changedByHand", table: "profiles", ...user });
new RemoteRelationship("deleted-by-hand", {
  name: "deletedByHand",
  source: "target",
  table: { schema: "hasura", name: "album" },
  hasuraFields: ["artist_id"],
  remoteSchema: "user",
  remoteField: { user: { arguments: { id: "$artist_id" } } },
});
new RemoteRelationship("rewritten-legacy", {
  name: "rewrittenLegacy",
  table: { schema: "custom", name: "profiles" },
  hasuraFields: ["id"],
  remoteSchema: "my-remote-schema",
  remoteField: { message: { arguments: { id: "$id" } } },
});
const proxyField = new pulumi.Config("drift").get("proxyField") ?? "prefixer_proxy_messages_by_pk";
new RemoteRelationship("proxied", {
  name: "proxied",
  table: "profiles",
  hasuraFields: ["id"],
  remoteSchema: "prefixer-proxy",
  remoteField: { [proxyField]: { arguments: { id: "$id" } } },
});
`,
  "beta.ts": `import { RemoteRelationship, RemoteSchemaRelationship } from "${bin}";

new RemoteSchemaRelationship("same-user", {
  remoteSchema: "user",
  typeName: "User",
  name: "sameUser",
  toRemoteSchema: { remoteSchema: "user", lhsFields: ["id"], remoteField: { user: { arguments: { id: "$id" } } } },
});
new RemoteSchemaRelationship("user-albums", {
  remoteSchema: "user",
  typeName: "User",
  name: "albums",
  toSource: { relationshipType: "array", source: "target", table: { schema: "hasura", name: "album" }, fieldMapping: { id: "artist_id" } },
});
new RemoteRelationship("profile-albums", {
  name: "albums",
  table: "profiles",
  toSource: { relationshipType: "array", source: "target", table: { schema: "hasura", name: "album" }, fieldMapping: { id: "artist_id" } },
});
`,
};

/** What every relationship is after the changes by hand, by ID. */
const driftedStatuses = {
  "default/custom/profiles/rewrittenLegacy": "in-sync",
  "default/public/profiles/albums": "in-sync",
  "default/public/profiles/changedByHand": "changed",
  "default/public/profiles/inSync": "in-sync",
  "default/public/profiles/proxied": "inconsistent",
  "default/public/profiles/strayLegacy": "unmanaged",
  "target/hasura/album/deletedByHand": "deleted",
  "target/hasura/album/strayProfile": "unmanaged",
  "user/User/albums": "changed",
  "user/User/sameUser": "in-sync",
  "user/User/strayMessages": "unmanaged",
};

type DriftJson = {
  relationships: { id: string; kind: string; status: string; managedBy: { stack: string; resource: string }[]; differences?: unknown[]; reason?: string }[];
};

/**
 * `drift` as a platform team runs it in CI, through the real CLI on the packed package: a Hasura with
 * one relationship of each kind of drift (of both resource kinds, in both stored formats, on two
 * sources), two stacks managing different parts of it, then the repair and the adoption of the strays.
 */
describe("drift: one Hasura, two stacks, every kind of drift", () => {
  let server: RunningHasuraServer;
  let project: UserProject;
  let proxiedReason: string;
  const admin = (body: object, apiPath?: string) => hasuraCall(server.url, conformanceSecret, body, apiPath);
  const pulumi = (...args: string[]) => project.pulumi(args);

  /** The bin, as installed in the project (`npx` finds it in node_modules/.bin), with `secret` as HASURA_GRAPHQL_ADMIN_SECRET. */
  const drift = (args: readonly string[], secret = conformanceSecret): Promise<CommandResult> =>
    userShell(project.backendDir)("npx", ["--yes", bin, "drift", ...args], {
      cwd: project.dir,
      allowFailure: true,
      env: { HASURA_GRAPHQL_ADMIN_SECRET: secret },
    });

  before(async () => {
    server = await startConformanceHasura();
    const source = tempDir("drift-project");
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(source, name), text);
    const packed = await packPackage();
    project = await createUserProject({ from: source, install: [packed.tarball, "@pulumi/pulumi@3.270.0", ...projectDevDependencies] });
    for (const stack of ["alpha", "beta"]) {
      await pulumi("stack", "init", stack);
      await pulumi("config", "set", "hasura:endpoint", server.url, "--stack", stack);
      await pulumi("config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack);
      await pulumi("config", "set", "drift:part", stack, "--stack", stack);
      await pulumi("up", "--yes", "--stack", stack);
    }

    // Changed: a join field more, on a table; a relationship type, on a remote schema's type.
    await admin({
      type: "pg_update_remote_relationship",
      args: {
        source: "default",
        table: { schema: "public", name: "profiles" },
        name: "changedByHand",
        definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "name"], remote_field: userField } },
      },
    });
    await admin({
      type: "update_remote_schema_remote_relationship",
      args: {
        remote_schema: "user",
        type_name: "User",
        name: "albums",
        definition: {
          to_source: { relationship_type: "object", source: "target", table: { schema: "hasura", name: "album" }, field_mapping: { id: "artist_id" } },
        },
      },
    });
    // Deleted, on the second source.
    await admin({ type: "pg_delete_remote_relationship", args: { source: "target", table: { schema: "hasura", name: "album" }, name: "deletedByHand" } });
    // The same join written again in the legacy format, through the old API: no drift.
    await admin({ type: "delete_remote_relationship", args: { table: { schema: "custom", name: "profiles" }, name: "rewrittenLegacy" } }, "/v1/query");
    await admin(
      {
        type: "create_remote_relationship",
        args: {
          table: { schema: "custom", name: "profiles" },
          name: "rewrittenLegacy",
          hasura_fields: ["id"],
          remote_schema: "my-remote-schema",
          remote_field: { message: { arguments: { id: "$id" } } },
        },
      },
      "/v1/query",
    );
    // Inconsistent: the remote schema changed under it, and Hasura looked again.
    server.setRemoteSchemaSdl("prefixer-proxy", renamedProxySdl);
    await admin({ type: "reload_metadata", args: {} });
    const inconsistent = (await admin({ type: "get_inconsistent_metadata", args: {} })) as { inconsistent_objects: { reason: string }[] };
    proxiedReason = inconsistent.inconsistent_objects[0]?.reason ?? "";
    // Unmanaged: added in the console, one in each stored format and of each resource kind.
    await admin(
      {
        type: "create_remote_relationship",
        args: { table: "profiles", name: "strayLegacy", hasura_fields: ["name", "id"], remote_schema: "user", remote_field: userField },
      },
      "/v1/query",
    );
    await admin({
      type: "pg_create_remote_relationship",
      args: {
        source: "target",
        table: { schema: "hasura", name: "album" },
        name: "strayProfile",
        definition: {
          to_source: { relationship_type: "object", source: "default", table: { schema: "public", name: "profiles" }, field_mapping: { artist_id: "id" } },
        },
      },
    });
    await admin({
      type: "create_remote_schema_remote_relationship",
      args: {
        remote_schema: "user",
        type_name: "User",
        name: "strayMessages",
        definition: { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id: "$id" } } } } },
      },
    });
    // Not beside the program: its require("./alpha") would load alpha.json before alpha.ts.
    mkdirSync(path.join(project.dir, "states"));
    for (const stack of ["alpha", "beta"]) writeFileSync(path.join(project.dir, "states", `${stack}.json`), await project.exportText(stack));
  });
  after(async () => {
    await server?.stop();
  });

  it("Hasura holds what the scenario says: one inconsistent relationship, and the legacy format where it was written so", () => {
    assert.match(proxiedReason, /^Inconsistent object: in table "profiles": in remote relationship "proxied": /);
    const metadata = server.exportMetadata();
    const custom = metadata.sources[0].tables.find((table) => (table.table as { schema: string }).schema === "custom");
    assert.deepEqual(Object.keys(custom?.remote_relationships?.[0].definition ?? {}).sort(), ["hasura_fields", "remote_field", "remote_schema"]);
  });

  it("reports every relationship from the states' files as a short table grouped by status, and exits 7", async () => {
    const result = await drift(["--endpoint", server.url, "--state", "states/alpha.json", "--state", "states/beta.json"]);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(result.stderr, "");
    const [heading, ...lines] = result.stdout.split("\n");
    assert.match(
      heading,
      new RegExp(`^Drift of the Hasura at ${server.url} \\(Hasura v[^,]+, /v1/metadata\\) against stacks alpha and beta: 11 remote relationships\\.$`),
    );
    const expected = [
      "",
      "  in sync       4",
      "  changed       2",
      "  deleted       1",
      "  inconsistent  1",
      "  unmanaged     3",
      "",
      "changed (2): Hasura holds another definition than the stack's (the stack's => Hasura's)",
      "  remote relationship         default/public/profiles/changedByHand  stack alpha",
      '      hasuraFields: ["id"] => ["id","name"]',
      "  remote schema relationship  user/User/albums                       stack beta",
      '      toSource.relationshipType: "array" => "object"',
      "",
      "deleted (1): a stack manages it, Hasura no longer holds it",
      "  remote relationship         target/hasura/album/deletedByHand      stack alpha",
      "",
      "inconsistent (1): Hasura holds it but cannot build it",
      "  remote relationship         default/public/profiles/proxied        stack alpha",
      `      ${proxiedReason}`,
      "",
      "unmanaged (3): Hasura holds it, no given stack manages it",
      "  remote relationship         default/public/profiles/strayLegacy",
      "  remote relationship         target/hasura/album/strayProfile",
      "  remote schema relationship  user/User/strayMessages",
      "",
      "To repair:",
      "  changed, deleted: run `pulumi up --refresh --stack alpha` and `pulumi up --refresh --stack beta` to write what the programs declare (or `pulumi refresh`, then change the program to keep what Hasura holds).",
      "  inconsistent, managed: fix the program so that Hasura can build it (`pulumi preview --stack alpha` shows Hasura's reason at the property), then `pulumi up`.",
      `  unmanaged: adopt them with \`npx ${bin} drift --endpoint ${server.url} --state states/alpha.json --state states/beta.json --emit-declarations > adopted.ts\`, import that file from the program, then run \`pulumi up\` (it writes nothing to Hasura); or delete them in Hasura.`,
      "",
    ];
    assert.deepEqual(lines, expected);
    assert.equal(result.stdout.includes(conformanceSecret), false);
  });

  it("--json, with the states from `pulumi stack export` run by drift itself: one record per relationship with its ID and status", async () => {
    const result = await drift(["--endpoint", server.url, "--stack", "alpha", "--stack", "beta", "--json"]);
    assert.equal(result.code, 7, result.stderr);
    const json = JSON.parse(result.stdout) as DriftJson;
    assert.deepEqual(Object.fromEntries(json.relationships.map((record) => [record.id, record.status])), driftedStatuses);
    const byId = new Map(json.relationships.map((record) => [record.id, record]));
    assert.deepEqual(byId.get("user/User/albums")?.differences, [{ path: "toSource.relationshipType", state: "array", hasura: "object" }]);
    assert.deepEqual(byId.get("user/User/albums")?.managedBy, [{ stack: "beta", resource: "user-albums" }]);
    assert.equal(byId.get("default/public/profiles/proxied")?.reason, proxiedReason);
    assert.deepEqual(
      json.relationships.map((record) => record.kind),
      [...Array(8).fill("RemoteRelationship"), ...Array(3).fill("RemoteSchemaRelationship")],
    );
    assert.equal(result.stdout.includes(conformanceSecret), false);
  });

  it("looks only where --source, --table and --remote-schema say", async () => {
    const ids = async (...scope: string[]) => {
      const result = await drift(["--endpoint", server.url, "--state", "states/alpha.json", "--state", "states/beta.json", "--json", ...scope]);
      return (JSON.parse(result.stdout) as DriftJson).relationships.map((record) => `${record.id} ${record.status}`);
    };
    assert.deepEqual(await ids("--source", "target"), ["target/hasura/album/deletedByHand deleted", "target/hasura/album/strayProfile unmanaged"]);
    assert.deepEqual(await ids("--table", "custom.profiles"), ["default/custom/profiles/rewrittenLegacy in-sync"]);
    assert.deepEqual(await ids("--remote-schema", "user"), ["user/User/albums changed", "user/User/sameUser in-sync", "user/User/strayMessages unmanaged"]);
    const inSync = await drift(["--endpoint", server.url, "--state", "states/alpha.json", "--table", "custom.profiles"]);
    assert.equal(inSync.code, 0, inSync.stdout);
  });

  it("a wrong admin secret and an unreachable Hasura are one line with the fix, and exit 1", async () => {
    const refused = await drift(["--endpoint", server.url, "--state", "states/alpha.json"], "wrong-secret");
    assert.deepEqual([refused.code, refused.stdout], [1, ""]);
    assert.equal(
      refused.stderr,
      `Hasura at ${server.url} refused the admin secret (invalid x-hasura-admin-secret/x-hasura-access-key). Set HASURA_GRAPHQL_ADMIN_SECRET to the admin secret this Hasura runs with, and run again.\n`,
    );
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await drift(["--endpoint", endpoint, "--state", "states/alpha.json"]);
    assert.deepEqual([unreachable.code, unreachable.stdout], [1, ""]);
    assert.match(
      unreachable.stderr,
      new RegExp(
        `^Cannot reach Hasura at ${endpoint} \\(.*ECONNREFUSED.*\\)\\. Check --endpoint \\(Hasura's base URL, such as http://localhost:8080\\) and that Hasura is running\\.\\n$`,
      ),
    );
    const missing = await drift(["--endpoint", server.url, "--stack", "gamma"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^`pulumi stack export --stack gamma` failed: .*no stack named 'gamma' found.* Run drift in the Pulumi project's folder/);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
  });

  it("after `pulumi up --refresh` repairs the managed drift, --emit-declarations writes the strays' declarations, which compile and are adopted by one `pulumi up` with no write; then all is in sync", async () => {
    await pulumi("config", "set", "drift:proxyField", "prefixer_proxy_message", "--stack", "alpha");
    await pulumi("up", "--refresh", "--yes", "--stack", "alpha");
    await pulumi("up", "--refresh", "--yes", "--stack", "beta");
    const repaired = await drift(["--endpoint", server.url, "--stack", "alpha", "--stack", "beta", "--json"]);
    assert.deepEqual(
      (JSON.parse(repaired.stdout) as DriftJson).relationships.filter((record) => record.status !== "in-sync").map((record) => `${record.id} ${record.status}`),
      ["default/public/profiles/strayLegacy unmanaged", "target/hasura/album/strayProfile unmanaged", "user/User/strayMessages unmanaged"],
    );

    const emitted = await drift(["--endpoint", server.url, "--stack", "alpha", "--stack", "beta", "--emit-declarations"]);
    assert.equal(emitted.code, 7);
    assert.match(emitted.stderr, /\n {2}unmanaged {5}3\n/);
    assert.match(emitted.stdout, /^import \{ RemoteRelationship, RemoteSchemaRelationship \} from "pulumi-hasura-remote-relationships";$/m);
    assert.deepEqual(
      [...emitted.stdout.matchAll(/\{ import: "([^"]+)" \}/g)].map((match) => match[1]),
      ["default/public/profiles/strayLegacy", "target/hasura/album/strayProfile", "user/User/strayMessages"],
    );
    writeFileSync(path.join(project.dir, "adopted.ts"), emitted.stdout);
    appendFileSync(path.join(project.dir, "alpha.ts"), 'import "./adopted";\n');
    await project.run("node", [path.join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."]);

    const before = writesOf(server);
    const metadataBefore = server.exportMetadata();
    const up = await pulumi("up", "--yes", "--stack", "alpha");
    assert.match(up.stdout, /3 imported|\+ 3 (created|imported)/);
    assert.deepEqual(writeDelta(before, writesOf(server)), {});
    assert.deepEqual(server.exportMetadata(), metadataBefore);

    const clean = await drift(["--endpoint", server.url, "--stack", "alpha", "--stack", "beta"]);
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /\n {2}in sync {7}11\n[^]*\nEverything is in sync\.\n$/);
    assert.equal(readFileSync(path.join(project.dir, "adopted.ts"), "utf8").includes(conformanceSecret), false);
  });
});

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
