/**
 * Hasura's metadata document as `export_metadata` gives it and `replace_metadata` takes it: checked
 * with a schema where it holds remote relationships, and otherwise kept exactly as it came, so that a
 * read-modify-write changes only the relationships it means to.
 */
import { z } from "zod";
import { isJsonObject, type JsonObject, type JsonValue } from "./json";
import type { RemoteSchemaRelationshipKey, TableRelationshipKey } from "./relationshipKey";
import { storedDefinitionJson, type StoredDefinition } from "./relationshipTarget";
import { firstIssue, parseStoredDefinition, tableJsonSchema, type Parsed } from "./storedJson";
import { defaultSource, sameTable, type QualifiedTable } from "./table";

const relationshipEntry = z.looseObject({ name: z.string(), definition: z.unknown() });
const tableEntry = z.looseObject({ table: tableJsonSchema, remote_relationships: z.array(relationshipEntry).optional() });
const remoteSchemaEntry = z.looseObject({
  name: z.string(),
  remote_relationships: z.array(z.looseObject({ type_name: z.string(), relationships: z.array(relationshipEntry) })).optional(),
});
const remoteSchemas = z.array(remoteSchemaEntry).optional();

/** Version 3 (Hasura v2): sources, each with its tables. */
const sourcedDocument = z.looseObject({
  version: z.number().optional(),
  sources: z.array(z.looseObject({ name: z.string(), tables: z.array(tableEntry) })),
  remote_schemas: remoteSchemas,
});

/** Versions 1 and 2 (Hasura 1.x): the one database's tables at the top level. */
const sourcelessDocument = z.looseObject({ version: z.number().optional(), tables: z.array(tableEntry), remote_schemas: remoteSchemas });

/** The whole metadata, as far as remote relationships go, with the `resource_version` it was read at (v2 exports only). */
export interface MetadataSnapshot {
  readonly resourceVersion?: number;
  readonly metadata: JsonObject;
}

/**
 * What Hasura holds under a relationship's name: a definition this project understands, or one it
 * cannot read (and why); either way the definition JSON exactly as Hasura holds it.
 */
export type HeldRelationship =
  | { readonly kind: "understood"; readonly stored: StoredDefinition; readonly raw: JsonValue }
  | { readonly kind: "unrecognized"; readonly reason: string; readonly raw: JsonValue };

/**
 * Reads an `export_metadata` answer: `{resource_version, metadata}` from `/v1/metadata` (version 2),
 * the bare document from `/v1/query`. Anything else is not Hasura's answer, and says what it was.
 */
export function parseExportAnswer(body: unknown, form: "versioned" | "bare"): Parsed<MetadataSnapshot> {
  if (form === "versioned") {
    if (!isJsonObject(body)) return { ok: false, reason: `the answer is ${jsonKind(body)}, not {resource_version, metadata}` };
    if (!Number.isSafeInteger(body.resource_version)) return { ok: false, reason: "the answer has no whole-number resource_version" };
    const document = parseDocument(body.metadata, "metadata");
    return document.ok ? { ok: true, value: { resourceVersion: body.resource_version as number, metadata: document.value } } : document;
  }
  const document = parseDocument(body, "");
  return document.ok ? { ok: true, value: { metadata: document.value } } : document;
}

function parseDocument(json: unknown, at: string): Parsed<JsonObject> {
  const where = at === "" ? "the metadata" : at;
  if (!isJsonObject(json)) return { ok: false, reason: `${where} is ${jsonKind(json)}, not a metadata document` };
  const schema = "sources" in json || !("tables" in json) ? sourcedDocument : sourcelessDocument;
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: json } : { ok: false, reason: `${where} is not a metadata document (${firstIssue(parsed.error)})` };
}

/** What kind of JSON a value is, for messages. */
export function jsonKind(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The table entries of a source: a v3 document's named source, or a 1.x document's tables for the default source. */
function tableEntries(metadata: JsonObject, source: string): JsonObject[] | undefined {
  if (Array.isArray(metadata.sources)) {
    const entry = metadata.sources.find((candidate) => isJsonObject(candidate) && candidate.name === source);
    return isJsonObject(entry) ? (entry.tables as JsonObject[]) : undefined;
  }
  return source === defaultSource ? (metadata.tables as JsonObject[]) : undefined;
}

function findTableEntry(metadata: JsonObject, key: TableRelationshipKey): JsonObject | undefined {
  return tableEntries(metadata, key.source)?.find((entry) => sameTable(tableJsonSchema.parse(entry.table), key.table));
}

function held(entry: JsonObject): HeldRelationship {
  const parsed = parseStoredDefinition(entry.definition);
  const raw = entry.definition ?? null;
  return parsed.ok ? { kind: "understood", stored: parsed.value, raw } : { kind: "unrecognized", reason: parsed.reason, raw };
}

/** The relationship Hasura holds under the key; undefined when it, its table or its source is not there. */
export function findTableRelationship(metadata: JsonObject, key: TableRelationshipKey): HeldRelationship | undefined {
  const entries = (findTableEntry(metadata, key)?.remote_relationships ?? []) as JsonObject[];
  const entry = entries.find((candidate) => candidate.name === key.name);
  return entry === undefined ? undefined : held(entry);
}

/** The tables a source tracks, in document order; none when the source is not there. */
export function trackedTables(metadata: JsonObject, source: string): QualifiedTable[] {
  return (tableEntries(metadata, source) ?? []).map((entry) => tableJsonSchema.parse(entry.table));
}

/** The kind of a source (`postgres`, `mssql`, ...), as the document says; undefined when it does not say or has no such source. */
export function sourceKind(metadata: JsonObject, source: string): string | undefined {
  if (!Array.isArray(metadata.sources)) return source === defaultSource ? "postgres" : undefined;
  const entry = (metadata.sources as JsonObject[]).find((candidate) => candidate.name === source);
  return typeof entry?.kind === "string" ? entry.kind : undefined;
}

/** The names of the remote schemas the metadata holds. */
export function remoteSchemaNames(metadata: JsonObject): string[] {
  return ((metadata.remote_schemas ?? []) as JsonObject[]).map((schema) => schema.name as string);
}

/** Every relationship on every table of every source, in document order. */
export function listTableRelationships(metadata: JsonObject): { readonly key: TableRelationshipKey; readonly held: HeldRelationship }[] {
  const sources = Array.isArray(metadata.sources) ? (metadata.sources as JsonObject[]).map((source) => source.name as string) : [defaultSource];
  return sources.flatMap((source) =>
    (tableEntries(metadata, source) ?? []).flatMap((table) =>
      ((table.remote_relationships ?? []) as JsonObject[]).map((entry) => ({
        key: { source, table: tableJsonSchema.parse(table.table), name: entry.name as string },
        held: held(entry),
      })),
    ),
  );
}

/** A document with one relationship changed, or where the change could not go: its source, table or remote schema is not in it. */
export type DocumentEdit =
  { readonly ok: true; readonly metadata: JsonObject } | { readonly ok: false; readonly missing: "source" | "table" | "remote schema" };

/**
 * A copy of the document in which the key holds `stored` (added or replaced in place), or nothing
 * (removed). Everything else is left exactly as it was.
 */
export function withTableRelationship(metadata: JsonObject, key: TableRelationshipKey, stored: StoredDefinition | undefined): DocumentEdit {
  const copy = structuredClone(metadata);
  if (tableEntries(copy, key.source) === undefined) return { ok: false, missing: "source" };
  const table = findTableEntry(copy, key);
  if (table === undefined) return { ok: false, missing: "table" };
  table.remote_relationships = withEntry((table.remote_relationships ?? []) as JsonObject[], key.name, stored);
  if ((table.remote_relationships as JsonObject[]).length === 0) delete table.remote_relationships;
  return { ok: true, metadata: copy };
}

function withEntry(entries: JsonObject[], name: string, stored: StoredDefinition | undefined): JsonObject[] {
  const index = entries.findIndex((entry) => entry.name === name);
  if (stored === undefined) return entries.filter((_, at) => at !== index);
  const entry = { name, definition: storedDefinitionJson(stored) };
  return index < 0 ? [...entries, entry] : entries.map((existing, at) => (at === index ? entry : existing));
}

function findRemoteSchemaEntry(metadata: JsonObject, remoteSchema: string): JsonObject | undefined {
  const schemas = (metadata.remote_schemas ?? []) as JsonObject[];
  return schemas.find((schema) => schema.name === remoteSchema);
}

/** The relationship Hasura holds on a remote schema's type; undefined when it, the type's list or the remote schema is not there. */
export function findRemoteSchemaRelationship(metadata: JsonObject, key: RemoteSchemaRelationshipKey): HeldRelationship | undefined {
  const types = (findRemoteSchemaEntry(metadata, key.remoteSchema)?.remote_relationships ?? []) as JsonObject[];
  const entries = (types.find((type) => type.type_name === key.typeName)?.relationships ?? []) as JsonObject[];
  const entry = entries.find((candidate) => candidate.name === key.name);
  return entry === undefined ? undefined : held(entry);
}

/** Every relationship on every remote schema's types, in document order. */
export function listRemoteSchemaRelationships(metadata: JsonObject): { readonly key: RemoteSchemaRelationshipKey; readonly held: HeldRelationship }[] {
  return ((metadata.remote_schemas ?? []) as JsonObject[]).flatMap((schema) =>
    ((schema.remote_relationships ?? []) as JsonObject[]).flatMap((type) =>
      (type.relationships as JsonObject[]).map((entry) => ({
        key: { remoteSchema: schema.name as string, typeName: type.type_name as string, name: entry.name as string },
        held: held(entry),
      })),
    ),
  );
}

/** Like `withTableRelationship`, for a relationship on a remote schema's type; the type's list is made or dropped as needed. */
export function withRemoteSchemaRelationship(metadata: JsonObject, key: RemoteSchemaRelationshipKey, stored: StoredDefinition | undefined): DocumentEdit {
  const copy = structuredClone(metadata);
  const schema = findRemoteSchemaEntry(copy, key.remoteSchema);
  if (schema === undefined) return { ok: false, missing: "remote schema" };
  const types = (schema.remote_relationships ?? []) as JsonObject[];
  const type = types.find((candidate) => candidate.type_name === key.typeName) ?? { type_name: key.typeName, relationships: [] };
  type.relationships = withEntry(type.relationships as JsonObject[], key.name, stored);
  const others = types.filter((candidate) => candidate !== type);
  const next = (type.relationships as JsonObject[]).length === 0 ? others : types.includes(type) ? types : [...types, type];
  if (next.length === 0) delete schema.remote_relationships;
  else schema.remote_relationships = next;
  return { ok: true, metadata: copy };
}
