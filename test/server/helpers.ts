/**
 * Helpers shared by the server tests: a server with the conformance environment, typed request
 * functions that answer `{status, body}`, and the requests most tests send.
 */
import { join } from "node:path";
import { isJsonObject, qualifyTable, sameTable, type JsonObject, type JsonValue } from "../../model";
import { startHasuraServer, type HasuraServerOptions, type RunningHasuraServer } from "../../server";

/** The repository root (this module runs from dist/test/server). */
export const root = join(__dirname, "..", "..", "..");

/** The conformance environment file. */
export const environmentFile = join(root, "conformance", "environment.yaml");

/** Its admin secret. */
export const secret = "conformance-secret";

/** An answer: status and parsed JSON body (or text when it is not JSON). */
export interface Answer {
  status: number;
  body: JsonValue;
}

/** Starts a server with the conformance environment plus `options`. */
export function startEnvServer(options: HasuraServerOptions = {}): Promise<RunningHasuraServer> {
  return startHasuraServer({ environment: environmentFile, ...options });
}

/** POSTs `body` to `path` with the admin secret (unless `headers` override it). */
export async function post(
  server: { url: string },
  path: string,
  body: unknown,
  headers: Record<string, string> = { "X-Hasura-Admin-Secret": secret },
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

/** A `definition`-format `pg_create_remote_relationship` of `name` on `public.profiles`. */
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
  const table = server.exportMetadata().sources[0].tables.find((t) => sameTable(qualifyTable(t.table), { schema: "public", name: "profiles" }));
  return (table?.remote_relationships ?? []) as unknown as JsonValue[];
}

/** The names of the remote relationships of `public.profiles`, in export order. */
export function profileRelationshipNames(server: RunningHasuraServer): string[] {
  return (profileRelationships(server) as { name: string }[]).map((relationship) => relationship.name);
}

/** Deletes every remote relationship of `public.profiles`, so that each test starts from none. */
export async function deleteProfileRelationships(server: RunningHasuraServer): Promise<void> {
  for (const name of profileRelationshipNames(server)) {
    await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name } });
  }
}

/** The current `resource_version`, as `export_metadata` version 2 answers it. */
export async function currentVersion(server: { url: string }): Promise<number> {
  const body = objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} }));
  return body.resource_version as number;
}
