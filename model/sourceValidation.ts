/**
 * Hasura's checks of what a relationship names in its database sources, with Hasura's texts: the
 * table a relationship is defined on must be tracked (`askTableInfo`), its name must not be one of
 * the table's columns, and a `to_source` target must resolve (`buildRemoteFieldInfo`,
 * RelationshipToSource branch, server/src-lib/Hasura/RQL/DDL/RemoteRelationship.hs): the source
 * exists, its kind can be a target, the table is tracked there, and each `field_mapping` pair's
 * left-hand field and target column exist (`askFieldInfo`). The local server answers with these; the
 * provider predicts Hasura with them at preview. Pure.
 */
import type { ToSource } from "./relationshipTarget";
import { tableText, type QualifiedTable } from "./table";

/** Wraps `text` in double quotes without escaping, as Hasura's `dquote` does. */
function quoted(text: string): string {
  return `"${text}"`;
}

/** Hasura v2's answer to a command on a table its source does not track (or on a source it does not have): `askTableInfo`. */
export function tableNotFoundText(table: QualifiedTable, source: string): string {
  return `table ${quoted(tableText(table))} does not exist in source: ${source}`;
}

/** Hasura's reason for a relationship named like a column of its table (the field map of the table's type would hold both). */
export const columnConflictText = "field definition conflicts with postgres column";

/**
 * The kinds whose sources can be the target of a remote relationship (`supportsBeingRemoteRelationshipTarget`
 * is True for Postgres, Citus, Cockroach, MS SQL Server and BigQuery; MySQL's is False, and a data
 * connector's depends on its agent's capabilities).
 */
export const targetSourceKinds: ReadonlySet<string> = new Set(["postgres", "citus", "cockroach", "mssql", "bigquery"]);

/** Why Hasura refuses a `to_source` target. */
export type ToSourceReason =
  | { readonly kind: "SourceNotFound"; readonly source: string }
  | { readonly kind: "SourceNotATarget"; readonly source: string; readonly sourceKind: string }
  | { readonly kind: "TableNotTracked"; readonly source: string; readonly table: QualifiedTable }
  | { readonly kind: "JoinFieldNotFound"; readonly field: string }
  | { readonly kind: "TargetColumnNotFound"; readonly column: string };

/** A refusal of a `to_source` target: the reason, Hasura's text for it, and where in the target: `["source"]`, `["table"]`, `["fieldMapping", key]`. */
export interface ToSourceFailure {
  readonly reason: ToSourceReason;
  readonly text: string;
  readonly path: readonly ["source"] | readonly ["table"] | readonly ["fieldMapping", string];
}

/** What a table of a source is to the schema cache: not tracked (or not in the database), or tracked, with its columns when they are known. */
export type TrackedTable = { readonly tracked: false } | { readonly tracked: true; readonly columns?: readonly string[] };

/** What resolving a `to_source` target may look at. */
export interface ToSourceWorld {
  /** The kind of a source that resolved; undefined when there is no such source (or it did not resolve). */
  sourceKind(source: string): string | undefined;
  table(source: string, table: QualifiedTable): TrackedTable;
}

/** Hasura's text for a reason. */
export function toSourceText(reason: ToSourceReason): string {
  switch (reason.kind) {
    case "SourceNotFound":
      return `source not found: ${quoted(reason.source)}`;
    case "SourceNotATarget":
      return `source ${reason.source} does not support being used as the target of a remote relationship`;
    case "TableNotTracked":
      return tableNotFoundText(reason.table, reason.source);
    case "JoinFieldNotFound":
      return `${quoted(reason.field)} does not exist`;
    case "TargetColumnNotFound":
      return `${quoted(reason.column)} does not exist`;
  }
}

function found(reason: ToSourceReason, path: ToSourceFailure["path"]): ToSourceFailure {
  return { reason, text: toSourceText(reason), path };
}

/**
 * The first reason Hasura would refuse `target` from an entity whose join fields are `joinFields`
 * (a table's columns and joinable computed fields, or a remote schema type's fields; undefined when
 * they are not known, and then not checked), in Hasura's order; undefined when it would accept it.
 * Hasura walks the mapping in its hash map's order; this walks it in the order it was written.
 */
export function validateToSource(target: ToSource, joinFields: readonly string[] | undefined, world: ToSourceWorld): ToSourceFailure | undefined {
  const kind = world.sourceKind(target.source);
  if (kind === undefined) return found({ kind: "SourceNotFound", source: target.source }, ["source"]);
  if (!targetSourceKinds.has(kind)) return found({ kind: "SourceNotATarget", source: target.source, sourceKind: kind }, ["source"]);
  const table = world.table(target.source, target.table);
  if (!table.tracked) return found({ kind: "TableNotTracked", source: target.source, table: target.table }, ["table"]);
  for (const [from, to] of Object.entries(target.fieldMapping)) {
    if (joinFields !== undefined && !joinFields.includes(from)) return found({ kind: "JoinFieldNotFound", field: from }, ["fieldMapping", from]);
    if (table.columns !== undefined && !table.columns.includes(to)) return found({ kind: "TargetColumnNotFound", column: to }, ["fieldMapping", from]);
  }
  return undefined;
}
