import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { providerModuleText } from "../../provider/handle";
import { repoRoot } from "../../scripts/pulumiCli";
import { tempDir } from "../../scripts/localStack";
import { startHasuraServer, type RunningHasuraServer } from "../../server";
import { relationshipsOn } from "../support/localHasura";
import { createUserProject, loadRecorder, packPackage, projectDevDependencies, type PackedPackage, type UserProject } from "../support/userProject";

const packageName = "pulumi-hasura-remote-relationships";
const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** The oldest @pulumi/pulumi the peer range allows: the project installs exactly that, so the range's floor is what runs. */
const pulumiFloor = /^>=(\d+\.\d+\.\d+)/.exec(manifest.peerDependencies["@pulumi/pulumi"])?.[1] ?? "missing";
const users = { schema: "public", name: "users" };
const adminSecret = "packed-admin-secret-3e8d";

/**
 * The package as a user gets it: `npm pack`, installed into a project of its own (examples/your-project)
 * beside the oldest `@pulumi/pulumi` its peer range allows, and run by the Pulumi CLI and its Node.js
 * language host there: up, refresh, preview, destroy, with Hasura checked after each.
 */
describe("the packed package, installed in a project of its own and run by the Pulumi CLI", () => {
  let server: RunningHasuraServer;
  let packed: PackedPackage;
  let project: UserProject;
  let metadataBefore: unknown;
  const recorder = loadRecorder(tempDir("loads"));

  before(async () => {
    server = await startHasuraServer({ environment: path.join(repoRoot, "examples", "environment", "environment.yaml"), adminSecret });
    metadataBefore = server.exportMetadata();
    packed = await packPackage();
    project = await createUserProject({
      from: path.join(repoRoot, "examples", "your-project"),
      install: [packed.tarball, `@pulumi/pulumi@${pulumiFloor}`, ...projectDevDependencies],
      env: { NODE_OPTIONS: recorder.nodeOptions },
    });
    console.log(
      `npm pack: ${packed.seconds.toFixed(1)} s, ${packed.files.length} files, ${packed.size} bytes (${packed.unpackedSize} unpacked); npm install: ${project.installSeconds.toFixed(1)} s`,
    );
  });
  after(async () => {
    await project?.pulumi(["destroy", "--yes", "--stack", "dev"], { allowFailure: true });
    await server?.stop();
  });

  it("npm pack holds the built package and nothing else: no sources, tests, server or scripts", () => {
    const outside = packed.files.filter(
      (file) => !/^(package\.json|README\.md|docs\/troubleshooting\.md|dist\/(index|(sdk|provider|model|generator)\/.+)\.(js|d\.ts))$/.test(file),
    );
    assert.deepEqual(outside, []);
    for (const needed of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/provider/index.js",
      "dist/sdk/remoteRelationship.d.ts",
      "dist/model/index.js",
      "dist/generator/cli.js",
    ]) {
      assert.ok(packed.files.includes(needed), `${needed} is missing from the tarball`);
    }
  });

  it("every require in the packed code is a packed file, a dependency, the peer @pulumi/pulumi, or Node's own", () => {
    const root = path.join(project.dir, "node_modules", packageName);
    const allowed = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), ...builtinModules]);
    // In a provider host, the engine's gRPC stubs and grpc-js are required as the host's own @pulumi/pulumi resolves them (engineHost.require).
    const fromPulumi = createRequire(path.join(project.dir, "node_modules", "@pulumi", "pulumi", "package.json"));
    const problems: string[] = [];
    for (const file of packed.files.filter((name) => name.endsWith(".js"))) {
      for (const [, member, request] of readFileSync(path.join(root, file), "utf8").matchAll(/(\.)?require\("([^"]+)"\)/g)) {
        if (member !== undefined) {
          try {
            fromPulumi.resolve(request);
          } catch {
            problems.push(`${file}: ${request} (not found from @pulumi/pulumi)`);
          }
        } else if (request.startsWith(".")) {
          const target = path.posix.join(path.posix.dirname(file), request);
          if (![`${target}.js`, `${target}/index.js`, target].some((candidate) => packed.files.includes(candidate))) problems.push(`${file}: ${request}`);
        } else if (!allowed.has(request.replace(/^node:/, "")) && !allowed.has(packageRoot(request))) problems.push(`${file}: ${request}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("installs with one copy of @pulumi/pulumi (the project's), no Node.js binary and no install script", () => {
    const installed = JSON.parse(readFileSync(path.join(project.dir, "node_modules", packageName, "package.json"), "utf8")) as Record<string, unknown>;
    assert.equal(installed.private, undefined);
    assert.equal(installed.optionalDependencies, undefined);
    assert.deepEqual(installed.dependencies, manifest.dependencies);
    assert.equal((installed.dependencies as Record<string, string>)["@pulumi/pulumi"], undefined);
    const scripts = installed.scripts as Record<string, string>;
    assert.deepEqual(
      ["preinstall", "install", "postinstall", "prepare"].filter((name) => name in scripts),
      [],
    );
    assert.deepEqual(copiesOf(path.join(project.dir, "node_modules"), "@pulumi/pulumi"), [path.join(project.dir, "node_modules", "@pulumi", "pulumi")]);
    assert.equal(existsSync(path.join(project.dir, "node_modules", ".bin", "node")), false);
    assert.deepEqual(
      readdirSync(path.join(project.dir, "node_modules")).filter((name) => /^node-(linux|darwin|win)/.test(name)),
      [],
    );
  });

  it("its type declarations compile a strict program with the project's own TypeScript (skipLibCheck off)", async () => {
    const result = await project.run("node", [path.join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."]);
    assert.equal(result.stdout, "");
  });

  it("up creates the relationships; the state refers to the package by name, and the installed copy is what ran", async () => {
    await project.pulumi(["stack", "init", "dev"]);
    await project.pulumi(["config", "set", "hasura:endpoint", server.url, "--stack", "dev"]);
    await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", adminSecret, "--stack", "dev"]);
    await project.pulumi(["up", "--yes", "--stack", "dev"]);
    assert.deepEqual(Object.keys(relationshipsOn(server, users)).sort(), ["messages", "team"]);

    const state = JSON.parse(await project.exportText("dev")) as {
      deployment: { resources: { type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[] };
    };
    const relationships = state.deployment.resources.filter((resource) => resource.type.endsWith("hasura:RemoteRelationship"));
    assert.equal(relationships.length, 2);
    const expected = providerModuleText("remoteRelationshipProvider", `${packageName}/dist/provider/index.js`);
    for (const resource of relationships) assert.deepEqual([resource.inputs.__provider, resource.outputs.__provider], [expected, expected]);

    const installedCopy = path.join(project.dir, "node_modules", packageName, "dist");
    const loads = recorder.loads();
    assert.deepEqual(
      loads.filter((load) => !load.file.startsWith(installedCopy + path.sep)),
      [],
      "a copy other than the installed one was loaded",
    );
    const hosts = new Set(loads.filter((load) => load.file.endsWith(path.join("provider", "index.js"))).map((load) => load.main));
    assert.ok(hosts.has(path.join(project.dir, "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js")), [...hosts].join(", "));
  });

  it("refresh and preview find nothing to change, and Hasura is untouched by them", async () => {
    const held = server.exportMetadata();
    await project.pulumi(["refresh", "--yes", "--expect-no-changes", "--stack", "dev"]);
    await project.pulumi(["preview", "--expect-no-changes", "--stack", "dev"]);
    assert.deepEqual(server.exportMetadata(), held);
  });

  it("the admin secret is nowhere in the exported state, the CLI's output or Pulumi.dev.yaml, which holds it encrypted", async () => {
    const stackConfig = readFileSync(path.join(project.dir, "Pulumi.dev.yaml"), "utf8");
    assert.match(stackConfig, /hasura:adminSecret:\s+secure: /);
    const texts = [await project.exportText("dev"), stackConfig, ...project.output];
    assert.deepEqual(
      texts.filter((text) => text.includes(adminSecret)),
      [],
    );
  });

  it("destroy removes them, leaving Hasura's metadata as it was", async () => {
    await project.pulumi(["destroy", "--yes", "--stack", "dev"]);
    assert.deepEqual(relationshipsOn(server, users), {});
    assert.deepEqual(server.exportMetadata(), metadataBefore);
  });
});

/** `@scope/name` or `name` of a bare require such as `zod/v4` or `@pulumi/pulumi/dynamic`. */
function packageRoot(request: string): string {
  const parts = request.split("/");
  return request.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every folder under `nodeModules` (at any depth) that holds the package `name`. */
function copiesOf(nodeModules: string, name: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    if (existsSync(path.join(dir, name, "package.json"))) found.push(path.join(dir, name));
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === ".bin") continue;
      const child = path.join(dir, entry.name);
      if (entry.name.startsWith("@")) {
        for (const scoped of readdirSync(child)) {
          if (existsSync(path.join(child, scoped, "node_modules"))) visit(path.join(child, scoped, "node_modules"));
        }
      } else if (existsSync(path.join(child, "node_modules"))) visit(path.join(child, "node_modules"));
    }
  };
  visit(nodeModules);
  return found;
}
