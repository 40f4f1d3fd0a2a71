import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { tempDir } from "../../scripts/localStack";
import { repoRoot } from "../../scripts/pulumiCli";
import { startHasuraServer, type HasuraServerOptions, type RunningHasuraServer, type ServerStats } from "../../server";
import type { RemoteRelationshipArgs } from "../../sdk";
import { relationshipsOn } from "../support/localHasura";
import { descendantsOf, killAll } from "../support/processTree";
import { createRelationshipsProject, declare, initStack, messagesRelationships, stateOf } from "../support/relationshipsProject";
import type { CommandResult, UserProject } from "../support/userProject";

const environment = path.join(repoRoot, "examples", "environment", "environment.yaml");
const adminSecret = "mistakes-admin-secret-5a1f";
const users = { schema: "public", name: "users" };

/** A resource as `pulumi stack export` writes it. */
type StateResource = { readonly urn: string } & Record<string, unknown>;

/**
 * What a user does wrong, and how they put it right, through the real CLI on the packed package in a
 * project of its own (one installed project, a stack per scenario): after every step Hasura must hold
 * every relationship the program declares, and `preview` must say what `up` then does.
 */
describe("a user's mistakes and their fixes, through the Pulumi CLI", () => {
  let project: UserProject;
  const servers: RunningHasuraServer[] = [];
  const start = async (options: HasuraServerOptions = {}) => {
    const server = await startHasuraServer({ environment, adminSecret, ...options });
    servers.push(server);
    return server;
  };
  const pulumi = (args: string[], options?: { allowFailure?: boolean }) => project.pulumi(args, options);
  const names = (server: RunningHasuraServer) => Object.keys(relationshipsOn(server, users)).sort();

  before(async () => {
    project = await createRelationshipsProject();
  });
  after(async () => {
    for (const server of servers) await server.stop();
  });

  describe("a mistyped endpoint, and putting it back", () => {
    let hasura: RunningHasuraServer;
    const stack = "typo";
    before(async () => {
      hasura = await start();
      await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: messagesRelationships(3) });
      await pulumi(["up", "--yes", "--stack", stack]);
      assert.deepEqual(names(hasura), ["messages0", "messages1", "messages2"]);
    });

    for (const [what, mistyped] of [
      ["a port where nothing listens", async () => `http://127.0.0.1:${await unusedPort()}`],
      ["Hasura's GraphQL route", async () => `${hasura.url}/v1/graphql`],
    ] as const) {
      it(`${what}: preview and up fail naming endpoint, and nothing is deleted`, async () => {
        const endpoint = await mistyped();
        await pulumi(["config", "set", "hasura:endpoint", endpoint, "--stack", stack]);
        // `up` runs its preview first, with the same checks: one command says what both do.
        const up = await pulumi(["up", "--yes", "--stack", stack], { allowFailure: true });
        assert.notEqual(up.code, 0, "up passed with a mistyped endpoint");
        assert.match(textOf(up), /Previewing update[\s\S]*endpoint/);
        assert.deepEqual(names(hasura), ["messages0", "messages1", "messages2"]);
        assert.deepEqual(
          (await stateOf(project, stack)).map((resource) => resource.endpoint),
          [hasura.url, hasura.url, hasura.url],
        );
      });
    }

    it("put back, preview --expect-no-changes tells the truth: Hasura holds them all", async () => {
      await pulumi(["config", "set", "hasura:endpoint", hasura.url, "--stack", stack]);
      await pulumi(["preview", "--refresh", "--expect-no-changes", "--stack", stack]);
      assert.deepEqual(names(hasura), ["messages0", "messages1", "messages2"]);
    });
  });

  describe("moving to another Hasura, to another name of the same one, and back", () => {
    let first: RunningHasuraServer;
    let second: RunningHasuraServer;
    const stack = "move";
    before(async () => {
      [first, second] = [await start(), await start()];
      await initStack(project, stack, { endpoint: first.url, adminSecret, relationships: messagesRelationships(2) });
      // The stack's secret goes to hasura:endpoint only: a move reads the Hasura it leaves with that one's own secret.
      for (const endpoint of [first.url, second.url, second.url.replace("127.0.0.1", "localhost")]) {
        await pulumi(["config", "set", "--secret", "--path", `hasura:adminSecrets["${endpoint}"]`, adminSecret, "--stack", stack]);
      }
      await pulumi(["up", "--yes", "--stack", stack]);
    });

    it("to another Hasura: preview says update, and up creates there, then deletes at the old one", async () => {
      await pulumi(["config", "set", "hasura:endpoint", second.url, "--stack", stack]);
      assert.deepEqual(await previewSummary(stack), { same: 1, update: 2 });
      await pulumi(["up", "--yes", "--stack", stack]);
      assert.deepEqual([names(first), names(second)], [[], ["messages0", "messages1"]]);
    });

    it("to another name of the same Hasura: kept, not deleted, and said once", async () => {
      const alias = second.url.replace("127.0.0.1", "localhost");
      await pulumi(["config", "set", "hasura:endpoint", alias, "--stack", stack]);
      const up = await pulumi(["up", "--yes", "--stack", stack]);
      assert.deepEqual(names(second), ["messages0", "messages1"]);
      assert.match(
        textOf(up),
        /Hasura at http:\/\/127\.0\.0\.1:\d+ and Hasura at http:\/\/localhost:\d+ answered with the same metadata at the same resource_version/,
      );
      assert.deepEqual(
        (await stateOf(project, stack)).map((resource) => resource.endpoint),
        [alias, alias],
      );
    });

    it("back from that name to the first Hasura", async () => {
      await pulumi(["config", "set", "hasura:endpoint", first.url, "--stack", stack]);
      await pulumi(["up", "--yes", "--stack", stack]);
      assert.deepEqual([names(first), names(second)], [["messages0", "messages1"], []]);
      await pulumi(["refresh", "--yes", "--expect-no-changes", "--stack", stack]);
    });
  });

  describe("a move killed after the create at the new Hasura, before the delete at the old one", () => {
    let first: RunningHasuraServer;
    let second: RunningHasuraServer;
    const stack = "move-killed";
    before(async () => {
      first = await start();
      second = await start({ rebuildMs: 1_000 });
      await initStack(project, stack, { endpoint: first.url, adminSecret, relationships: messagesRelationships(2) });
      // Once hasura:endpoint names the new Hasura, the one left is read with its own secret.
      await pulumi(["config", "set", "--secret", "--path", `hasura:adminSecrets["${first.url}"]`, adminSecret, "--stack", stack]);
      await pulumi(["up", "--yes", "--stack", stack]);
    });

    it("leaves both holding it and the state at the old one; after cancel, the next up finishes the move", async () => {
      await pulumi(["config", "set", "hasura:endpoint", second.url, "--stack", stack]);
      const before = second.stats();
      let armed = false;
      await killWhen(["up", "--yes", "--skip-preview", "--stack", stack], () => {
        const stats = second.stats();
        // Once the new Hasura has the write, its answer waits: the kill comes after the create, before the CLI hears of it.
        if (!armed && writeRequests(stats) > writeRequests(before)) {
          second.faults.delay(5_000);
          armed = true;
        }
        return stats.writes > before.writes;
      });
      second.faults.delay(0);
      // Nothing was deleted at the old Hasura; the new one holds what its committed write made.
      assert.deepEqual(names(first), ["messages0", "messages1"]);
      assert.ok(names(second).length > 0);
      assert.deepEqual(
        (await stateOf(project, stack)).map((resource) => resource.endpoint),
        [first.url, first.url],
      );

      await pulumi(["cancel", "--yes", "--stack", stack]);
      await pulumi(["up", "--yes", "--stack", stack]);
      assert.deepEqual([names(first), names(second)], [[], ["messages0", "messages1"]]);
      assert.deepEqual(
        (await stateOf(project, stack)).map((resource) => resource.endpoint),
        [second.url, second.url],
      );
    });
  });

  describe("replacements of the same relationship", () => {
    let hasura: RunningHasuraServer;
    const stack = "replace";
    before(async () => {
      hasura = await start();
      await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: messagesRelationships(2) });
      await pulumi(["up", "--yes", "--stack", stack]);
    });

    it("one left pending by an earlier release's delete-first replacement: the new one is created, and deleting the original keeps it", async () => {
      // What 0.2.0 left after `up` with a mistyped endpoint: the relationship deleted at the real
      // Hasura, its create at the wrong one failed, the resource pending replacement in the state.
      await hasuraCall(hasura.url, adminSecret, { type: "pg_delete_remote_relationship", args: { source: "default", table: users, name: "messages0" } });
      await editState(stack, (resource) => (resource.urn.endsWith("::messages-0") ? { ...resource, pendingReplacement: true } : resource));
      const up = await pulumi(["up", "--yes", "--stack", stack]);
      assert.match(textOf(up), /deleted original/);
      assert.deepEqual(names(hasura), ["messages0", "messages1"]);
      await pulumi(["refresh", "--yes", "--expect-no-changes", "--stack", stack]);
    });

    it("a resource renamed without an alias: the new one adopts it, and deleting the old one keeps it", async () => {
      const [kept, renamed] = messagesRelationships(2);
      await declare(project, stack, [kept, { ...renamed, resource: "renamed" }]);
      const up = await pulumi(["up", "--yes", "--stack", stack]);
      assert.match(textOf(up), /1 created/);
      assert.match(textOf(up), /1 deleted/);
      assert.deepEqual(names(hasura), ["messages0", "messages1"]);
    });
  });

  describe("the same relationship declared twice", () => {
    let hasura: RunningHasuraServer;
    const stack = "twice";
    before(async () => {
      hasura = await start();
      await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: [] });
    });

    it("fails preview and up, naming the relationship and both resources, and writes nothing", async () => {
      const [one] = messagesRelationships(1);
      const again = { resource: "again", args: { ...one.args, remoteField: { messages: { arguments: { where: { userId: { eq: "$id" } } } } } } };
      await declare(project, stack, [one, again]);
      const held = hasura.exportMetadata();
      // `up` runs its preview first, with the same checks: one command says what both do.
      for (const command of [["up", "--yes", "--stack", stack]]) {
        const result = await pulumi(command, { allowFailure: true });
        assert.notEqual(result.code, 0, `${command[0]} passed with a relationship declared twice`);
        assert.match(
          textOf(result),
          /Remote relationship "default\/public\/users\/messages0" at http:\/\/127\.0\.0\.1:\d+ is declared twice in this program: by resources "(messages-0|again)" and "(messages-0|again)"/,
        );
      }
      assert.deepEqual(hasura.exportMetadata(), held);
    });
  });

  describe("an admin secret rotated in Hasura and in the stack config", () => {
    const stack = "rotate";
    const dataDir = tempDir("rotate-data");
    const rotated = "rotated-admin-secret-c72e";
    let hasura: RunningHasuraServer;
    before(async () => {
      hasura = await start({ dataDir });
      await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: messagesRelationships(2) });
      await pulumi(["up", "--yes", "--stack", stack]);
      // Hasura restarted with the new secret, its metadata kept; the stack config set to it.
      const port = Number(new URL(hasura.url).port);
      await hasura.stop();
      servers.splice(servers.indexOf(hasura), 1);
      hasura = await start({ dataDir, port, adminSecret: rotated });
      await pulumi(["config", "set", "--secret", "hasura:adminSecret", rotated, "--stack", stack]);
    });

    it("refresh, which does not run the program, fails once per relationship, saying exactly what to run, without a stack trace", async () => {
      const refresh = await pulumi(["refresh", "--yes", "--stack", stack], { allowFailure: true });
      assert.notEqual(refresh.code, 0);
      const text = textOf(refresh);
      assert.match(text, /answered export_metadata with 401 access-denied/);
      assert.match(text, /`pulumi refresh` and `pulumi destroy` do not run the program.*run them with `--run-program`/);
      assert.doesNotMatch(text, /^\s+at /m, "a stack trace was printed");
      assert.doesNotMatch(text, /HasuraError: /, "the provider host echoed the error");
      assert.ok(!text.includes(rotated) && !text.includes(adminSecret));
    });

    it("refresh --run-program then succeeds, and so does destroy", async () => {
      await pulumi(["refresh", "--yes", "--run-program", "--expect-no-changes", "--stack", stack]);
      await pulumi(["destroy", "--yes", "--stack", stack]);
      assert.deepEqual(names(hasura), []);
    });
  });

  describe("an up killed part way (the CLI and every process it started), and the way back", () => {
    let hasura: RunningHasuraServer;
    before(async () => {
      // A rebuild long enough to kill the CLI while Hasura is writing.
      hasura = await start({ rebuildMs: 1_500 });
    });

    for (const [when, killPoint] of [
      [
        "while its write is in flight",
        (stats: ServerStats, before: ServerStats) => writeRequests(stats) > writeRequests(before) && stats.writes === before.writes,
      ],
      ["just after Hasura committed its write", (stats: ServerStats, before: ServerStats) => stats.writes > before.writes],
    ] as const) {
      it(`${when}: cancel, then up adopts what Hasura holds, and refresh --clear-pending-creates tidies the state`, async () => {
        const stack = when.startsWith("while") ? "killed-writing" : "killed-written";
        const prefix = stack.replace("-", "");
        const declared = messagesRelationships(6, prefix);
        await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: declared });
        const before = hasura.stats();
        // Once Hasura has committed, the answer waits, so that the kill comes before the CLI hears of it.
        if (when.startsWith("just")) hasura.faults.delay(5_000);
        await killWhen(["up", "--yes", "--skip-preview", "--stack", stack], () => killPoint(hasura.stats(), before));
        hasura.faults.delay(0);
        await waitFor(() => hasura.stats().writes > before.writes, "Hasura to commit the write the killed up sent");

        // What the next up needs, as Pulumi says: the stack is still locked by the killed update.
        const locked = await pulumi(["up", "--yes", "--stack", stack], { allowFailure: true });
        assert.notEqual(locked.code, 0);
        assert.match(textOf(locked), /the stack is currently locked.*`pulumi cancel`/s);
        await pulumi(["cancel", "--yes", "--stack", stack]);

        const [writes, heldBefore] = [hasura.stats().writes, names(hasura).filter((name) => name.startsWith(prefix))];
        assert.ok(heldBefore.length > 0, "the killed up wrote nothing");
        const up = await pulumi(["up", "--yes", "--stack", stack]);
        assert.match(textOf(up), /pending operations from previous deployment/);
        const held = names(hasura).filter((name) => name.startsWith(prefix));
        assert.deepEqual(held, declared.map((relationship) => relationship.args.name).sort());
        // What Hasura held identically was adopted, not written again: with all of it held, nothing is written.
        if (heldBefore.length === declared.length) assert.equal(hasura.stats().writes, writes);
        assert.deepEqual(
          (await stateOf(project, stack)).map((resource) => resource.id).sort(),
          held.map((name) => `default/public/users/${name}`),
        );

        await pulumi(["refresh", "--yes", "--clear-pending-creates", "--stack", stack]);
        assert.doesNotMatch(await project.exportText(stack), /pending_operations/);
        await pulumi(["preview", "--expect-no-changes", "--stack", stack]);
      });
    }
  });

  /** Starts `pulumi ARGS`, and SIGKILLs it and every process it started once `ready()` holds. */
  async function killWhen(args: string[], ready: () => boolean): Promise<void> {
    const { child, done } = project.start(args);
    const pid = child.pid ?? 0;
    try {
      await waitFor(ready, `the moment to kill \`pulumi ${args.join(" ")}\``);
    } finally {
      killAll([pid, ...descendantsOf(pid)]);
    }
    const result = await done;
    assert.equal(result.code, 1, "the CLI was not killed");
  }

  describe("a typo in a table, a join column and a toSource column", () => {
    let hasura: RunningHasuraServer;
    const stack = "columns";
    const archive = { schema: "public", name: "orders_archive" };
    const remote = (change: Partial<RemoteRelationshipArgs>) => ({
      resource: "messages",
      args: {
        name: "messages",
        table: "users",
        hasuraFields: ["id"],
        remoteSchema: "messages",
        remoteField: { messagesByUser: { arguments: { userId: "$id" } } },
        ...change,
      },
    });
    const toArchive = (fieldMapping: Record<string, string>) => ({
      resource: "archived",
      args: { name: "archived_orders", table: "users", toSource: { relationshipType: "array" as const, source: "archive", table: archive, fieldMapping } },
    });
    before(async () => {
      hasura = await start({
        sources: [
          {
            name: "archive",
            tables: [
              {
                ...archive,
                columns: [
                  { name: "id", type: "integer" },
                  { name: "user_id", type: "integer" },
                ],
              },
            ],
            trackedTables: [archive],
          },
          {
            name: "reports",
            kind: "mssql",
            tables: [{ schema: "dbo", name: "sales", columns: [{ name: "user_id", type: "integer" }] }],
            trackedTables: [{ schema: "dbo", name: "sales" }],
          },
        ],
      });
      await initStack(project, stack, { endpoint: hasura.url, adminSecret, relationships: [] });
    });

    // The engine stops a preview at the first resource check refuses: one typo a preview, as a user meets them.
    for (const [what, relationship, sourcesRead, expected] of [
      [
        "a table",
        remote({ table: "user" }),
        1,
        `': property table value {user} has a problem: Hasura would refuse it: table "user" does not exist in source: default. Track the table in Hasura first, or fix table: source "default" tracks "users", "orders".`,
      ],
      [
        "a join column",
        remote({ hasuraFields: ["userid"], remoteField: { messagesByUser: { arguments: { userId: "$userid" } } } }),
        1,
        `' has a problem: hasuraFields[0]: Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "messages": field with name "userid"is not provided by the lhs entity""users"for defining a join condition, the allowed fields are "id", "name", or "team_id"". Use columns or computed fields of "users" in hasuraFields: "id", "name", "team_id".`,
      ],
      [
        "a toSource column",
        toArchive({ id: "userid" }),
        2,
        `' has a problem: toSource.fieldMapping.id: Hasura would refuse it: Inconsistent object: in table "users": in remote relationship "archived_orders": "userid" does not exist. Use columns of "orders_archive" as the values of toSource.fieldMapping: "user_id", "id".`,
      ],
    ] as const) {
      it(`${what}: preview fails naming the input, with Hasura's reason and the fix, reads each source's columns once, and writes nothing`, async () => {
        await declare(project, stack, [relationship]);
        const held = hasura.exportMetadata();
        hasura.resetStats();
        const preview = await pulumi(["preview", "--stack", stack], { allowFailure: true });
        assert.notEqual(preview.code, 0, `preview passed with ${what} mistyped`);
        assert.ok(
          textOf(preview).includes(`resource '${relationship.resource}${expected}`),
          `preview does not say:\n${expected}\nIt said:\n${textOf(preview)}`,
        );
        assert.equal(hasura.stats().requests["/v2/query run_sql"], sourcesRead, "one run_sql for each source in play");
        assert.deepEqual(hasura.exportMetadata(), held);
        assert.deepEqual(await stateOf(project, stack), []);
      });
    }

    it("fixed, up reads each source's columns once for all of them and writes them; an up with nothing to do sends Hasura nothing", async () => {
      const toOrders = {
        resource: "orders",
        args: {
          name: "orders",
          table: "users",
          toSource: { relationshipType: "array" as const, source: "default", table: "orders", fieldMapping: { id: "user_id" } },
        },
      };
      // Two Hasura accepts, with a warning each: text joined to integer, and a SQL Server table whose columns check cannot read.
      const byName = {
        resource: "by-name",
        args: {
          name: "by_name",
          table: "users",
          toSource: { relationshipType: "array" as const, source: "archive", table: archive, fieldMapping: { name: "user_id" } },
        },
      };
      const sales = {
        resource: "sales",
        args: {
          name: "sales",
          table: "users",
          toSource: { relationshipType: "array" as const, source: "reports", table: { schema: "dbo", name: "sales" }, fieldMapping: { id: "user_id" } },
        },
      };
      await declare(project, stack, [remote({}), toArchive({ id: "user_id" }), toOrders, byName, sales]);
      hasura.resetStats();
      // --skip-preview: the run checks each new relationship as a preview does, once.
      const up = await pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
      assert.equal(hasura.stats().requests["/v2/query run_sql"], 2, "one run_sql for default, one for archive");
      assert.deepEqual(names(hasura), ["archived_orders", "by_name", "messages", "orders", "sales"]);
      const warnings = textOf(up);
      for (const expected of [
        'remote relationship "default/public/users/by_name": toSource.fieldMapping joins column "name" of "users" (text) to column "user_id" of "orders_archive" in source "archive" (integer), and Postgres cannot compare text with integer',
        `could not read the columns of source "reports" at Hasura ${hasura.url} (a mssql source, whose run_sql is not Postgres's)`,
      ]) {
        assert.ok(warnings.includes(expected), `up does not warn:\n${expected}\nIt said:\n${warnings}`);
      }
      hasura.resetStats();
      await pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
      assert.deepEqual(hasura.stats().requests, {});
    });
  });

  /** The change summary `pulumi preview --json` reports. */
  async function previewSummary(stack: string): Promise<Record<string, number>> {
    const { stdout } = await pulumi(["preview", "--json", "--stack", stack]);
    return (JSON.parse(stdout) as { changeSummary: Record<string, number> }).changeSummary;
  }

  /** Edits the stack's state with `pulumi stack export` and `pulumi stack import`, as a user repairing it would. */
  async function editState(stack: string, edit: (resource: StateResource) => StateResource): Promise<void> {
    const state = JSON.parse(await project.exportText(stack)) as { deployment: { resources: StateResource[] } };
    state.deployment.resources = state.deployment.resources.map(edit);
    const file = path.join(project.dir, `state-${stack}.json`);
    writeFileSync(file, JSON.stringify(state));
    await pulumi(["stack", "import", "--file", file, "--stack", stack]);
  }
});

/** Everything a command printed. */
function textOf(result: CommandResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** Write requests Hasura has received, answered or not. */
function writeRequests(stats: ServerStats): number {
  return Object.entries(stats.requests)
    .filter(([type]) => /(create|update|delete)_remote(_schema_remote)?_relationship|replace_metadata/.test(type))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Polls `condition` every 20 ms until it holds; a generous bound (60 s) only keeps a broken run from hanging. */
async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 60_000) throw new Error(`gave up waiting for ${what}`);
    await sleep(20);
  }
}

/** A port nothing listens on: one the system just gave out and took back. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
