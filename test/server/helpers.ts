/**
 * Helpers shared by the server tests: a server with the conformance environment, and typed
 * request functions that answer `{status, body}`.
 */
import { join } from "node:path";
import { startHasuraServer, type HasuraServerOptions, type RunningHasuraServer } from "../../server";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model";

/** The repository root (tests run from dist/test/server). */
export const ROOT = join(__dirname, "..", "..", "..");

/** The conformance environment file. */
export const ENVIRONMENT = join(ROOT, "conformance", "environment.yaml");

/** Its admin secret. */
export const SECRET = "conformance-secret";

/** An answer: status and parsed JSON body (or text when it is not JSON). */
export interface Answer {
  status: number;
  body: JsonValue;
}

/** Starts a server with the conformance environment plus `options`. */
export function startEnvServer(options: HasuraServerOptions = {}): Promise<RunningHasuraServer> {
  return startHasuraServer({ environment: ENVIRONMENT, ...options });
}

/** POSTs `body` to `path` with the admin secret (unless `headers` override it). */
export async function post(
  server: { url: string },
  path: string,
  body: unknown,
  headers: Record<string, string> = { "X-Hasura-Admin-Secret": SECRET },
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as JsonValue };
  } catch {
    return { status: response.status, body: text };
  }
}

/** POSTs to `/v1/metadata` as admin. */
export function metadata(server: { url: string }, body: unknown): Promise<Answer> {
  return post(server, "/v1/metadata", body);
}

/** POSTs to `/v1/query` as admin. */
export function query(server: { url: string }, body: unknown): Promise<Answer> {
  return post(server, "/v1/query", body);
}

/** The body as an object (fails the test otherwise). */
export function objectBody(answer: Answer): JsonObject {
  if (!isJsonObject(answer.body)) throw new Error(`Expected an object body, got ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A legacy-format create of relationship `name` on `profiles` joining `user(id: $id)`. */
export function legacyCreate(name: string, overrides: JsonObject = {}): JsonObject {
  return {
    type: "create_remote_relationship",
    args: { name, table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { user: { arguments: { id: "$id" } } }, ...overrides },
  };
}

/** A unified-format `pg_create_remote_relationship` of `name` on `public.profiles`. */
export function pgCreate(name: string, toRemoteSchema: Record<string, JsonValue | undefined> = {}, type = "pg_create_remote_relationship"): JsonObject {
  return {
    type,
    args: {
      source: "default",
      table: { schema: "public", name: "profiles" },
      name,
      definition: {
        to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } }, ...toRemoteSchema },
      },
    },
  };
}

/** The remote relationships of `public.profiles` in exported metadata. */
export function profileRelationships(server: RunningHasuraServer): JsonValue[] {
  const table = server.exportMetadata().sources[0].tables.find((t) => t.table.schema === "public" && t.table.name === "profiles");
  return (table?.remote_relationships ?? []) as unknown as JsonValue[];
}
