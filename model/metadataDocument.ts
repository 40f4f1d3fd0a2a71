/**
 * Hasura's metadata document as `export_metadata` gives it and `replace_metadata` takes it, typed by
 * its schema where it holds remote relationships and otherwise kept exactly as it came (each object a
 * loose one, so that unknown keys pass through untouched), so that a read-modify-write changes only
 * the relationships it means to.
 */
import { z } from "zod";
import { readComputedFields, type ComputedField } from "./computedField";
import { isJsonObject } from "./json";
import type { RemoteSchemaRelationshipKey, TableRelationshipKey } from "./relationshipKey";
import type { CatalogScope } from "./sourceCatalog";
import { storedDefinitionJson, type StoredDefinition } from "./relationshipTarget";
import { firstIssue, parseStoredDefinition, tableRefJsonSchema, type Parsed } from "./storedJson";
import { defaultSource, qualifyTable, sameTable, type QualifiedTable } from "./table";

/**
 * A loose object of the document. zod copies a loose object's keys into a new one but leaves out a
 * key named `__proto__` (assigning it would replace the copy's prototype); a write of such a copy
 * would drop it from Hasura's metadata, so a document holding one at these levels is refused.
 */
function keptObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z
    .unknown()
    .refine((value) => !isJsonObject(value) || !Object.hasOwn(value, "__proto__"), {
      error: 'it holds a key named "__proto__", which this provider cannot keep in a write',
      abort: true,
    })
    .pipe(z.looseObject(shape));
}

const relationshipEntry = keptObject({ name: z.string(), definition: z.unknown() });
const tableEntry = keptObject({ table: tableRefJsonSchema, remote_relationships: z.array(relationshipEntry).optional() });
const remoteSchemaType = keptObject({ type_name: z.string(), relationships: z.array(relationshipEntry) });
const remoteSchemaEntry = keptObject({ name: z.string(), remote_relationships: z.array(remoteSchemaType).optional() });
const sourceEntry = keptObject({ name: z.string(), kind: z.string().optional(), tables: z.array(tableEntry) });

/**
 * Version 3 (Hasura v2) keeps `sources`, each with its tables; versions 1 and 2 (Hasura 1.x) keep the
 * one database's `tables` at the top level. A document with `sources` is read as version 3.
 */
const documentSchema = keptObject({
  version: z.number().optional(),
  sources: z.array(sourceEntry).optional(),
  tables: z.array(tableEntry).optional(),
  remote_schemas: z.array(remoteSchemaEntry).optional(),
}).refine((document) => document.sources !== undefined || document.tables !== undefined, {
  error: "it has neither sources (version 3) nor tables (versions 1 and 2)",
  path: ["sources"],
});

/** The metadata document, typed where it holds remote relationships; every other key kept as it came. */
export type MetadataDocument = z.output<typeof documentSchema>;

/** A version 3 document (Hasura v2), whose sources are there. */
export type SourcedMetadataDocument = MetadataDocument & { readonly sources: NonNullable<MetadataDocument["sources"]> };

/** A tracked table's entry in the document. */
type TableEntry = z.output<typeof tableEntry>;

/** A remote schema's entry in the document. */
type RemoteSchemaEntry = z.output<typeof remoteSchemaEntry>;

/** A relationship's entry, on a table or on a remote schema's type: `{name, definition}`. */
type RelationshipEntry = z.output<typeof relationshipEntry>;

/** The whole metadata, as far as remote relationships go, with the `resource_version` it was read at (v2 exports only). */
export interface MetadataSnapshot {
  readonly resourceVersion?: number;
  readonly metadata: MetadataDocument;
}

/**
 * What Hasura holds under a relationship's name: a definition this project understands, or one it
 * cannot read (and why); either way the definition JSON exactly as Hasura holds it.
 */
export type HeldRelationship =
  | { readonly kind: "understood"; readonly stored: StoredDefinition; readonly raw: unknown }
  | { readonly kind: "unrecognized"; readonly reason: string; readonly raw: unknown };

/**
 * Reads an `export_metadata` answer: `{resource_version, metadata}` from `/v1/metadata` (version 2),
 * the bare document from `/v1/query`. Anything else is not Hasura's answer, and says what it was.
 */
export function parseExportAnswer(body: unknown, form: "versioned" | "bare"): Parsed<MetadataSnapshot> {
  if (form === "versioned") {
    if (!isJsonObject(body)) return { ok: false, reason: `the answer is ${jsonKind(body)}, not {resource_version, metadata}` };
    const resourceVersion = body.resource_version;
    if (typeof resourceVersion !== "number" || !Number.isSafeInteger(resourceVersion))
      return { ok: false, reason: "the answer has no whole-number resource_version" };
    const document = parseDocument(body.metadata, "metadata");
    return document.ok ? { ok: true, value: { resourceVersion, metadata: document.value } } : document;
  }
  const document = parseDocument(body, "");
  return document.ok ? { ok: true, value: { metadata: document.value } } : document;
}

/** Reads a metadata document, as `export_metadata` (v1) answers it; or why it is not one. */
export function parseMetadataDocument(json: unknown): Parsed<MetadataDocument> {
  return parseDocument(json, "");
}

function parseDocument(json: unknown, at: string): Parsed<MetadataDocument> {
  const where = at === "" ? "the metadata" : at;
  if (!isJsonObject(json)) return { ok: false, reason: `${where} is ${jsonKind(json)}, not a metadata document` };
  const parsed = documentSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `${where} is not a metadata document (${firstIssue(parsed.error)})` };
}

/** What kind of JSON a value is, for messages. */
export function jsonKind(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The table entries of a source: a v3 document's named source, or a 1.x document's tables for the default source. */
function tableEntries(metadata: MetadataDocument, source: string): TableEntry[] | undefined {
  if (metadata.sources !== undefined) return metadata.sources.find((candidate) => candidate.name === source)?.tables;
  return source === defaultSource ? metadata.tables : undefined;
}

/** The names of the sources: a v3 document's, or the one database of a 1.x document, `default`. */
export function sourceNames(metadata: MetadataDocument): string[] {
  return metadata.sources?.map((source) => source.name) ?? [defaultSource];
}

function findTableEntry(metadata: MetadataDocument, key: TableRelationshipKey): TableEntry | undefined {
  return tableEntries(metadata, key.source)?.find((entry) => sameTable(qualifyTable(entry.table), key.table));
}

function held(entry: RelationshipEntry): HeldRelationship {
  const parsed = parseStoredDefinition(entry.definition);
  const raw = entry.definition ?? null;
  return parsed.ok ? { kind: "understood", stored: parsed.value, raw } : { kind: "unrecognized", reason: parsed.reason, raw };
}

/** The relationship Hasura holds under the key; undefined when it, its table or its source is not there. */
export function findTableRelationship(metadata: MetadataDocument, key: TableRelationshipKey): HeldRelationship | undefined {
  const entry = findTableEntry(metadata, key)?.remote_relationships?.find((candidate) => candidate.name === key.name);
  return entry === undefined ? undefined : held(entry);
}

/** The tables a source tracks, in document order; none when the source is not there. */
export function trackedTables(metadata: MetadataDocument, source: string): QualifiedTable[] {
  return (tableEntries(metadata, source) ?? []).map((entry) => qualifyTable(entry.table));
}

/** The computed fields of a tracked table, as the document stores them (an entry that cannot be read is left out); none when the table is not tracked. */
export function computedFieldsOf(metadata: MetadataDocument, source: string, table: QualifiedTable): ComputedField[] {
  const entry = tableEntries(metadata, source)?.find((candidate) => sameTable(qualifyTable(candidate.table), table));
  return readComputedFields(entry?.computed_fields);
}

/**
 * What of a source's database a relationship may name: the tables the source tracks (a relationship
 * on, or to, any other table is refused before its columns matter) and their computed fields' functions.
 */
export function catalogScope(metadata: MetadataDocument, source: string): CatalogScope {
  const tables = trackedTables(metadata, source);
  const functions = tables.flatMap((table) => computedFieldsOf(metadata, source, table).map((field) => field.definition.function));
  return { tables, functions };
}

/**
 * What the document says of its database sources, and nothing else: each source's name and kind, and
 * its tables' names and computed fields (what `sourceNames`, `sourceKind`, `trackedTables`,
 * `computedFieldsOf` and `catalogScope` read). A process keeps this for its whole life (the gateway's
 * `sources`); the rest, on a large Hasura most of the document (permissions, relationships, event
 * triggers), is left to the reads that need it now, and to the collector.
 */
export function sourcesPart(metadata: MetadataDocument): MetadataDocument {
  const tables = (entries: readonly TableEntry[]): TableEntry[] =>
    entries.map((entry) => (entry.computed_fields === undefined ? { table: entry.table } : { table: entry.table, computed_fields: entry.computed_fields }));
  return {
    ...(metadata.version === undefined ? {} : { version: metadata.version }),
    ...(metadata.sources === undefined
      ? {}
      : {
          sources: metadata.sources.map((source) => ({
            name: source.name,
            ...(source.kind === undefined ? {} : { kind: source.kind }),
            tables: tables(source.tables),
          })),
        }),
    ...(metadata.tables === undefined ? {} : { tables: tables(metadata.tables) }),
  };
}

/** The kind of a source (`postgres`, `mssql`, ...), as the document says; undefined when it does not say or has no such source. */
export function sourceKind(metadata: MetadataDocument, source: string): string | undefined {
  if (metadata.sources === undefined) return source === defaultSource ? "postgres" : undefined;
  return metadata.sources.find((candidate) => candidate.name === source)?.kind;
}

/** The names of the remote schemas the metadata holds. */
export function remoteSchemaNames(metadata: MetadataDocument): string[] {
  return (metadata.remote_schemas ?? []).map((schema) => schema.name);
}

/** Every relationship on every table of every source, in document order. */
export function listTableRelationships(metadata: MetadataDocument): { readonly key: TableRelationshipKey; readonly held: HeldRelationship }[] {
  return sourceNames(metadata).flatMap((source) =>
    (tableEntries(metadata, source) ?? []).flatMap((table) =>
      (table.remote_relationships ?? []).map((entry) => ({ key: { source, table: qualifyTable(table.table), name: entry.name }, held: held(entry) })),
    ),
  );
}

/** A document with one relationship changed, or where the change could not go: its source, table or remote schema is not in it. */
export type DocumentEdit =
  { readonly ok: true; readonly metadata: MetadataDocument } | { readonly ok: false; readonly missing: "source" | "table" | "remote schema" };

/**
 * The document in which the key holds `stored` (added or replaced in place), or nothing (removed).
 * Everything else is left exactly as it was, and shared: only the objects on the path to the
 * relationship are new, so an edit costs what it touches, not the size of the document, and many
 * edits of one batch share everything they leave alone. No document is ever changed in place.
 */
export function withTableRelationship(metadata: MetadataDocument, key: TableRelationshipKey, stored: StoredDefinition | undefined): DocumentEdit {
  const tables = tableEntries(metadata, key.source);
  if (tables === undefined) return { ok: false, missing: "source" };
  const table = tables.find((entry) => sameTable(qualifyTable(entry.table), key.table));
  if (table === undefined) return { ok: false, missing: "table" };
  const entries = withEntry(table.remote_relationships ?? [], key.name, stored);
  const edited = entries.length === 0 ? tableWithoutRelationships(table) : { ...table, remote_relationships: entries };
  const nextTables = tables.map((entry) => (entry === table ? edited : entry));
  if (metadata.sources === undefined) return { ok: true, metadata: { ...metadata, tables: nextTables } };
  const source = metadata.sources.find((candidate) => candidate.tables === tables);
  return {
    ok: true,
    metadata: { ...metadata, sources: metadata.sources.map((candidate) => (candidate === source ? { ...candidate, tables: nextTables } : candidate)) },
  };
}

/** The table's entry without its `remote_relationships` key, every other key in its place. */
function tableWithoutRelationships(entry: TableEntry): TableEntry {
  const { remote_relationships: dropped, ...rest } = entry;
  return rest;
}

function withEntry(entries: RelationshipEntry[], name: string, stored: StoredDefinition | undefined): RelationshipEntry[] {
  const index = entries.findIndex((entry) => entry.name === name);
  if (stored === undefined) return entries.filter((_, at) => at !== index);
  const entry = { name, definition: storedDefinitionJson(stored) };
  return index < 0 ? [...entries, entry] : entries.map((existing, at) => (at === index ? entry : existing));
}

/** The relationship Hasura holds on a remote schema's type; undefined when it, the type's list or the remote schema is not there. */
export function findRemoteSchemaRelationship(metadata: MetadataDocument, key: RemoteSchemaRelationshipKey): HeldRelationship | undefined {
  const schema = metadata.remote_schemas?.find((candidate) => candidate.name === key.remoteSchema);
  const type = schema?.remote_relationships?.find((candidate) => candidate.type_name === key.typeName);
  const entry = type?.relationships.find((candidate) => candidate.name === key.name);
  return entry === undefined ? undefined : held(entry);
}

/** Every relationship on every remote schema's types, in document order. */
export function listRemoteSchemaRelationships(metadata: MetadataDocument): { readonly key: RemoteSchemaRelationshipKey; readonly held: HeldRelationship }[] {
  return (metadata.remote_schemas ?? []).flatMap((schema) =>
    (schema.remote_relationships ?? []).flatMap((type) =>
      type.relationships.map((entry) => ({ key: { remoteSchema: schema.name, typeName: type.type_name, name: entry.name }, held: held(entry) })),
    ),
  );
}

/** Like `withTableRelationship`, for a relationship on a remote schema's type; the type's list is made or dropped as needed. */
export function withRemoteSchemaRelationship(metadata: MetadataDocument, key: RemoteSchemaRelationshipKey, stored: StoredDefinition | undefined): DocumentEdit {
  const schemas = metadata.remote_schemas ?? [];
  const schema = schemas.find((candidate) => candidate.name === key.remoteSchema);
  if (schema === undefined) return { ok: false, missing: "remote schema" };
  const types = schema.remote_relationships ?? [];
  const existing = types.find((candidate) => candidate.type_name === key.typeName);
  const relationships = withEntry(existing?.relationships ?? [], key.name, stored);
  const others = types.filter((candidate) => candidate !== existing);
  const next =
    relationships.length === 0
      ? others
      : existing === undefined
        ? [...types, { type_name: key.typeName, relationships }]
        : types.map((candidate) => (candidate === existing ? { ...existing, relationships } : candidate));
  const { remote_relationships: dropped, ...withoutTypes } = schema;
  const edited: RemoteSchemaEntry = next.length === 0 ? withoutTypes : { ...schema, remote_relationships: next };
  return { ok: true, metadata: { ...metadata, remote_schemas: schemas.map((candidate) => (candidate === schema ? edited : candidate)) } };
}
