/** A small Hasura metadata client for the demo and the tests: what a person would do by hand in the console. */
import { listTableRelationships, parseMetadataDocument, type MetadataDocument } from "../model";

/** One remote relationship on a table as Hasura lists it. */
export interface ListedRelationship {
  readonly source: string;
  /** `schema.name`. */
  readonly table: string;
  readonly name: string;
  /** The stored definition as Hasura holds it (in the format it was written in). */
  readonly definition: unknown;
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

/** The metadata document as `export_metadata` (v1) gives it; an answer that is not one is an error that says why. */
export async function exportMetadata(endpoint: string, adminSecret: string | undefined): Promise<MetadataDocument> {
  const parsed = parseMetadataDocument(await hasuraCall(endpoint, adminSecret, { type: "export_metadata", args: {} }));
  if (!parsed.ok) throw new Error(`Hasura at ${endpoint} answered export_metadata with something else: ${parsed.reason}.`);
  return parsed.value;
}

/** Every remote relationship on every table of every source, sorted by source, table and name. */
export function listRemoteRelationships(metadata: MetadataDocument): ListedRelationship[] {
  return listTableRelationships(metadata)
    .map(({ key, held }) => ({
      source: key.source,
      table: `${key.table.schema}.${key.table.name}`,
      name: key.name,
      definition: held.raw,
    }))
    .sort((a, b) => `${a.source}.${a.table}.${a.name}`.localeCompare(`${b.source}.${b.table}.${b.name}`));
}
