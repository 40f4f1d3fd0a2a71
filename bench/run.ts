/**
 * `npm run bench -- [--relationships N] [--rebuild-ms MS] [--cycles N]`: what managing remote
 * relationships costs, measured against the local Hasura-compatible server.
 *
 * 1. Provider operations in-process (no engine): milliseconds and Hasura requests per create, read,
 *    update and delete, with free schema rebuilds.
 * 2. The real engine: `pulumi up` of N relationships, a no-change `up`, `refresh` and `destroy`, with a
 *    schema rebuild of --rebuild-ms per write, as a large Hasura has (every write takes the one
 *    metadata lock, so writes queue however many the engine runs at once).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { remoteRelationshipProvider as provider } from "../provider";
import type { RemoteRelationshipInputs as RelationshipInputs } from "../provider/inputs/schema";
import { startHasuraServer, type RunningHasuraServer } from "../server";
import { RemoteRelationship } from "../sdk";
import { createLocalStack } from "../scripts/localStack";
import { repoRoot } from "../scripts/pulumiCli";

const environment = path.join(repoRoot, "conformance", "environment.yaml");
const secret = "conformance-secret";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { relationships: { type: "string", default: "20" }, "rebuild-ms": { type: "string", default: "200" }, cycles: { type: "string", default: "50" } },
  });
  const relationships = Number(values.relationships);
  const rebuildMs = Number(values["rebuild-ms"]);
  const cycles = Number(values.cycles);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  await providerOperations(cycles);
  await engineLifecycle(relationships, rebuildMs);
}

async function providerOperations(cycles: number): Promise<void> {
  const server = await startHasuraServer({ environment });
  try {
    await provider.configure({ config: { get: (key: string) => (key === "hasura:adminSecret" ? secret : undefined), require: () => "" } });
    const timings: Record<string, number[]> = { create: [], read: [], update: [], delete: [] };
    const requests: Record<string, number> = { create: 0, read: 0, update: 0, delete: 0 };
    for (let index = 0; index < cycles; index++) {
      const inputs: RelationshipInputs = {
        endpoint: server.url,
        source: "default",
        table: { schema: "public", name: "profiles" },
        name: `bench${index}`,
        hasuraFields: ["id"],
        remoteSchema: "user",
        remoteField: { user: { arguments: { id: "$id" } } },
      };
      const id = `default/public/profiles/bench${index}`;
      const changed = { ...inputs, hasuraFields: ["id", "name"] };
      await measure(server, timings, requests, "create", () => provider.create(inputs));
      await measure(server, timings, requests, "read", () => provider.read(id, inputs));
      await measure(server, timings, requests, "update", () => provider.update(id, inputs, changed));
      await measure(server, timings, requests, "delete", () => provider.delete(id, changed));
    }
    console.log(`\n## Provider operations (in-process, local server, free rebuilds, ${cycles} of each)\n`);
    console.log("| operation | median ms | p95 ms | Hasura requests each |\n|---|---|---|---|");
    for (const operation of Object.keys(timings)) {
      console.log(
        `| ${operation} | ${percentile(timings[operation], 0.5).toFixed(1)} | ${percentile(timings[operation], 0.95).toFixed(1)} | ${(requests[operation] / cycles).toFixed(1)} |`,
      );
    }
  } finally {
    await server.stop();
  }
}

async function measure(
  server: RunningHasuraServer,
  timings: Record<string, number[]>,
  requests: Record<string, number>,
  operation: string,
  run: () => Promise<unknown>,
): Promise<void> {
  const before = total(server);
  const started = performance.now();
  await run();
  timings[operation].push(performance.now() - started);
  requests[operation] += total(server) - before;
}

async function engineLifecycle(count: number, rebuildMs: number): Promise<void> {
  const server = await startHasuraServer({ environment, rebuildMs });
  try {
    const stack = await createLocalStack({
      program: async () => {
        for (let index = 0; index < count; index++) {
          new RemoteRelationship(`rel-${index}`, {
            name: `rel${index}`,
            table: "profiles",
            hasuraFields: ["id"],
            remoteSchema: "user",
            remoteField: { user: { arguments: { id: "$id" } } },
          });
        }
      },
      projectName: "hasura-bench",
      config: { "hasura:endpoint": server.url },
      secrets: { "hasura:adminSecret": secret },
    });
    console.log(`\n## The real engine (${count} relationships, schema rebuild ${rebuildMs} ms per write)\n`);
    console.log("| command | seconds | Hasura writes | rebuilds |\n|---|---|---|---|");
    const steps: [string, () => Promise<unknown>][] = [
      ["pulumi up (create all)", () => stack.up()],
      ["pulumi up (no changes)", () => stack.up({ expectNoChanges: true })],
      ["pulumi refresh", () => stack.refresh({ expectNoChanges: true })],
      ["pulumi destroy", () => stack.destroy()],
    ];
    for (const [name, run] of steps) {
      const before = server.stats();
      const started = performance.now();
      await run();
      const after = server.stats();
      console.log(`| ${name} | ${((performance.now() - started) / 1000).toFixed(1)} | ${after.writes - before.writes} | ${after.rebuilds - before.rebuilds} |`);
    }
  } finally {
    await server.stop();
  }
}

function total(server: RunningHasuraServer): number {
  return Object.values(server.stats().requests).reduce((sum, count) => sum + count, 0);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
