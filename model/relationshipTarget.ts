/**
 * What a remote relationship joins to, the same for relationships on a table and on a remote
 * schema's type: a remote schema's field (`to_remote_schema`) or another database source's table
 * (`to_source`). And how Hasura stores it: the legacy flat format or `definition`.
 */
import { isDeepStrictEqual } from "node:util";
import { sortedKeys, type JsonObject } from "./json";
import { canonicalRemoteField, type RemoteField } from "./remoteField";
import { tableJson, type QualifiedTable } from "./table";

/** A join to a field of a remote schema; `lhsFields` is a set (Hasura's `hasura_fields` or `lhs_fields`). */
export interface ToRemoteSchema {
  readonly kind: "toRemoteSchema";
  readonly remoteSchema: string;
  readonly lhsFields: readonly string[];
  readonly remoteField: RemoteField;
}

/** An object (one row) or array (many rows) relationship. */
export type RelationshipType = "object" | "array";

/** A join to a table of a database source; `fieldMapping` maps this side's fields to the target table's columns. */
export interface ToSource {
  readonly kind: "toSource";
  readonly relationshipType: RelationshipType;
  readonly source: string;
  readonly table: QualifiedTable;
  readonly fieldMapping: { readonly [field: string]: string };
}

/** What a relationship joins to. */
export type RelationshipTarget = ToRemoteSchema | ToSource;

/**
 * How Hasura stores a definition: `legacy` is the flat `{remote_schema, hasura_fields, remote_field}`
 * of `/v1/query` (remote schema targets only), `definition` is `{to_remote_schema}` or `{to_source}`.
 * Hasura exports a relationship in the format it was written in.
 */
export type StoredFormat = "legacy" | "definition";

/** A relationship's definition as Hasura holds it. */
export interface StoredDefinition {
  readonly format: StoredFormat;
  readonly target: RelationshipTarget;
}

/** The target in canonical form: sets sorted and de-duplicated, keys sorted at every depth. */
export function canonicalTarget(target: RelationshipTarget): RelationshipTarget {
  if (target.kind === "toRemoteSchema") {
    return {
      kind: "toRemoteSchema",
      remoteSchema: target.remoteSchema,
      lhsFields: canonicalSet(target.lhsFields),
      remoteField: canonicalRemoteField(target.remoteField),
    };
  }
  return {
    kind: "toSource",
    relationshipType: target.relationshipType,
    source: target.source,
    table: tableJson(target.table),
    fieldMapping: sortedKeys(target.fieldMapping),
  };
}

/** A set of names as Hasura keeps it: order and duplicates do not matter, so keep them sorted and unique. */
export function canonicalSet(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}

/** True when both targets are the same join, whatever order their sets and keys were written in. */
export function sameTarget(a: RelationshipTarget, b: RelationshipTarget): boolean {
  return isDeepStrictEqual(canonicalTarget(a), canonicalTarget(b));
}

/** The target as Hasura's `definition` JSON: `{to_remote_schema: ...}` or `{to_source: ...}`. */
export function targetJson(target: RelationshipTarget): JsonObject {
  if (target.kind === "toSource") {
    return {
      to_source: {
        relationship_type: target.relationshipType,
        source: target.source,
        table: tableJson(target.table),
        field_mapping: { ...target.fieldMapping },
      },
    };
  }
  return {
    to_remote_schema: { remote_schema: target.remoteSchema, lhs_fields: [...target.lhsFields], remote_field: target.remoteField },
  };
}

/** A stored definition as Hasura writes it: the legacy flat object, or `targetJson`. */
export function storedDefinitionJson(stored: StoredDefinition): JsonObject {
  const { target } = stored;
  if (stored.format === "legacy" && target.kind === "toRemoteSchema") {
    return { remote_schema: target.remoteSchema, hasura_fields: [...target.lhsFields], remote_field: target.remoteField };
  }
  return targetJson(target);
}

/** The target in a few words, for messages that show what Hasura holds beside what the program says. */
export function describeTarget(target: RelationshipTarget): string {
  if (target.kind === "toSource") {
    return `to_source ${target.relationshipType} relationship to ${target.source}.${target.table.schema}.${target.table.name} with field_mapping ${JSON.stringify(target.fieldMapping)}`;
  }
  return `hasuraFields ${JSON.stringify(target.lhsFields)}, remoteSchema ${JSON.stringify(target.remoteSchema)}, remoteField ${JSON.stringify(target.remoteField)}`;
}
