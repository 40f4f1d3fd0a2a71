/**
 * The metadata a server starts with: what the data directory kept (with the URLs of remote
 * schema servers it restarted brought up to date), or else the environment's and options'
 * sources, tracked tables and remote schemas, on an empty `default` source.
 */
import { defaultSource, sameTable, type QualifiedTable } from "../../model";
import { isParseFailure } from "../base/apiError";
import { Cursor } from "../base/cursor";
import type { PersistedState } from "../engine/persistence";
import type { HasuraServerOptions } from "./options";
import { parseMetadata, withDefaultSource } from "../metadata/parseMetadata";
import { emptyMetadata, sourceConfiguration, type Metadata, type SourceMetadata } from "../metadata/records";
import type { Environment, SourceSpec } from "./environment";

/** The starting metadata, its `resource_version`, and whether it came from the data directory. */
export interface InitialMetadata {
  metadata: Metadata;
  resourceVersion: number;
  fromDisk: boolean;
}

/** What the starting metadata is made from. */
export interface InitialInputs {
  environment?: Environment;
  options: HasuraServerOptions;
  persisted?: PersistedState;
  /** URLs of the remote schema servers started for the environment, by name. */
  remoteSchemaUrls: Record<string, string>;
}

function fromDisk(persisted: PersistedState, remoteSchemaUrls: Record<string, string>): Metadata {
  let metadata: Metadata | undefined;
  try {
    metadata = withDefaultSource(parseMetadata(new Cursor(persisted.metadata)), emptyMetadata());
  } catch (error) {
    if (isParseFailure(error)) throw new Error(`The stored metadata cannot be read: ${error.error}`);
    throw error;
  }
  const stored = metadata ?? emptyMetadata();
  for (const schema of stored.remoteSchemas) {
    const previous = persisted.environment_remote_schemas?.[schema.name];
    const current = remoteSchemaUrls[schema.name];
    if (previous !== undefined && current !== undefined && schema.definition.url === previous) schema.definition.url = current;
  }
  return stored;
}

function trackAll(source: SourceMetadata, tables: readonly QualifiedTable[]): void {
  for (const table of tables) {
    if (!source.tables.some((known) => sameTable(known.table, table)))
      source.tables.push({ table: { schema: table.schema, name: table.name }, remoteRelationships: [], extra: {} });
  }
}

/** The sources besides `default` that the environment and the options name, in that order. */
export function extraSources(inputs: Pick<InitialInputs, "environment" | "options">): SourceSpec[] {
  return [...(inputs.environment?.sources ?? []), ...(inputs.options.sources ?? [])];
}

function fresh(inputs: InitialInputs): Metadata {
  const metadata = emptyMetadata();
  trackAll(metadata.sources[0], [...(inputs.environment?.trackedTables ?? []), ...(inputs.options.trackedTables ?? [])]);
  for (const spec of extraSources(inputs)) {
    let source = metadata.sources.find((candidate) => candidate.name === spec.name);
    if (source === undefined) {
      const kind = spec.kind ?? "postgres";
      source = { name: spec.name, kind, tables: [], configuration: sourceConfiguration(spec.name), extra: {} };
      metadata.sources.push(source);
    }
    trackAll(source, spec.trackedTables ?? []);
  }
  const schemas = [...Object.entries(inputs.remoteSchemaUrls).map(([name, url]) => ({ name, url })), ...(inputs.options.remoteSchemas ?? [])];
  metadata.remoteSchemas = schemas.map(({ name, url }) => ({ name, definition: { url }, remoteRelationships: [], extra: {} }));
  return metadata;
}

/** The `resource_version` of Hasura's metadata before its first write. */
export const firstResourceVersion = 1;

/**
 * Works out the starting metadata; throws an Error when stored metadata cannot be read. Fresh
 * metadata starts where Hasura would stand after setting it up: each added source (other than
 * `default`), each tracked table and each added remote schema was one metadata write there, so
 * each counts one `resource_version`.
 */
export function initialMetadata(inputs: InitialInputs): InitialMetadata {
  if (inputs.persisted !== undefined) {
    return { metadata: fromDisk(inputs.persisted, inputs.remoteSchemaUrls), resourceVersion: inputs.persisted.resource_version, fromDisk: true };
  }
  const metadata = fresh(inputs);
  const addedSources = metadata.sources.filter((source) => source.name !== defaultSource).length;
  const trackedTables = metadata.sources.reduce((count, source) => count + source.tables.length, 0);
  const setupWrites = addedSources + trackedTables + metadata.remoteSchemas.length;
  return { metadata, resourceVersion: firstResourceVersion + setupWrites, fromDisk: false };
}
