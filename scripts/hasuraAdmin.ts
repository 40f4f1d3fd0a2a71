/** A small Hasura metadata client for the demo and the tests: what a person would do by hand in the console. */
import { listTableRelationships, type JsonObject, type JsonValue } from "../model";

/** One remote relationship on a table as Hasura lists it. */
export interface ListedRelationship {
  readonly source: string;
  /** `schema.name`. */
  readonly table: string;
  readonly name: string;
  /** The stored definition as Hasura holds it (in the format it was written in). */
  readonly definition: JsonValue;
}

/** Sends one `/v1/metadata` (or `/v1/query`) call and returns the JSON answer; a non-2xx answer is an error with Hasura's body. */
export async function hasuraCall(endpoint: string, adminSecret: string | undefined, body: unknown, path = "/v1/metadata"): Promise<unknown> {
  const response = await fetch(`${endpoint.replace(/\/+$/, "")}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(adminSecret ? { "x-hasura-admin-secret": adminSecret } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`Hasura answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** The metadata document as `export_metadata` (v1) gives it. */
export async function exportMetadata(endpoint: string, adminSecret: string | undefined): Promise<JsonObject> {
  return (await hasuraCall(endpoint, adminSecret, { type: "export_metadata", args: {} })) as JsonObject;
}

/** Every remote relationship on every table of every source, sorted by source, table and name. */
export function listRemoteRelationships(metadata: JsonObject): ListedRelationship[] {
  return listTableRelationships(metadata)
    .map(({ key, held }) => ({
      source: key.source,
      table: `${key.table.schema}.${key.table.name}`,
      name: key.name,
      definition: held.raw,
    }))
    .sort((a, b) => `${a.source}.${a.table}.${a.name}`.localeCompare(`${b.source}.${b.table}.${b.name}`));
}
