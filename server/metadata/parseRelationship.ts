/**
 * Parsers for remote relationship arguments and definitions, following Hasura's
 * `CreateFromSourceRelationship`, `parseRemoteRelationshipDefinition` (legacy / lenient / strict
 * modes) and `ToSourceRelationshipDef` FromJSON instances, messages included.
 */
import { Cursor, type ObjectCursor } from "../base/cursor";
import { parseRemoteFields } from "./parseRemoteField";
import { parseFieldSet, parseQualifiedTable } from "./parseTable";
import type { QualifiedTable, RemoteRelationship, RemoteRelationshipDefinition, ToSchemaDefinition } from "./records";

/** How strictly a definition is parsed (Hasura's `RRParseMode`). */
export type ParseMode = "legacy" | "lenient" | "strict";

const MODE_TEXT: Record<ParseMode, [string, string]> = {
  legacy: ["(legacy format)", "remote_schema"],
  lenient: ["(lenient format)", "remote_schema, to_source, to_remote_schema"],
  strict: ["(strict format)", "to_source, to_remote_schema"],
};

/** Parses a remote relationship definition object in the given mode. */
export function parseDefinition(mode: ParseMode, cursor: Cursor): RemoteRelationshipDefinition {
  const [suffix, expected] = MODE_TEXT[mode];
  const object = cursor.object(`RemoteRelationshipDefinition ${suffix}`);
  const invalid = (): never => object.fail(`remote relationship definition ${suffix} expects exactly one of: ${expected}`);
  const remoteSchema = object.optional("remote_schema");
  if (remoteSchema !== undefined) {
    if (mode === "strict") return invalid();
    return { target: "remote_schema", format: "legacy", toSchema: parseLegacyFields(object, remoteSchema) };
  }
  if (mode === "legacy") return invalid();
  const toSource = object.optional("to_source");
  const toSchema = object.optional("to_remote_schema");
  if (toSchema !== undefined && toSource === undefined) {
    return { target: "remote_schema", format: "unified", toSchema: parseToSchema(toSchema) };
  }
  if (toSource !== undefined && toSchema === undefined) return { target: "source", toSource: parseToSource(toSource) };
  return invalid();
}

function parseLegacyFields(object: ObjectCursor, remoteSchema: Cursor): ToSchemaDefinition {
  const lhsFields = parseFieldSet(object.required("hasura_fields"));
  const remoteField = parseRemoteFields(object.required("remote_field"));
  return { remoteSchema: remoteSchema.nonEmptyText(), lhsFields, remoteField };
}

function parseToSchema(cursor: Cursor): ToSchemaDefinition {
  const object = cursor.object("ToSchemaRelationshipDef");
  return {
    remoteSchema: object.required("remote_schema").nonEmptyText(),
    lhsFields: parseFieldSet(object.required("lhs_fields")),
    remoteField: parseRemoteFields(object.required("remote_field")),
  };
}

function parseToSource(cursor: Cursor) {
  const object = cursor.object("ToSourceRelationshipDef");
  const relationshipType = object.required("relationship_type").text();
  if (relationshipType !== "object" && relationshipType !== "array") {
    object.required("relationship_type").fail(`unexpected relationship type "${relationshipType}"`);
  }
  const mapping = object.required("field_mapping").object("HashMap FieldName FieldName");
  const fieldMapping = Object.keys(mapping.fields).map((key): [string, string] => [key, mapping.required(key).text()]);
  const source = object.required("source").nonEmptyText();
  return { source, table: parseQualifiedTable(object.required("table")), relationshipType, fieldMapping };
}

/** The arguments of `*_create_remote_relationship` / `*_update_remote_relationship`. */
export interface CreateRelationshipArgs {
  source: string;
  table: QualifiedTable;
  relationship: RemoteRelationship;
}

/**
 * Parses create/update arguments: the legacy flat format (`remote_schema` at top level) or the
 * unified format (`definition`), exactly one of them.
 */
export function parseCreateRelationship(cursor: Cursor): CreateRelationshipArgs {
  const object = cursor.object("CreateFromSourceRelationship");
  const source = object.optional("source")?.nonEmptyText() ?? "default";
  const table = parseQualifiedTable(object.required("table"));
  const name = object.required("name").nonEmptyText();
  const hasSchema = object.optional("remote_schema") !== undefined;
  const definition = object.optional("definition");
  if (hasSchema === (definition !== undefined)) {
    object.fail("create_remote_relationship expects exactly one of: remote_schema, definition");
  }
  const parsed = hasSchema ? parseDefinition("legacy", new Cursor(object.fields, object.path)) : parseDefinition("strict", definition as Cursor);
  return { source, table, relationship: { name, definition: parsed } };
}

/**
 * Parses create/update arguments the way Hasura 1.3 did: only the flat format, fields read in
 * the record's order (name, table, hasura_fields, remote_schema, remote_field).
 */
export function parseCreateRelationshipV1(cursor: Cursor): CreateRelationshipArgs {
  const object = cursor.object("RemoteRelationship");
  const name = object.required("name").nonEmptyText();
  const table = parseQualifiedTable(object.required("table"));
  const lhsFields = parseFieldSet(object.required("hasura_fields"));
  const remoteSchema = object.required("remote_schema").nonEmptyText();
  const remoteField = parseRemoteFields(object.required("remote_field"));
  const toSchema = { remoteSchema, lhsFields, remoteField };
  return { source: "default", table, relationship: { name, definition: { target: "remote_schema", format: "legacy", toSchema } } };
}

/** The arguments of `*_delete_remote_relationship`. */
export interface DeleteRelationshipArgs {
  source: string;
  table: QualifiedTable;
  name: string;
}

/** Parses delete arguments `{source?, table, name}`. */
export function parseDeleteRelationship(cursor: Cursor): DeleteRelationshipArgs {
  const object = cursor.object("DeleteFromSourceRelationship");
  const source = object.optional("source")?.nonEmptyText() ?? "default";
  return { source, table: parseQualifiedTable(object.required("table")), name: object.required("name").nonEmptyText() };
}

/** Parses a stored relationship `{name, definition}` as it appears in exported metadata. */
export function parseStoredRelationship(cursor: Cursor): RemoteRelationship {
  const object = cursor.object("RemoteRelationship");
  return { name: object.required("name").nonEmptyText(), definition: parseDefinition("lenient", object.required("definition")) };
}
