import type { JsonValue, RelationshipDefinition, RelationshipKey, RemoteField } from "./model";
import { defaultSource, normalizeFields, normalizeRemoteField, normalizeTable } from "./normalize";
import { isRecord } from "./guards";

/** What Hasura holds under a relationship's name: a remote-schema join this provider can manage, or something else. */
export type StoredRelationship =
  | { readonly kind: "remote-schema"; readonly format: "legacy" | "definition"; readonly definition: RelationshipDefinition }
  | { readonly kind: "other"; readonly raw: JsonValue };

/** An `export_metadata` answer taken apart: its `resource_version` (v2 only) and the metadata document. */
export interface MetadataSnapshot {
  readonly resourceVersion?: number;
  readonly metadata: unknown;
}

/** Reads both export forms: v2 `{resource_version, metadata}` and v1's bare metadata. */
export function parseExport(body: unknown): MetadataSnapshot {
  if (isRecord(body) && typeof body.resource_version === "number" && isRecord(body.metadata)) {
    return { resourceVersion: body.resource_version, metadata: body.metadata };
  }
  return { metadata: body };
}

/**
 * Finds a relationship by identity in a metadata document of any version Hasura exports: v3 with
 * `sources`, or v1.x's version 2 with top-level `tables` (the default source).
 */
export function findRelationship(metadata: unknown, key: RelationshipKey): StoredRelationship | undefined {
  const entry = relationshipsOf(metadata, key).find((candidate) => isRecord(candidate) && candidate.name === key.name);
  if (!isRecord(entry)) return undefined;
  return readDefinition(entry.definition) ?? { kind: "other", raw: entry as JsonValue };
}

/**
 * A stored definition in either format, normalized so that the legacy flat format
 * (`{remote_schema, hasura_fields, remote_field}`) and `{to_remote_schema: {remote_schema, lhs_fields,
 * remote_field}}` compare equal when they mean the same join.
 */
export function readDefinition(definition: unknown): StoredRelationship | undefined {
  if (!isRecord(definition)) return undefined;
  if (isRecord(definition.to_remote_schema)) {
    const target = definition.to_remote_schema;
    const parsed = definitionOf(target.lhs_fields, target.remote_schema, target.remote_field);
    return parsed && { kind: "remote-schema", format: "definition", definition: parsed };
  }
  if ("to_source" in definition) return undefined;
  const parsed = definitionOf(definition.hasura_fields, definition.remote_schema, definition.remote_field);
  return parsed && { kind: "remote-schema", format: "legacy", definition: parsed };
}

function definitionOf(fields: unknown, remoteSchema: unknown, remoteField: unknown): RelationshipDefinition | undefined {
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === "string")) return undefined;
  if (typeof remoteSchema !== "string" || !isRecord(remoteField)) return undefined;
  return { hasuraFields: normalizeFields(fields), remoteSchema, remoteField: normalizeRemoteField(remoteField as RemoteField) };
}

function relationshipsOf(metadata: unknown, key: RelationshipKey): unknown[] {
  if (!isRecord(metadata)) return [];
  let tables: unknown = undefined;
  if (Array.isArray(metadata.sources)) {
    const source = metadata.sources.find((candidate) => isRecord(candidate) && candidate.name === key.source);
    tables = isRecord(source) ? source.tables : undefined;
  } else if (key.source === defaultSource) {
    tables = metadata.tables;
  }
  if (!Array.isArray(tables)) return [];
  const table = tables.find((candidate) => isRecord(candidate) && sameTable(candidate.table, key.table));
  return isRecord(table) && Array.isArray(table.remote_relationships) ? table.remote_relationships : [];
}

function sameTable(stored: unknown, wanted: RelationshipKey["table"]): boolean {
  if (typeof stored !== "string" && !(isRecord(stored) && typeof stored.name === "string")) return false;
  const table = normalizeTable(stored as string | { schema?: string; name: string });
  return table.schema === wanted.schema && table.name === wanted.name;
}
