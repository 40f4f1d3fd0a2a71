/**
 * A recording pass-through in front of the local server, for the relationship stacks: it forwards every
 * request unchanged and notes, for each metadata write, when it arrived, how many relationships it
 * changed (for a `replace_metadata`, the relationships added, removed or changed against what the
 * server held just before; for a bulk, its relationship commands; 1 for a single command) and how long
 * the server took. That shows how the provider's coalescing grouped the engine's changes. It adds one
 * loopback hop per request.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { isJsonObject, type JsonObject, type MetadataDocument } from "../model";
import { listRemoteRelationships } from "../scripts/hasuraAdmin";
import type { RunningHasuraServer } from "../server";
import type { WriteRecord } from "./results";

/** The pass-through and what it saw since the last `reset`. */
export interface WriteProbe {
  readonly url: string;
  /** Forgets what was recorded and starts the clock again. */
  reset(): void;
  /** The writes since the last reset, in the order they arrived. */
  writes(): WriteRecord[];
  stop(): Promise<void>;
}

const relationshipCommand = /^\w+_(create|update|delete)_remote_relationship$|^(create|update|delete)_remote_schema_remote_relationship$/;
const writeTypes =
  /^(replace_metadata|bulk|bulk_atomic|bulk_keep_going|\w+_(create|update|delete)_remote_relationship|(create|update|delete)_remote_schema_remote_relationship)$/;

/** Starts the pass-through on a free loopback port in front of `server`. */
export async function startWriteProbe(server: RunningHasuraServer): Promise<WriteProbe> {
  let records: WriteRecord[] = [];
  let origin = performance.now();
  const proxy = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const write = writeOf(body);
    const arrived = performance.now();
    const changes = write === undefined ? 0 : changesOf(write, server);
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-hasura-admin-secret", "x-hasura-role"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await fetch(`${server.url}${request.url}`, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
    const text = await answer.text();
    if (write !== undefined)
      records.push({ atMs: Math.round(arrived - origin), type: write.type, changes, ms: Math.round(performance.now() - arrived), status: answer.status });
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    reset: () => {
      records = [];
      origin = performance.now();
    },
    writes: () => [...records],
    stop: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

/** The write a request body is, if it is one: its type and the parsed body. */
function writeOf(body: Buffer): { type: string; request: JsonObject } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  return isJsonObject(parsed) && typeof parsed.type === "string" && writeTypes.test(parsed.type) ? { type: parsed.type, request: parsed } : undefined;
}

/**
 * How many relationships a write changes: for a replace, those added, removed or changed against the
 * server's metadata now; for a bulk, its relationship commands; otherwise 1.
 */
function changesOf({ type, request }: { type: string; request: JsonObject }, server: RunningHasuraServer): number {
  const args = request.args;
  if (type.startsWith("bulk"))
    return Array.isArray(args)
      ? args.filter((child) => isJsonObject(child) && typeof child.type === "string" && relationshipCommand.test(child.type)).length
      : 0;
  if (type !== "replace_metadata") return 1;
  const metadata = isJsonObject(args) && isJsonObject(args.metadata) ? args.metadata : isJsonObject(args) ? args : undefined;
  if (metadata === undefined) return 0;
  const definitions = (document: MetadataDocument) =>
    new Map(listRemoteRelationships(document).map((entry) => [`${entry.source}.${entry.table}.${entry.name}`, JSON.stringify(entry.definition)]));
  const [before, after] = [definitions(server.exportMetadata()), definitions(metadata)];
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).length;
}
