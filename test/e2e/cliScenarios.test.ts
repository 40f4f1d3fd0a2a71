import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { repoRoot } from "../../scripts/pulumiCli";
import { startHasuraServer, type RunningHasuraServer } from "../../server";
import { relationshipsOn } from "../support/localHasura";
import { createUserProject, packPackage, projectDevDependencies, type UserProject } from "../support/userProject";

const environment = path.join(repoRoot, "examples", "environment", "environment.yaml");
const users = { schema: "public", name: "users" };
const secrets = { dev: "cli-dev-secret-71c2", prod: "cli-prod-secret-0b5d" };
const messagesByUser = {
  to_remote_schema: { remote_schema: "messages", lhs_fields: ["id"], remote_field: { messagesByUser: { arguments: { userId: "$id" } } } },
};
const team = { to_remote_schema: { remote_schema: "teams", lhs_fields: ["team_id"], remote_field: { team: { arguments: { id: "$team_id" } } } } };

/**
 * The lifecycle, drift, multi-stack and secrecy scenarios as a user runs them: a project folder
 * (examples/your-project, with the packed package installed), one `Pulumi.<stack>.yaml` per stack made
 * by `pulumi config set`, and every command through the CLI with `--stack`. The Automation API tests
 * (lifecycle, drift, stacks) cover the same ground in more detail.
 */
describe("through the Pulumi CLI, two stacks of one project, each with its own Hasura", () => {
  const servers: Partial<Record<"dev" | "prod", RunningHasuraServer>> = {};
  let project: UserProject;
  const pulumi = (...args: string[]) => project.pulumi(args);
  const server = (stack: "dev" | "prod") => servers[stack] as RunningHasuraServer;

  before(async () => {
    servers.dev = await startHasuraServer({ environment, adminSecret: secrets.dev });
    servers.prod = await startHasuraServer({ environment, adminSecret: secrets.prod });
    const packed = await packPackage();
    project = await createUserProject({
      from: path.join(repoRoot, "examples", "your-project"),
      install: [packed.tarball, "@pulumi/pulumi@3.270.0", ...projectDevDependencies],
    });
    for (const stack of ["dev", "prod"] as const) {
      await pulumi("stack", "init", stack);
      await pulumi("config", "set", "hasura:endpoint", server(stack).url, "--stack", stack);
      await pulumi("config", "set", "--secret", "hasura:adminSecret", secrets[stack], "--stack", stack);
    }
  });
  after(async () => {
    for (const stack of ["dev", "prod"]) await project?.pulumi(["destroy", "--yes", "--stack", stack], { allowFailure: true });
    for (const running of Object.values(servers)) await running.stop();
  });

  it("keeps each stack's endpoint and encrypted secret in its Pulumi.<stack>.yaml", () => {
    for (const stack of ["dev", "prod"] as const) {
      const config = readFileSync(path.join(project.dir, `Pulumi.${stack}.yaml`), "utf8");
      assert.match(config, new RegExp(`hasura:endpoint: ${server(stack).url}`));
      assert.match(config, /hasura:adminSecret:\s+secure: /);
      assert.equal(config.includes(secrets[stack]), false);
    }
  });

  it("up --stack dev and up --stack prod each create the relationships in their own Hasura; refresh then finds no changes", async () => {
    assert.deepEqual(await previewSummary("dev"), { create: 3 });
    await pulumi("up", "--yes", "--stack", "dev");
    assert.deepEqual(relationshipsOn(server("prod"), users), {});
    await pulumi("up", "--yes", "--stack", "prod");
    for (const stack of ["dev", "prod"] as const) assert.deepEqual(relationshipsOn(server(stack), users), { messages: messagesByUser, team });
    await pulumi("refresh", "--yes", "--expect-no-changes", "--stack", "dev");
  });

  it("a new remoteField is an update in place in dev only", async () => {
    await pulumi("config", "set", "relationships:messagesQuery", "filter", "--stack", "dev");
    assert.deepEqual(await previewSummary("dev"), { same: 2, update: 1 });
    await pulumi("up", "--yes", "--stack", "dev");
    assert.deepEqual(relationshipsOn(server("dev"), users).messages, {
      to_remote_schema: {
        remote_schema: "messages",
        lhs_fields: ["id"],
        remote_field: { messages: { arguments: { limit: 20, where: { userId: { eq: "$id" } } } } },
      },
    });
    assert.deepEqual(relationshipsOn(server("prod"), users).messages, messagesByUser);
  });

  it("a new name is a replacement: afterwards only the new relationship exists", async () => {
    await pulumi("config", "set", "relationships:messagesName", "userMessages", "--stack", "dev");
    assert.deepEqual(await previewSummary("dev"), { same: 2, replace: 1 });
    await pulumi("up", "--yes", "--stack", "dev");
    assert.deepEqual(Object.keys(relationshipsOn(server("dev"), users)).sort(), ["team", "userMessages"]);
    await pulumi("preview", "--expect-no-changes", "--stack", "dev");
  });

  it("drift: one deleted by hand leaves the state on refresh and comes back on up; one changed by hand is restored", async () => {
    const dev = server("dev");
    await hasuraCall(dev.url, secrets.dev, { type: "pg_delete_remote_relationship", args: { source: "default", table: users, name: "team" } });
    await hasuraCall(dev.url, secrets.dev, {
      type: "pg_update_remote_relationship",
      args: { source: "default", table: users, name: "userMessages", definition: messagesByUser },
    });
    await pulumi("refresh", "--yes", "--stack", "dev");
    assert.deepEqual(await relationshipIdsInState("dev"), ["default/public/users/userMessages"]);
    assert.deepEqual(await previewSummary("dev"), { same: 1, create: 1, update: 1 });
    await pulumi("up", "--yes", "--stack", "dev");
    assert.deepEqual(relationshipsOn(dev, users).team, team);
    assert.deepEqual(relationshipsOn(dev, users).userMessages, {
      to_remote_schema: {
        remote_schema: "messages",
        lhs_fields: ["id"],
        remote_field: { messages: { arguments: { limit: 20, where: { userId: { eq: "$id" } } } } },
      },
    });
    await pulumi("refresh", "--yes", "--expect-no-changes", "--stack", "dev");
  });

  it("destroy --stack dev empties dev's Hasura and leaves prod's untouched", async () => {
    const prodBefore = server("prod").exportMetadata();
    await pulumi("destroy", "--yes", "--stack", "dev");
    assert.deepEqual(relationshipsOn(server("dev"), users), {});
    assert.deepEqual(server("prod").exportMetadata(), prodBefore);
    await pulumi("refresh", "--yes", "--expect-no-changes", "--stack", "prod");
  });

  it("the admin secrets appear in no exported state, CLI output, or file of the project or the backend", async () => {
    const texts = [
      await project.exportText("dev"),
      await project.exportText("prod"),
      ...project.output,
      ...filesUnder(project.dir),
      ...filesUnder(project.backendDir),
    ];
    for (const secret of Object.values(secrets)) assert.equal(texts.filter((text) => text.includes(secret)).length, 0, "an admin secret leaked");
    assert.ok(texts.length > 10);
  });

  /** The change summary `pulumi preview --json` reports. */
  async function previewSummary(stack: string): Promise<Record<string, number>> {
    const { stdout } = await pulumi("preview", "--json", "--stack", stack);
    return (JSON.parse(stdout) as { changeSummary: Record<string, number> }).changeSummary;
  }

  /** The IDs of the relationships in a stack's state. */
  async function relationshipIdsInState(stack: string): Promise<string[]> {
    const state = JSON.parse(await project.exportText(stack)) as { deployment: { resources: { type: string; id?: string }[] } };
    return state.deployment.resources.filter((resource) => resource.type.endsWith("hasura:RemoteRelationship")).map((resource) => resource.id ?? "");
  }
});

/** The text of every file under `dir` except installed packages. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (entry === "node_modules") return [];
    if (statSync(file).isDirectory()) return filesUnder(file);
    return statSync(file).size < 20_000_000 ? [readFileSync(file, "latin1")] : [];
  });
}
