/** The requests this provider sends to Hasura, as plain data: which API, and the JSON body. */
import {
  defaultSource,
  storedDefinitionJson,
  tableJson,
  targetJson,
  type MetadataDocument,
  type RelationshipTarget,
  type RemoteSchemaRelationshipKey,
  type TableRelationshipKey,
} from "../../model";

/** Which of Hasura's APIs carries the calls: `/v1/metadata` (v2.0.10+) or the deprecated `/v1/query`. */
export type ApiMode = "metadata" | "query";

/** What the `hasura:api` setting may say; `auto` asks the server's `/v1/version`. */
export type ApiSetting = ApiMode | "auto";

/** A request to send: the API path and the JSON body. */
export interface HasuraRequest {
  readonly path: "/v1/metadata" | "/v1/query" | "/v2/query";
  readonly body: Readonly<Record<string, unknown>>;
}

/** A change to one relationship: write this target, or delete it. */
export type Write = { readonly kind: "create" | "update"; readonly target: RelationshipTarget } | { readonly kind: "delete" };

/** The first version whose `/v1/metadata` takes `definition.to_remote_schema` for remote relationships. */
const firstMetadataApiVersion = [2, 0, 10] as const;

/**
 * The API to use for a server that reports `version` (e.g. "v2.48.3", "v1.3.3"). A version that cannot
 * be read, such as a development build, is taken to be recent.
 */
export function chooseApi(setting: ApiSetting, version: string | undefined): ApiMode {
  if (setting !== "auto") return setting;
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? "");
  if (!match) return "metadata";
  const parts = match.slice(1, 4).map(Number);
  for (let index = 0; index < 3; index++) {
    if (parts[index] !== firstMetadataApiVersion[index]) return parts[index] > firstMetadataApiVersion[index] ? "metadata" : "query";
  }
  return "metadata";
}

/** Reads the whole metadata; on `/v1/metadata` in version 2 form, so that it carries `resource_version`. */
export function exportRequest(mode: ApiMode): HasuraRequest {
  return mode === "metadata"
    ? { path: "/v1/metadata", body: { type: "export_metadata", version: 2, args: {} } }
    : { path: "/v1/query", body: { type: "export_metadata", args: {} } };
}

/**
 * Creates, updates or deletes one relationship on a table. On `/v1/metadata` the definition format is
 * written and `resourceVersion` guards against concurrent changes; `/v1/query` takes the legacy flat
 * format, which only remote schema targets have.
 */
export function tableRelationshipRequest(
  mode: ApiMode,
  key: TableRelationshipKey,
  write: Write,
  resourceVersion?: number,
  sourceKind = "postgres",
): HasuraRequest {
  const where = { table: tableJson(key.table), name: key.name };
  if (mode === "metadata") {
    const definition = write.kind === "delete" ? {} : { definition: storedDefinitionJson({ format: "definition", target: write.target }) };
    const args = { source: key.source, ...where, ...definition };
    return { path: "/v1/metadata", body: { type: `${commandPrefix(sourceKind)}_${write.kind}_remote_relationship`, ...guard(resourceVersion), args } };
  }
  if (write.kind !== "delete" && write.target.kind === "toSource") {
    throw new Error(
      `Hasura's /v1/query API (Hasura 1.x) has no relationships to another database source, so "${key.source}.${key.table.schema}.${key.table.name}.${key.name}" cannot be written. Upgrade Hasura to v2, or join a remote schema instead.`,
    );
  }
  // The deprecated API predates sources: name the source only when it is not the default one.
  const source = key.source === defaultSource ? {} : { source: key.source };
  const definition = write.kind === "delete" ? {} : storedDefinitionJson({ format: "legacy", target: write.target });
  return { path: "/v1/query", body: { type: `${write.kind}_remote_relationship`, args: { ...source, ...where, ...definition } } };
}

/**
 * Creates, updates or deletes one relationship on a remote schema's type (Hasura v2.5+, `/v1/metadata`
 * only), guarded by `resourceVersion` like the others.
 */
export function remoteSchemaRelationshipRequest(mode: ApiMode, key: RemoteSchemaRelationshipKey, write: Write, resourceVersion?: number): HasuraRequest {
  if (mode === "query") {
    throw new Error(
      `Hasura's /v1/query API (Hasura 1.x) has no relationships on remote schema types, so "${key.remoteSchema}.${key.typeName}.${key.name}" cannot be written. They need Hasura v2.5 or newer.`,
    );
  }
  const definition = write.kind === "delete" ? {} : { definition: targetJson(write.target) };
  const args = { remote_schema: key.remoteSchema, type_name: key.typeName, name: key.name, ...definition };
  return { path: "/v1/metadata", body: { type: `${write.kind}_remote_schema_remote_relationship`, ...guard(resourceVersion), args } };
}

/** Asks Hasura which metadata objects no longer build (`get_inconsistent_metadata`), on either API. */
export function inconsistenciesRequest(mode: ApiMode): HasuraRequest {
  return { path: mode === "metadata" ? "/v1/metadata" : "/v1/query", body: { type: "get_inconsistent_metadata", args: {} } };
}

/** Asks Hasura for a remote schema's introspection, as Hasura itself stored it when the schema was added or reloaded. */
export function introspectRemoteSchemaRequest(name: string): HasuraRequest {
  return { path: "/v1/metadata", body: { type: "introspect_remote_schema", args: { name } } };
}

/** The `run_sql` of each Postgres-family kind of source, on `/v2/query` (Hasura/Server/API/V2Query.hs). */
const runSqlCommands = new Map([
  ["postgres", "run_sql"],
  ["citus", "citus_run_sql"],
  ["cockroach", "cockroach_run_sql"],
]);

/**
 * Runs `sql` on a source's database as Hasura's console reads it: `read_only`, so that Hasura runs it in
 * a READ ONLY transaction and neither checks nor changes its metadata. Undefined for a kind of source
 * whose `run_sql` is not Postgres's (SQL Server, BigQuery, data connectors).
 */
export function readOnlySqlRequest(sourceKind: string, source: string, sql: string): HasuraRequest | undefined {
  const type = runSqlCommands.get(sourceKind);
  return type === undefined ? undefined : { path: "/v2/query", body: { type, args: { source, sql, read_only: true } } };
}

/**
 * Replaces the whole metadata with `metadata`: the only write after which Hasura rebuilds its schema
 * cache once for many changes. Refused (and nothing stored) when the result would be inconsistent.
 */
export function replaceMetadataRequest(metadata: MetadataDocument, resourceVersion: number, allowInconsistent = false): HasuraRequest {
  return {
    path: "/v1/metadata",
    body: { type: "replace_metadata", version: 2, resource_version: resourceVersion, args: { allow_inconsistent_metadata: allowInconsistent, metadata } },
  };
}

/**
 * The prefix of a source's metadata commands, by its kind (Hasura's backend tags); a kind this list
 * does not know is taken to be a data connector, whose commands carry the kind itself.
 */
function commandPrefix(sourceKind: string): string {
  const prefixes: Record<string, string> = { postgres: "pg", citus: "citus", cockroach: "cockroach", mssql: "mssql", bigquery: "bigquery" };
  return prefixes[sourceKind] ?? sourceKind;
}

function guard(resourceVersion: number | undefined) {
  return resourceVersion === undefined ? {} : { resource_version: resourceVersion };
}
