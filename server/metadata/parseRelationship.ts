/**
 * Parsers for remote relationship arguments and definitions, following Hasura's
 * `CreateFromSourceRelationship`, `parseRemoteRelationshipDefinition` (legacy / lenient / strict
 * modes), `ToSchemaRelationshipDef` (aeson Template Haskell) and `ToSourceRelationshipDef` (aeson
 * generics) FromJSON instances, messages and paths included. They produce the model's
 * `StoredDefinition`: `legacy` for the flat format, `definition` for the others.
 *
 * Paths: Hasura reads `definition` as a raw JSON value and parses it afterwards with
 * `parseRemoteRelationshipDefinition`, outside the `definition` key's path, and that function parses
 * the `to_source` / `to_remote_schema` values the same way (Hasura/RQL/DDL/RemoteRelationship.hs,
 * Hasura/RQL/Types/RemoteRelationship.hs). So a failure inside a definition is reported at the path
 * of the object holding `definition` (`$.args` for a command), plus only the keys the inner parsers
 * look up themselves (`$.args.remote_field`, `$.args.relationship_type`).
 */
import {
  defaultSource,
  isJsonObject,
  type QualifiedTable,
  type StoredDefinition,
  type TableRelationshipKey,
  type ToRemoteSchema,
  type ToSource,
} from "../../model";
import { aesonTypeName } from "../base/aeson";
import { Cursor, type ObjectCursor } from "../base/cursor";
import type { RemoteRelationship } from "./records";
import { parseRemoteField } from "./parseRemoteField";
import { parseFieldSet, parseQualifiedTable } from "./parseTable";

/** How strictly a definition is parsed (Hasura's `RRParseMode`). */
export type ParseMode = "legacy" | "lenient" | "strict";

// Each mode's name in aeson's type name, and the keys its "exactly one of" message lists.
const modeText: Record<ParseMode, [string, string]> = {
  legacy: ["(legacy format)", "remote_schema"],
  lenient: ["(lenient format)", "remote_schema, to_source, to_remote_schema"],
  strict: ["(strict format)", "to_source, to_remote_schema"],
};

/** A value read as raw JSON and parsed afterwards: failures inside it are reported at `at`'s path. */
function reparsed(value: Cursor, at: { path: Cursor["path"] }): Cursor {
  return new Cursor(value.value, at.path);
}

/** Parses a remote relationship definition object in the given mode. */
export function parseDefinition(mode: ParseMode, cursor: Cursor): StoredDefinition {
  const [suffix, expected] = modeText[mode];
  const object = cursor.object(`RemoteRelationshipDefinition ${suffix}`);
  const invalid = (): never => object.fail(`remote relationship definition ${suffix} expects exactly one of: ${expected}`);
  const remoteSchema = object.optional("remote_schema");
  if (remoteSchema !== undefined) {
    if (mode === "strict") return invalid();
    return { format: "legacy", target: parseLegacyFields(object, remoteSchema) };
  }
  if (mode === "legacy") return invalid();
  const toSource = object.optional("to_source");
  const toSchema = object.optional("to_remote_schema");
  if (toSchema !== undefined && toSource === undefined) return { format: "definition", target: parseToRemoteSchema(reparsed(toSchema, object)) };
  if (toSource !== undefined && toSchema === undefined) return { format: "definition", target: parseToSource(reparsed(toSource, object)) };
  return invalid();
}

function parseLegacyFields(object: ObjectCursor, remoteSchema: Cursor): ToRemoteSchema {
  const lhsFields = parseFieldSet(object.required("hasura_fields"));
  const remoteField = parseRemoteField(object.required("remote_field"));
  return { kind: "toRemoteSchema", remoteSchema: remoteSchema.nonEmptyText(), lhsFields, remoteField };
}

// Aeson's Template Haskell instance of `ToSchemaRelationshipDef` names the type in full.
const toSchemaType = "Hasura.RemoteSchema.Metadata.RemoteRelationship.ToSchemaRelationshipDef";

/** A field of an aeson Template Haskell record: a missing key fails with TH's own message. */
function thField(object: ObjectCursor, key: string): Cursor {
  if (!object.has(key)) object.fail(`When parsing the record ToSchemaRelationshipDef of type ${toSchemaType} the key ${key} was not present.`);
  return object.required(key);
}

function parseToRemoteSchema(cursor: Cursor): ToRemoteSchema {
  if (!isJsonObject(cursor.value)) {
    cursor.fail(`When parsing the constructor ToSchemaRelationshipDef of type ${toSchemaType} expected Object but got ${aesonTypeName(cursor.value)}.`);
  }
  const object = cursor.object("ToSchemaRelationshipDef");
  return {
    kind: "toRemoteSchema",
    remoteSchema: thField(object, "remote_schema").nonEmptyText(),
    lhsFields: parseFieldSet(thField(object, "lhs_fields")),
    remoteField: parseRemoteField(thField(object, "remote_field")),
  };
}

// Aeson's generic instance of `ToSourceRelationshipDef` names the type in full, with its constructor.
const toSourceType = "Hasura.RQL.Types.Relationships.ToSource.ToSourceRelationshipDef(ToSourceRelationshipDef)";

/** A field of an aeson generic record: only a missing key carries the record's context. */
function genericField(object: ObjectCursor, key: string): Cursor {
  if (!object.has(key)) object.fail(`parsing ${toSourceType} failed, key "${key}" not found`);
  return object.required(key);
}

function parseToSource(cursor: Cursor): ToSource {
  const object = cursor.object(toSourceType);
  const typeCursor = genericField(object, "relationship_type");
  // Hasura's `RelType` FromJSON.
  const relationshipType =
    typeCursor.value === "object" || typeCursor.value === "array" ? typeCursor.value : typeCursor.fail("expecting either 'object' or 'array' for rel_type");
  const mapping = genericField(object, "field_mapping").object("HashMap FieldName FieldName");
  // fromEntries keeps a key named `__proto__` as a key, where an assignment would not.
  const fieldMapping = Object.fromEntries(Object.keys(mapping.fields).map((key) => [key, mapping.required(key).text()]));
  const source = genericField(object, "source").nonEmptyText();
  return { kind: "toSource", relationshipType, source, table: parseQualifiedTable(genericField(object, "table")), fieldMapping };
}

/**
 * A named relationship from its definition JSON (parsed in `mode`). A `to_source` target keeps its
 * table as the JSON it was sent as, as Hasura keeps it (`_tsrdTable` is a JSON value, parsed only
 * when the schema cache is built).
 */
export function parseRemoteRelationship(mode: ParseMode, name: string, cursor: Cursor): RemoteRelationship {
  const definition = parseDefinition(mode, cursor);
  if (definition.target.kind !== "toSource" || !isJsonObject(cursor.value) || !isJsonObject(cursor.value.to_source)) return { name, definition };
  return { name, definition, targetTableJson: structuredClone(cursor.value.to_source.table) };
}

/** The arguments of `*_create_remote_relationship` / `*_update_remote_relationship`. */
export interface CreateRelationshipArgs {
  source: string;
  table: QualifiedTable;
  relationship: RemoteRelationship;
}

/**
 * Parses create/update arguments: the legacy flat format (`remote_schema` at top level) or the
 * `definition` format, exactly one of them.
 */
export function parseCreateRelationship(cursor: Cursor): CreateRelationshipArgs {
  const object = cursor.object("CreateFromSourceRelationship");
  const source = object.optional("source")?.nonEmptyText() ?? defaultSource;
  const table = parseQualifiedTable(object.required("table"));
  const name = object.required("name").nonEmptyText();
  const hasSchema = object.optional("remote_schema") !== undefined;
  const definition = object.optional("definition");
  if (hasSchema === (definition !== undefined)) {
    object.fail("create_remote_relationship expects exactly one of: remote_schema, definition");
  }
  const relationship = hasSchema
    ? parseRemoteRelationship("legacy", name, new Cursor(object.fields, object.path))
    : parseRemoteRelationship("strict", name, reparsed(definition as Cursor, object));
  return { source, table, relationship };
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
  const remoteField = parseRemoteField(object.required("remote_field"));
  const target: ToRemoteSchema = { kind: "toRemoteSchema", remoteSchema, lhsFields, remoteField };
  return { source: defaultSource, table, relationship: { name, definition: { format: "legacy", target } } };
}

/** The arguments of `*_delete_remote_relationship`: the relationship's key. */
export type DeleteRelationshipArgs = TableRelationshipKey;

/** Parses delete arguments `{source?, table, name}`. */
export function parseDeleteRelationship(cursor: Cursor): DeleteRelationshipArgs {
  const object = cursor.object("DeleteFromSourceRelationship");
  const source = object.optional("source")?.nonEmptyText() ?? defaultSource;
  return { source, table: parseQualifiedTable(object.required("table")), name: object.required("name").nonEmptyText() };
}

/** Parses a stored relationship `{name, definition}` as it appears in exported metadata. */
export function parseStoredRelationship(cursor: Cursor): RemoteRelationship {
  const object = cursor.object("RemoteRelationship");
  return parseRemoteRelationship("lenient", object.required("name").nonEmptyText(), reparsed(object.required("definition"), object));
}
