/** A small Hasura metadata client for the demo and the tests: what a person would do by hand in the console. */

/** One remote relationship as Hasura lists it. */
export interface ListedRelationship {
  readonly source: string;
  readonly table: string;
  readonly name: string;
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

/** The metadata document as `export_metadata` (v1) gives it. */
export async function exportMetadata(endpoint: string, adminSecret: string | undefined): Promise<Record<string, unknown>> {
  return (await hasuraCall(endpoint, adminSecret, { type: "export_metadata", args: {} })) as Record<string, unknown>;
}

/** Every remote relationship on every table of every source, sorted by source, table and name. */
export function listRemoteRelationships(metadata: Record<string, unknown>): ListedRelationship[] {
  const found: ListedRelationship[] = [];
  for (const source of (metadata.sources ?? []) as {
    name: string;
    tables?: { table: { schema: string; name: string }; remote_relationships?: { name: string; definition: unknown }[] }[];
  }[]) {
    for (const table of source.tables ?? []) {
      for (const relationship of table.remote_relationships ?? []) {
        found.push({ source: source.name, table: `${table.table.schema}.${table.table.name}`, name: relationship.name, definition: relationship.definition });
      }
    }
  }
  return found.sort((a, b) => `${a.source}.${a.table}.${a.name}`.localeCompare(`${b.source}.${b.table}.${b.name}`));
}
