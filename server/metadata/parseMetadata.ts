/**
 * Parses a whole metadata document (as `replace_metadata` receives it and as the data directory
 * stores it). Version 3 has `sources`; versions 1 and 2 have the default source's `tables` at the
 * top level. Keys the server does not model are kept verbatim.
 */
import { defaultSource, type ComputedField, type JsonObject } from "../../model";
import type { Cursor, ObjectCursor } from "../base/cursor";
import { parseStoredRelationship } from "./parseRelationship";
import { parseComputedFieldDefinition, parseQualifiedTable } from "./parseTable";
import { defaultSourceConfiguration, type Metadata, type RemoteSchemaMetadata, type SourceMetadata, type TableMetadata } from "./records";

function rest(object: ObjectCursor, known: readonly string[]): JsonObject {
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(object.fields)) if (!known.includes(key)) extra[key] = structuredClone(value);
  return extra;
}

function parseTable(cursor: Cursor): TableMetadata {
  const object = cursor.object("TableMetadata");
  const relationships = object.optional("remote_relationships")?.array() ?? [];
  const computedFields = object.optional("computed_fields")?.array().map(parseComputedField) ?? [];
  const table: TableMetadata = {
    table: parseQualifiedTable(object.required("table")),
    remoteRelationships: relationships.map(parseStoredRelationship),
    extra: rest(object, ["table", "remote_relationships", "computed_fields"]),
  };
  if (computedFields.length > 0) table.computedFields = computedFields;
  return table;
}

/** Parses a stored computed field `{name, definition, comment?}`. */
function parseComputedField(cursor: Cursor): ComputedField {
  const object = cursor.object("ComputedFieldMetadata");
  const field: ComputedField = { name: object.required("name").nonEmptyText(), definition: parseComputedFieldDefinition(object.required("definition")) };
  const comment = object.optional("comment");
  if (comment !== undefined) field.comment = comment.text();
  return field;
}

function parseSource(cursor: Cursor): SourceMetadata {
  const object = cursor.object("SourceMetadata");
  const configuration = object.optional("configuration");
  return {
    name: object.required("name").nonEmptyText(),
    kind: object.optional("kind")?.text() ?? "postgres",
    tables: object.required("tables").array().map(parseTable),
    configuration: configuration === undefined ? structuredClone(defaultSourceConfiguration) : configuration.object("SourceConfiguration").fields,
    extra: rest(object, ["name", "kind", "tables", "configuration"]),
  };
}

/** Parses one remote schema entry `{name, definition, comment?, remote_relationships?}`. */
function parseRemoteSchema(cursor: Cursor): RemoteSchemaMetadata {
  const object = cursor.object("RemoteSchemaMetadata");
  const types = object.optional("remote_relationships")?.array() ?? [];
  const comment = object.optional("comment")?.text();
  return {
    name: object.required("name").nonEmptyText(),
    definition: normalizeRemoteSchemaDefinition(object.required("definition").object("RemoteSchemaDef").fields),
    ...(comment === undefined ? {} : { comment }),
    remoteRelationships: types.map((type) => {
      const typeObject = type.object("RemoteSchemaMetadata");
      const relationships = typeObject.optional("relationships")?.array() ?? [];
      return { typeName: typeObject.required("type_name").text(), relationships: relationships.map(parseStoredRelationship) };
    }),
    extra: rest(object, ["name", "definition", "comment", "remote_relationships"]),
  };
}

/** Drops defaults Hasura leaves out of exported remote schema definitions. */
export function normalizeRemoteSchemaDefinition(definition: JsonObject): JsonObject {
  const copy = structuredClone(definition);
  if (copy.forward_client_headers === false) delete copy.forward_client_headers;
  for (const key of Object.keys(copy)) if (copy[key] === null) delete copy[key];
  return copy;
}

/**
 * A parsed metadata document. Versions 1 and 2 have no sources: their `tables` belong to the
 * `default` source of whatever metadata they replace (see `withDefaultSource`).
 */
export interface ParsedMetadata {
  metadata: Metadata;
  sourcelessTables?: TableMetadata[];
}

/** Parses a metadata document of version 1, 2 or 3. */
export function parseMetadata(cursor: Cursor): ParsedMetadata {
  const object = cursor.object("Metadata");
  const version = object.optional("version")?.integer() ?? 1;
  if (version < 1 || version > 3) object.required("version").fail(`unexpected metadata version ${version}`);
  const remoteSchemas = object.optional("remote_schemas")?.array().map(parseRemoteSchema) ?? [];
  if (version === 3) {
    const sources = object.required("sources").array().map(parseSource);
    return { metadata: { sources, remoteSchemas, extra: rest(object, ["version", "sources", "remote_schemas"]) } };
  }
  const sourcelessTables = object.required("tables").array().map(parseTable);
  const extra = rest(object, ["version", "tables", "remote_schemas", "functions"]);
  return { metadata: { sources: [], remoteSchemas, extra }, sourcelessTables };
}

/**
 * The metadata a parsed document stands for when it replaces `current`: a sourceless document
 * puts its tables into `current`'s `default` source (Hasura's `RMWithoutSources`). Undefined when
 * it is sourceless and `current` has no default source.
 */
export function withDefaultSource(parsed: ParsedMetadata, current: Metadata): Metadata | undefined {
  if (parsed.sourcelessTables === undefined) return parsed.metadata;
  const base = current.sources.find((source) => source.name === defaultSource);
  if (base === undefined) return undefined;
  return { ...parsed.metadata, sources: [{ ...structuredClone(base), tables: parsed.sourcelessTables }] };
}
