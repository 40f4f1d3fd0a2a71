/**
 * The server's store of Hasura metadata: the parts it understands (sources, tables, remote
 * schemas, remote relationships) as typed records over the shared model, and everything else kept
 * verbatim in `extra`, so that `replace_metadata` followed by `export_metadata` gives back what
 * was sent.
 */
import { defaultSource, sameTable, type ComputedField, type JsonObject, type JsonValue, type QualifiedTable, type StoredDefinition } from "../../model";

/**
 * A named remote relationship, its definition in the format it was written in. Hasura keeps a
 * `to_source` target's table as the JSON it was sent as (`"album"` stays a string), so that JSON
 * is kept beside the model's qualified table.
 */
export interface RemoteRelationship {
  name: string;
  definition: StoredDefinition;
  targetTableJson?: JsonValue;
}

/** A tracked table, its computed fields and remote relationships; other table metadata stays in `extra`. */
export interface TableMetadata {
  table: QualifiedTable;
  computedFields?: ComputedField[];
  remoteRelationships: RemoteRelationship[];
  extra: JsonObject;
}

/** A database source. */
export interface SourceMetadata {
  name: string;
  kind: string;
  tables: TableMetadata[];
  configuration: JsonObject;
  extra: JsonObject;
}

/** Remote relationships defined on one type of a remote schema. */
export interface RemoteSchemaTypeRelationships {
  typeName: string;
  relationships: RemoteRelationship[];
}

/** A remote schema as `add_remote_schema` stores it. */
export interface RemoteSchemaMetadata {
  name: string;
  definition: JsonObject;
  comment?: string;
  remoteRelationships: RemoteSchemaTypeRelationships[];
  extra: JsonObject;
}

/** The whole metadata. */
export interface Metadata {
  sources: SourceMetadata[];
  remoteSchemas: RemoteSchemaMetadata[];
  extra: JsonObject;
}

/** The configuration a fresh Hasura gives the `default` source (database URL from the environment). */
export const defaultSourceConfiguration: JsonObject = {
  connection_info: {
    database_url: { from_env: "HASURA_GRAPHQL_DATABASE_URL" },
    isolation_level: "read-committed",
    pool_settings: { connection_lifetime: 600, idle_timeout: 180, max_connections: 50, retries: 1 },
    use_prepared_statements: true,
  },
};

/**
 * The configuration the local server gives a source it adds at start (Hasura keeps whatever
 * `pg_add_source` was sent): the default source's, its database URL read from an environment
 * variable named after the source.
 */
export function sourceConfiguration(source: string): JsonObject {
  if (source === defaultSource) return structuredClone(defaultSourceConfiguration);
  const configuration = structuredClone(defaultSourceConfiguration);
  const variable = `${source.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_DATABASE_URL`;
  (configuration.connection_info as JsonObject).database_url = { from_env: variable };
  return configuration;
}

/** Metadata with an empty `default` Postgres source and nothing else. */
export function emptyMetadata(): Metadata {
  return {
    sources: [{ name: defaultSource, kind: "postgres", tables: [], configuration: structuredClone(defaultSourceConfiguration), extra: {} }],
    remoteSchemas: [],
    extra: {},
  };
}

/**
 * One object of the metadata, as Hasura's `MetadataObjId` names it: what an inconsistency is about,
 * and what `drop_inconsistent_metadata` purges.
 */
export type MetadataObjectRef =
  | { kind: "source"; source: string }
  | { kind: "table"; source: string; table: QualifiedTable }
  | { kind: "tableRelationship"; source: string; table: QualifiedTable; name: string }
  | { kind: "computedField"; source: string; table: QualifiedTable; name: string }
  | { kind: "remoteSchema"; name: string }
  | { kind: "schemaRelationship"; remoteSchema: string; typeName: string; name: string };

/** The tracked table's metadata in the named source, if both exist. */
export function findTable(metadata: Metadata, source: string, table: QualifiedTable): TableMetadata | undefined {
  return metadata.sources.find((s) => s.name === source)?.tables.find((t) => sameTable(t.table, table));
}

/** Counts the objects a schema-cache rebuild walks, for the rebuild cost model. */
export function countObjects(metadata: Metadata): number {
  let count = 0;
  for (const source of metadata.sources) {
    count += 1 + source.tables.length;
    for (const table of source.tables) count += table.remoteRelationships.length + (table.computedFields?.length ?? 0);
  }
  for (const schema of metadata.remoteSchemas) {
    count += 1;
    for (const type of schema.remoteRelationships) count += type.relationships.length;
  }
  return count;
}
