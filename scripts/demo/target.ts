/**
 * The Hasura the demo runs against: the local Hasura-compatible server with the example environment, or
 * the Hasura at HASURA_ENDPOINT with the remote schemas the example joins added for the run.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultSchema, defaultSource, remoteSchemaNames, sameTable, trackedTables } from "../../model";
import { startHasuraServer, startRemoteSchemaServer } from "../../server";
import { exportMetadata, hasuraCall } from "../hasuraAdmin";
import { repoRoot } from "../pulumiCli";

/** The Hasura the demo runs against, and how to put things back afterwards. */
export interface DemoTarget {
  readonly endpoint: string;
  readonly adminSecret: string | undefined;
  readonly description: string;
  /** Request counts by type, where the target can tell (the local server can). */
  stats(): Readonly<Record<string, number>> | undefined;
  stop(): Promise<void>;
}

const environmentDir = path.join(repoRoot, "examples", "environment");

/** The local Hasura-compatible server with the example environment, or the Hasura at HASURA_ENDPOINT. */
export async function startDemoTarget(): Promise<DemoTarget> {
  const endpoint = process.env.HASURA_ENDPOINT;
  return endpoint ? prepareRemoteHasura(endpoint, process.env.HASURA_GRAPHQL_ADMIN_SECRET) : startLocalHasura();
}

async function startLocalHasura(): Promise<DemoTarget> {
  const server = await startHasuraServer({ environment: path.join(environmentDir, "environment.yaml") });
  const schemas = Object.entries(server.remoteSchemaUrls)
    .map(([name, url]) => `${name} at ${url}`)
    .join(", ");
  return {
    endpoint: server.url,
    adminSecret: "demo-admin-secret",
    description: `the project's local Hasura-compatible server at ${server.url} (tables public.users and public.orders tracked; remote schemas served by real GraphQL servers: ${schemas})`,
    stats: () => ({ ...server.stats().requests }),
    stop: () => server.stop(),
  };
}

/**
 * A real Hasura needs what the example joins: a tracked `public.users` table with `id` and `team_id`,
 * and the remote schemas `messages` and `teams`, which the demo serves itself and adds for the run.
 */
async function prepareRemoteHasura(endpoint: string, adminSecret: string | undefined): Promise<DemoTarget> {
  const metadata = await exportMetadata(endpoint, adminSecret);
  const tracked = trackedTables(metadata, defaultSource);
  const missing = ["users", "orders"].filter((name) => !tracked.some((table) => sameTable(table, { schema: defaultSchema, name })));
  if (missing.length > 0) {
    throw new Error(
      `The Hasura at ${endpoint} does not track ${missing.map((name) => `public.${name}`).join(" and ")} in source "default". Create them (CREATE TABLE users (id int PRIMARY KEY, name text, team_id int); CREATE TABLE orders (id int PRIMARY KEY, user_id int)) and track them, then run the demo again.`,
    );
  }
  const existing = new Set(remoteSchemaNames(metadata));
  const host = process.env.DEMO_REMOTE_SCHEMA_HOST ?? "127.0.0.1";
  const servers: { name: string; server: { stop(): Promise<void> } }[] = [];
  for (const name of ["messages", "teams"]) {
    if (existing.has(name))
      throw new Error(
        `The Hasura at ${endpoint} already has a remote schema "${name}"; the demo adds its own under that name. Remove it or run the demo against another Hasura.`,
      );
    const sdl = readFileSync(path.join(environmentDir, "remote-schemas", `${name}.graphql`), "utf8");
    const server = await startRemoteSchemaServer(sdl, { host: host === "127.0.0.1" ? host : "0.0.0.0" });
    const url = server.url.replace("0.0.0.0", host);
    await hasuraCall(endpoint, adminSecret, {
      type: "add_remote_schema",
      args: { name, definition: { url, timeout_seconds: 10 }, comment: "added by npm run demo" },
    });
    servers.push({ name, server });
  }
  return {
    endpoint,
    adminSecret,
    description: `the Hasura at ${endpoint} (HASURA_ENDPOINT), with the demo's remote schemas messages and teams added for this run`,
    stats: () => undefined,
    stop: async () => {
      for (const { name, server } of servers) {
        await hasuraCall(endpoint, adminSecret, { type: "remove_remote_schema", args: { name } }).catch(() => undefined);
        await server.stop();
      }
    },
  };
}
