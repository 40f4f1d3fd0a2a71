/**
 * Metadata to JSON, as Hasura's `export_metadata` writes it (RQL/Types/Metadata/Serialization.hs):
 * tables, remote schemas and relationships sorted, empty lists left out, each remote relationship
 * in the format it was written in (the model's `storedDefinitionJson`), `hasura_fields`/`lhs_fields`
 * as sets.
 */
import {
  defaultSource,
  isJsonObject,
  storedDefinitionJson,
  tableJson,
  type ComputedField,
  type ComputedFieldDefinition,
  type JsonObject,
  type JsonValue,
  type QualifiedTable,
} from "../../model";
import type { Metadata, RemoteRelationship, RemoteSchemaMetadata, SourceMetadata, TableMetadata } from "./records";

/**
 * A relationship's definition as JSON: legacy flat, `to_remote_schema` or `to_source`, a
 * `to_source` table as it was sent. A copy, so that answers never share objects with the stored
 * metadata.
 */
export function definitionJson(relationship: RemoteRelationship): JsonObject {
  const json = structuredClone(storedDefinitionJson(relationship.definition));
  if (relationship.targetTableJson !== undefined && isJsonObject(json.to_source)) json.to_source.table = structuredClone(relationship.targetTableJson);
  return json;
}

/** A stored relationship `{name, definition}`. */
export function relationshipJson(relationship: RemoteRelationship): JsonObject {
  return { name: relationship.name, definition: definitionJson(relationship) };
}

/**
 * The `CreateFromSourceRelationship` JSON Hasura shows as an inconsistent relationship's
 * `definition`: legacy ones flattened beside source/table/name, the others under `definition`.
 */
export function createArgumentsJson(source: string, table: QualifiedTable, relationship: RemoteRelationship): JsonObject {
  const common: JsonObject = { source, table: tableJson(table), name: relationship.name };
  const definition = definitionJson(relationship);
  const legacy = relationship.definition.format === "legacy" && relationship.definition.target.kind === "toRemoteSchema";
  return legacy ? { ...common, ...definition } : { definition, ...common };
}

/**
 * The `CreateRemoteSchemaRemoteRelationship` JSON Hasura shows as an inconsistent remote schema
 * relationship's `definition`. Hasura derives it generically (`genericToJSON hasuraJSON` on the
 * field `_crsrrType`), so the type is under `type`, though the command takes it as `type_name`.
 */
export function schemaRelationshipArgumentsJson(remoteSchema: string, typeName: string, relationship: RemoteRelationship): JsonObject {
  return { remote_schema: remoteSchema, type: typeName, name: relationship.name, definition: definitionJson(relationship) };
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function tableOrder(a: TableMetadata, b: TableMetadata): number {
  const left = `${a.table.schema}\u0000${a.table.name}`;
  const right = `${b.table.schema}\u0000${b.table.name}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A computed field's definition as Hasura writes it: the function always as `{schema, name}`. */
export function computedFieldDefinitionJson(definition: ComputedFieldDefinition): JsonObject {
  const json: JsonObject = { function: { schema: definition.function.schema, name: definition.function.name } };
  if (definition.tableArgument !== undefined) json.table_argument = definition.tableArgument;
  if (definition.sessionArgument !== undefined) json.session_argument = definition.sessionArgument;
  return json;
}

function computedFieldJson(field: ComputedField): JsonObject {
  const json: JsonObject = { name: field.name, definition: computedFieldDefinitionJson(field.definition) };
  if (field.comment !== undefined) json.comment = field.comment;
  return json;
}

function tableMetadataJson(table: TableMetadata): JsonObject {
  const json: JsonObject = { table: tableJson(table.table), ...structuredClone(table.extra) };
  if ((table.computedFields ?? []).length > 0) json.computed_fields = byName(table.computedFields ?? []).map(computedFieldJson);
  if (table.remoteRelationships.length > 0) json.remote_relationships = byName(table.remoteRelationships).map(relationshipJson);
  return json;
}

function sourceJson(source: SourceMetadata): JsonObject {
  return {
    name: source.name,
    kind: source.kind,
    tables: [...source.tables].sort(tableOrder).map(tableMetadataJson),
    configuration: structuredClone(source.configuration),
    ...structuredClone(source.extra),
  };
}

/** A remote schema as exported (and as `add_remote_schema` arguments plus relationships). */
export function remoteSchemaJson(schema: RemoteSchemaMetadata): JsonObject {
  const json: JsonObject = { name: schema.name, definition: structuredClone(schema.definition), ...structuredClone(schema.extra) };
  if (schema.comment !== undefined) json.comment = schema.comment;
  // A type whose last relationship was deleted keeps its entry, as Hasura's metadata does.
  const types = schema.remoteRelationships;
  if (types.length > 0) {
    json.remote_relationships = types.map((type) => ({
      type_name: type.typeName,
      relationships: byName(type.relationships).map(relationshipJson),
    }));
  }
  return json;
}

/** `export_metadata` (v1): the bare metadata object, version 3. */
export function metadataJson(metadata: Metadata): JsonObject {
  const json: JsonObject = { version: 3, sources: metadata.sources.map(sourceJson), ...structuredClone(metadata.extra) };
  if (metadata.remoteSchemas.length > 0) json.remote_schemas = byName(metadata.remoteSchemas).map(remoteSchemaJson);
  return json;
}

/**
 * `export_metadata` as Hasura 1.3 answered it: version 2, tables at top level (the `default`
 * source's), remote schemas beside them.
 */
export function metadataJsonV1(metadata: Metadata): JsonObject {
  const source = metadata.sources.find((s) => s.name === defaultSource);
  const tables: JsonValue[] = source === undefined ? [] : [...source.tables].sort(tableOrder).map(tableMetadataJson);
  const json: JsonObject = { version: 2, tables };
  if (metadata.remoteSchemas.length > 0) json.remote_schemas = byName(metadata.remoteSchemas).map(remoteSchemaJson);
  return json;
}
