/**
 * A recording pass-through in front of the local server, for the relationship stacks: it forwards every
 * request unchanged and notes, for each metadata write, when it arrived, how many relationships it
 * changed (for a `replace_metadata`, the relationships added or removed against what the server held
 * just before; 1 for a per-relationship command) and how long the server took. That shows how the
 * provider's coalescing grouped the engine's changes. It adds one loopback hop per request.
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

const writeTypes = /^(replace_metadata|pg_(create|update|delete)_remote_relationship|bulk)$/;

/** Starts the pass-through on a free loopback port in front of `server`. */
export async function startWriteProbe(server: RunningHasuraServer): Promise<WriteProbe> {
  let records: WriteRecord[] = [];
  let origin = performance.now();
  const proxy = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const type = writeType(body);
    const arrived = performance.now();
    const changes = type === undefined ? 0 : changesOf(type, body, server);
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-hasura-admin-secret", "x-hasura-role"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await fetch(`${server.url}${request.url}`, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
    const text = await answer.text();
    if (type !== undefined)
      records.push({ atMs: Math.round(arrived - origin), type, changes, ms: Math.round(performance.now() - arrived), status: answer.status });
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

function writeType(body: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return isJsonObject(parsed) && typeof parsed.type === "string" && writeTypes.test(parsed.type) ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}

/** How many relationships a write changes: for a replace, those added or removed against the server's metadata now. */
function changesOf(type: string, body: Buffer, server: RunningHasuraServer): number {
  if (type !== "replace_metadata") return 1;
  const args = (JSON.parse(body.toString("utf8")) as { args?: { metadata?: JsonObject } }).args;
  if (args?.metadata === undefined) return 0;
  const keys = (metadata: MetadataDocument) => new Set(listRemoteRelationships(metadata).map((entry) => `${entry.source}.${entry.table}.${entry.name}`));
  const [before, after] = [keys(server.exportMetadata()), keys(args.metadata)];
  return [...after].filter((key) => !before.has(key)).length + [...before].filter((key) => !after.has(key)).length;
}
