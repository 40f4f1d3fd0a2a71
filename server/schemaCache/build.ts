/**
 * The schema-cache build: walks the whole metadata and answers every object that cannot be
 * included, with Hasura's identities, reasons and definitions (`buildSchemaCacheRule`,
 * Hasura/RQL/DDL/Schema/Cache.hs). It is a pure function of the metadata, the databases behind the
 * sources and the introspected remote schemas; the rebuild cost is modelled by the caller.
 */
import type { GraphQLSchema } from "graphql";
import {
  catalogColumns,
  columnConflictText,
  isJoinable,
  remoteSchemaTypeJoinFields,
  resolveComputedField,
  tableJson,
  tableText,
  type SourceCatalog,
} from "../../model";
import { dquote } from "../base/aeson";
import { findTable, type Metadata, type RemoteSchemaMetadata, type SourceMetadata, type TableMetadata } from "../metadata/records";
import { computedFieldDefinitionJson, createArgumentsJson, remoteSchemaJson, schemaRelationshipArgumentsJson } from "../metadata/serialize";

import type { InconsistentObject, Profile } from "./inconsistency";
import { relationshipFailure, type TargetWorld } from "./relationshipTarget";

/** Everything a build reads. */
export interface BuildInput {
  metadata: Metadata;
  /** The catalog read of each source that resolved (a database of its kind is behind it), by name. */
  catalogs: ReadonlyMap<string, SourceCatalog>;
  profile: Profile;
  /** Introspected remote schemas, by name. */
  remoteSchemas: ReadonlyMap<string, GraphQLSchema>;
  /** Remote schemas whose introspection failed, with the reason. */
  remoteSchemaFailures: ReadonlyMap<string, string>;
}

/** The id Hasura gives a table's remote relationship (`moiName`). */
export function tableRelationshipId(source: string, table: string, name: string): string {
  return `remote_relationship ${name} in table ${table} in source ${source}`;
}

/** The id Hasura gives a remote schema's remote relationship (`moiName`). */
export function schemaRelationshipId(schema: string, typeName: string, name: string): string {
  return `remote_schema_remote_relationship remote_relationship ${name} on type ${typeName} in remote schema ${schema}`;
}

function makeWorld(input: BuildInput): TargetWorld {
  const sources = new Map<string, string>();
  for (const source of input.metadata.sources) if (input.catalogs.has(source.name)) sources.set(source.name, source.kind);
  const remoteSchemas = new Map<string, GraphQLSchema>();
  for (const { name } of input.metadata.remoteSchemas) {
    const schema = input.remoteSchemas.get(name);
    if (schema !== undefined && !input.remoteSchemaFailures.has(name)) remoteSchemas.set(name, schema);
  }
  return {
    profile: input.profile,
    remoteSchemas,
    sources,
    trackedColumns: (source, table) => (findTable(input.metadata, source, table) !== undefined ? catalogColumns(input.catalogs.get(source), table) : undefined),
  };
}

/** The id Hasura gives a table's computed field (`moiName`). */
export function computedFieldId(source: string, table: string, name: string): string {
  return `computed_field ${name} in table ${table} in source ${source}`;
}

/** The computed fields of `table` that do not resolve, and the names of those that can join a remote relationship. */
function computedFieldInconsistencies(
  source: SourceMetadata,
  table: TableMetadata,
  input: BuildInput,
): { inconsistencies: InconsistentObject[]; joinable: string[] } {
  const catalog = input.catalogs.get(source.name);
  const inconsistencies: InconsistentObject[] = [];
  const joinable: string[] = [];
  if (catalog === undefined) return { inconsistencies, joinable };
  const tracked = source.tables.map((candidate) => candidate.table);
  const text = tableText(table.table);
  for (const field of table.computedFields ?? []) {
    const resolved = resolveComputedField(field, table.table, catalog, tracked);
    if (typeof resolved !== "string") {
      if (isJoinable(resolved)) joinable.push(field.name);
      continue;
    }
    inconsistencies.push({
      id: computedFieldId(source.name, text, field.name),
      type: "computed_field",
      reason: `in table ${dquote(text)}: in computed field ${dquote(field.name)}: ${resolved}`,
      definition: {
        source: source.name,
        table: tableJson(table.table),
        name: field.name,
        definition: computedFieldDefinitionJson(field.definition),
        comment: field.comment ?? null,
      },
      ref: { kind: "computedField", source: source.name, table: table.table, name: field.name },
    });
  }
  return { inconsistencies, joinable };
}

function sourceInconsistencies(source: SourceMetadata, input: BuildInput, world: TargetWorld): InconsistentObject[] {
  if (!world.sources.has(source.name)) {
    const reason = `source ${dquote(source.name)} has no ${source.kind} database on this local server`;
    return [{ id: `source ${source.name}`, type: "source", reason, definition: source.name, ref: { kind: "source", source: source.name } }];
  }
  const found: InconsistentObject[] = [];
  for (const table of source.tables) {
    const text = tableText(table.table);
    const columns = catalogColumns(input.catalogs.get(source.name), table.table);
    if (columns === undefined) {
      found.push({
        id: `table ${text} in source ${source.name}`,
        type: "table",
        reason: `no such table/view exists in source: ${dquote(text)}`,
        definition: tableJson(table.table),
        ref: { kind: "table", source: source.name, table: table.table },
      });
      continue;
    }
    const computed = computedFieldInconsistencies(source, table, input);
    found.push(...computed.inconsistencies);
    const joinFields = [...columns, ...computed.joinable];
    for (const relationship of table.remoteRelationships) {
      const failure = relationshipFailure(relationship, { identifier: text, joinFields }, world);
      const context = input.profile === "v2" ? `in remote relationship ${dquote(relationship.name)}` : `in remote relationship${dquote(relationship.name)}`;
      // A relationship named like a column is recorded after it resolved, outside the table context.
      const reason =
        failure !== undefined ? `in table ${dquote(text)}: ${context}: ${failure}` : columns.includes(relationship.name) ? columnConflictText : undefined;
      if (reason === undefined) continue;
      found.push({
        id: tableRelationshipId(source.name, text, relationship.name),
        type: "remote_relationship",
        reason,
        definition: createArgumentsJson(source.name, table.table, relationship),
        ref: { kind: "tableRelationship", source: source.name, table: table.table, name: relationship.name },
      });
    }
  }
  return found;
}

function remoteSchemaInconsistencies(schema: RemoteSchemaMetadata, input: BuildInput, world: TargetWorld): InconsistentObject[] {
  const failure = input.remoteSchemaFailures.get(schema.name);
  const introspected = input.remoteSchemas.get(schema.name);
  if (failure !== undefined || introspected === undefined) {
    const { name, definition, comment } = remoteSchemaJson(schema);
    return [
      {
        id: `remote_schema ${schema.name}`,
        type: "remote_schema",
        reason: failure ?? "remote schema was never introspected",
        definition: { name, definition, comment: comment ?? null },
        ref: { kind: "remoteSchema", name: schema.name },
      },
    ];
  }
  const found: InconsistentObject[] = [];
  for (const type of schema.remoteRelationships) {
    for (const relationship of type.relationships) {
      const joinFields = remoteSchemaTypeJoinFields(introspected, schema.name, type.typeName);
      const reason = joinFields.ok ? relationshipFailure(relationship, { identifier: schema.name, joinFields: joinFields.fields }, world) : joinFields.reason;
      if (reason === undefined) continue;
      found.push({
        id: schemaRelationshipId(schema.name, type.typeName, relationship.name),
        type: "remote_schema_remote_relationship",
        reason: `in remote relationship ${dquote(relationship.name)}: ${reason}`,
        definition: schemaRelationshipArgumentsJson(schema.name, type.typeName, relationship),
        ref: { kind: "schemaRelationship", remoteSchema: schema.name, typeName: type.typeName, name: relationship.name },
      });
    }
  }
  return found;
}

/** Builds the schema cache and answers its inconsistent objects (empty when all is consistent). */
export function buildInconsistencies(input: BuildInput): InconsistentObject[] {
  const world = makeWorld(input);
  return [
    ...input.metadata.sources.flatMap((source) => sourceInconsistencies(source, input, world)),
    ...input.metadata.remoteSchemas.flatMap((schema) => remoteSchemaInconsistencies(schema, input, world)),
  ];
}
