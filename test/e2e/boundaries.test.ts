/**
 * Issue 19 and issue 16's credentials item, through the Pulumi CLI on the packed package, as an attacker,
 * a black-holed network and a killed CI job would meet them: the admin secret reaches only the Hasura it
 * belongs to; refused credentials fail a preview; a Hasura that never answers holds a preview for one
 * short deadline, whatever the number of relationships; a provider whose CLI was killed sends nothing
 * more and ends. One project, a stack per concern.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { tempDir } from "../../scripts/localStack";
import { repoRoot } from "../../scripts/pulumiCli";
import type { RunningHasuraServer } from "../../server";
import { writeDelta, writesOf } from "../support/e2e";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";
import { startGateProxy, type GateProxy } from "../support/gateProxy";
import { commandOf, descendantsOf, isAlive, killAll } from "../support/processTree";
import { startScriptedHasura, type ScriptedHasura } from "../support/scriptedHasura";
import { createUserProject, packPackage, projectDevDependencies, type CommandResult, type UserProject } from "../support/userProject";

const profiles = { schema: "public", name: "profiles" };

describe("endpoints, secrets and waits, through the Pulumi CLI", () => {
  let project: UserProject;
  let home: RunningHasuraServer;
  const pulumi = (stack: string, ...args: string[]) => project.pulumi([...args, "--stack", stack], { allowFailure: true });
  const relationships = (stack: string, specs: readonly { name: string; endpoint?: string }[]) =>
    project.pulumi(["config", "set", "probe:relationships", JSON.stringify(specs), "--stack", stack]);
  const output = (result: CommandResult) => `${result.stdout}\n${result.stderr}`;

  before(async () => {
    home = await startConformanceHasura();
    const from = programFolder();
    const packed = await packPackage();
    project = await createUserProject({ from, install: [packed.tarball, "@pulumi/pulumi@3.270.0", ...projectDevDependencies] });
  });
  after(async () => {
    await home?.stop();
  });

  describe("the admin secret goes only to the Hasura it belongs to", () => {
    let second: RunningHasuraServer;
    let listener: ScriptedHasura;
    const stack = "secrets";
    before(async () => {
      second = await startConformanceHasura({ adminSecret: "second-hasura-secret" });
      listener = await startScriptedHasura(() => ({ status: 404, body: "{}" }));
      await project.pulumi(["stack", "init", stack]);
      await project.pulumi(["config", "set", "hasura:endpoint", home.url, "--stack", stack]);
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack]);
    });
    after(async () => {
      await pulumi(stack, "destroy", "--yes");
      await second?.stop();
      await listener?.stop();
    });

    it("a resource naming another endpoint fails preview on endpoint with the fix, and that endpoint is sent nothing", async () => {
      await relationships(stack, [{ name: "leak", endpoint: listener.url }]);
      const result = await pulumi(stack, "preview");
      assert.notEqual(result.code, 0, output(result));
      assert.match(
        output(result),
        new RegExp(
          `No admin secret is configured for Hasura at ${listener.url}: the stack's admin secret \\(hasura:adminSecret\\) is sent only to hasura:endpoint`,
        ),
      );
      assert.match(output(result), /pulumi config set --secret --path 'hasura:adminSecrets\["http:\/\/127\.0\.0\.1:\d+"\]' <its admin secret>/);
      assert.deepEqual(listener.secretsSeen, []);
    });

    it("an endpoint edited into the state is sent nothing at the next refresh, which fails with the fix", async () => {
      await relationships(stack, [{ name: "home" }]);
      const up = await pulumi(stack, "up", "--yes");
      assert.equal(up.code, 0, output(up));
      const original = await project.exportText(stack);
      const edited = JSON.parse(original) as { deployment: { resources: { id?: string; inputs?: { endpoint?: string }; outputs?: { endpoint?: string } }[] } };
      const resource = edited.deployment.resources.find((candidate) => candidate.id === "default/public/profiles/home");
      assert.ok(resource?.inputs && resource.outputs);
      resource.inputs.endpoint = listener.url;
      resource.outputs.endpoint = listener.url;
      const file = path.join(project.dir, "edited-state.json");
      writeFileSync(file, JSON.stringify(edited));
      await project.pulumi(["stack", "import", "--file", file, "--stack", stack]);
      try {
        const refresh = await pulumi(stack, "refresh", "--yes");
        assert.notEqual(refresh.code, 0, output(refresh));
        assert.match(output(refresh), new RegExp(`No admin secret is configured for Hasura at ${listener.url}`));
        assert.deepEqual(listener.secretsSeen, []);
      } finally {
        writeFileSync(file, original);
        await project.pulumi(["stack", "import", "--file", file, "--stack", stack]);
      }
    });
    it("another Hasura with its own secret in hasura:adminSecrets gets that secret: up creates at each Hasura", async () => {
      await relationships(stack, [{ name: "home" }, { name: "away", endpoint: second.url }]);
      await project.pulumi(["config", "set", "--secret", "--path", `hasura:adminSecrets["${second.url}"]`, "second-hasura-secret", "--stack", stack]);
      const up = await pulumi(stack, "up", "--yes");
      assert.equal(up.code, 0, output(up));
      assert.deepEqual(Object.keys(relationshipsOn(home, profiles)), ["home"]);
      assert.deepEqual(Object.keys(relationshipsOn(second, profiles)), ["away"]);
    });
  });

  describe("credentials are configuration errors at preview", () => {
    const stack = "credentials";
    before(async () => {
      await project.pulumi(["stack", "init", stack]);
      await project.pulumi(["config", "set", "hasura:endpoint", home.url, "--stack", stack]);
      await relationships(stack, [{ name: "first" }, { name: "second" }]);
    });

    it("a wrong admin secret fails preview with the fix, never the secret", async () => {
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", "wrong-secret-value", "--stack", stack]);
      const result = await pulumi(stack, "preview");
      assert.notEqual(result.code, 0, output(result));
      assert.match(
        output(result),
        /refused the admin secret from hasura:adminSecret \(invalid x-hasura-admin-secret\/x-hasura-access-key\)\. Set the one this Hasura runs with: `pulumi config set --secret hasura:adminSecret <its admin secret>`/,
      );
      assert.equal(output(result).includes("wrong-secret-value"), false);
      assert.deepEqual(
        diagnostics(result).filter((line) => line.startsWith("warning:")),
        [],
      );
    });

    it("a missing admin secret fails preview the same way", async () => {
      await project.pulumi(["config", "rm", "hasura:adminSecret", "--stack", stack]);
      const result = await pulumi(stack, "preview");
      assert.notEqual(result.code, 0, output(result));
      assert.match(
        output(result),
        /needs an admin secret, and none is configured for it \(x-hasura-admin-secret\/x-hasura-access-key required, but not found\)/,
      );
    });

    it("an empty admin secret is reported as empty", async () => {
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", "", "--stack", stack]);
      const result = await pulumi(stack, "preview");
      assert.notEqual(result.code, 0, output(result));
      assert.match(output(result), /The admin secret in hasura:adminSecret is empty/);
      assert.doesNotMatch(output(result), /not found/);
    });
  });

  describe("a Hasura that accepts connections and never answers", () => {
    const stack = "silent";
    let silent: GateProxy;
    before(async () => {
      silent = await startGateProxy(home.url);
      silent.mode = { kind: "silent" };
      await project.pulumi(["stack", "init", stack]);
      await project.pulumi(["config", "set", "hasura:endpoint", silent.url, "--stack", stack]);
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack]);
      await project.pulumi(["config", "set", "hasura:checkTimeoutMs", "1000", "--stack", stack]);
      // Bounds today's code too, whose check waits the writes' deadline once per relationship.
      await project.pulumi(["config", "set", "hasura:requestTimeoutMs", "3000", "--stack", stack]);
      await relationships(stack, [{ name: "silentOne" }, { name: "silentTwo" }, { name: "silentThree" }]);
    });
    after(() => silent?.stop());

    it("holds a preview of three relationships for one check deadline: one request, one warning that says how long it waited", async () => {
      const result = await pulumi(stack, "preview");
      assert.equal(result.code, 0, output(result));
      assert.equal(silent.seen.length, 1, JSON.stringify(silent.seen));
      const warnings = diagnostics(result).filter((line) => line.startsWith("warning: "));
      assert.equal(warnings.length, 1, output(result));
      assert.match(warnings[0], new RegExp(`Hasura at ${silent.url}.*within 1000 ms \\(hasura:checkTimeoutMs\\)`));
    });
  });

  describe("a refresh through a server that lags behind the endpoint", () => {
    const stack = "replica";
    let replica: GateProxy;
    before(async () => {
      replica = await startGateProxy(home.url);
      await project.pulumi(["stack", "init", stack]);
      await project.pulumi(["config", "set", "hasura:endpoint", replica.url, "--stack", stack]);
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack]);
      await relationships(stack, [{ name: "replicaOne" }, { name: "replicaTwo" }, { name: "replicaThree" }]);
    });
    after(async () => {
      replica.mode = { kind: "pass" };
      await pulumi(stack, "destroy", "--yes");
      await replica?.stop();
    });

    it("keeps every relationship when one export lacks them all: it reads again before it believes", async () => {
      const lagging = JSON.stringify(await hasuraCall(home.url, conformanceSecret, { type: "export_metadata", version: 2, args: {} }));
      const up = await pulumi(stack, "up", "--yes");
      assert.equal(up.code, 0, output(up));
      replica.mode = { kind: "stale", body: lagging, times: 1 };
      const refresh = await pulumi(stack, "refresh", "--yes");
      assert.equal(refresh.code, 0, output(refresh));
      const state = JSON.parse(await project.exportText(stack)) as { deployment: { resources: { id?: string }[] } };
      assert.deepEqual(
        state.deployment.resources
          .map((resource) => resource.id)
          .filter((id) => id?.startsWith("default/"))
          .sort(),
        ["default/public/profiles/replicaOne", "default/public/profiles/replicaThree", "default/public/profiles/replicaTwo"],
      );
    });
  });

  describe("a provider whose CLI was killed", { skip: !existsSync("/proc/self/stat") && "needs /proc" }, () => {
    const stack = "orphan";
    let left: number[] = [];
    before(async () => {
      await project.pulumi(["stack", "init", stack]);
      await project.pulumi(["config", "set", "hasura:endpoint", home.url, "--stack", stack]);
      await project.pulumi(["config", "set", "--secret", "hasura:adminSecret", conformanceSecret, "--stack", stack]);
      // The batch waits a minute for more changes: the CLI is killed while the provider holds it.
      await project.pulumi(["config", "set", "hasura:batchWindowMs", "60000", "--stack", stack]);
      await relationships(stack, [{ name: "orphanOne" }, { name: "orphanTwo" }]);
    });
    // The language host is Pulumi's, and asks after its engine only every five minutes: end what the test started.
    after(() => killAll(left));

    it("sends nothing more and ends, instead of writing the batch it held after the CLI is gone", async () => {
      const writesBefore = writesOf(home);
      const { child: cli } = project.start(["up", "--yes", "--skip-preview", "--stack", stack]);
      const pid = cli.pid;
      assert.ok(pid !== undefined);
      let printed = "";
      cli.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
      await waitFor(
        () => (printed.match(/creating/g) ?? []).length >= 2 && providerHosts(pid).length > 0,
        120_000,
        () => printed,
      );
      left = descendantsOf(pid);
      const hosts = providerHosts(pid);
      assert.equal(hosts.length, 1, left.map((id) => commandOf(id)).join("\n"));
      cli.kill("SIGKILL");
      await waitFor(
        () => !isAlive(hosts[0]),
        60_000,
        () => `provider host still running: ${statusOf(hosts[0])}`,
      );
      assert.deepEqual(writeDelta(writesBefore, writesOf(home)), {});
      assert.deepEqual(relationshipsOn(home, profiles), {});
    });
  });
});

/** The lines of the engine's Diagnostics summary, trimmed: each diagnostic the run showed, once as the engine lists them. */
function diagnostics(result: CommandResult): string[] {
  const lines = result.stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("Diagnostics:"));
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return start < 0
    ? []
    : lines
        .slice(start + 1, end < 0 ? undefined : end)
        .map((line) => line.trim())
        .filter((line) => line !== "");
}

/** A process's state and parent, as /proc/PID/status says, for a failure message. */
function statusOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .filter((line) => /^(Pid|PPid|State|Threads):/.test(line))
      .join(", ");
  } catch {
    return `${pid} gone`;
  }
}

/** The ids of the dynamic provider hosts running under `pid` now. */
function providerHosts(pid: number): number[] {
  return descendantsOf(pid).filter((id) => /dynamic-provider/.test(commandOf(id) ?? ""));
}

/** Waits until `done()` holds, looking every 200 ms, for at most `limitMs`; fails with `describe()` after that. */
async function waitFor(done: () => boolean, limitMs: number, describe: () => string): Promise<void> {
  for (let waited = 0; !done(); waited += 200) {
    if (waited >= limitMs) assert.fail(`still waiting after ${limitMs} ms: ${describe()}`);
    await sleep(200);
  }
}

/** The project's folder: Pulumi.yaml, package.json, the example's tsconfig.json and a program driven by `probe:relationships`. */
function programFolder(): string {
  const dir = path.join(tempDir("boundaries-program"), "boundaries");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: boundaries\nruntime: nodejs\n");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "boundaries", private: true, main: "index.ts" }));
  copyFileSync(path.join(repoRoot, "examples", "your-project", "tsconfig.json"), path.join(dir, "tsconfig.json"));
  writeFileSync(
    path.join(dir, "index.ts"),
    [
      'import * as pulumi from "@pulumi/pulumi";',
      'import { RemoteRelationship } from "pulumi-hasura-remote-relationships";',
      "",
      'const specs = new pulumi.Config("probe").getObject<{ name: string; endpoint?: string }[]>("relationships") ?? [];',
      "export const ids = specs.map(",
      "  (spec) =>",
      "    new RemoteRelationship(spec.name, {",
      '      name: spec.name, table: "profiles", hasuraFields: ["id"], remoteSchema: "user",',
      '      remoteField: { user: { arguments: { id: "$id" } } },',
      "      ...(spec.endpoint ? { endpoint: spec.endpoint } : {}),",
      "    }).id,",
      ");",
      "",
    ].join("\n"),
  );
  return dir;
}
