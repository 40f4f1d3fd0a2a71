/**
 * The table a relationship is defined on (or joins to), judged as Hasura judges it before a write:
 * its source exists, the source tracks it and its database has it (Hasura's `askTableInfo`, whose
 * answer is `table "customer" does not exist in source: default` in each case), and what it can join
 * on: its columns and the computed fields Hasura joins on (scalar, with no arguments besides the row
 * and the session). Pure.
 */
import {
  catalogTableColumns,
  computedFieldsOf,
  isJoinable,
  resolveComputedField,
  sameTable,
  sourceNames,
  tableNotFoundText,
  tableText,
  trackedTables,
  type CatalogColumn,
  type CatalogType,
  type MetadataDocument,
  type QualifiedTable,
  type SourceCatalog,
  type TrackedTable,
} from "../../model";
import { closestFirst, quote, quotedList, shortened, shortenedTable } from "../inputs/messageText";
import type { RuleIssue } from "../rules/rule";
import { refusal } from "./liveValidation";

/** A computed field of a table: its function's return type when it resolved, and why Hasura cannot join on it, if it cannot. */
export interface ComputedFieldSide {
  readonly name: string;
  readonly returnType?: CatalogType;
  readonly notJoinable?: string;
}

/** A tracked table as Hasura's schema cache holds it. */
export interface TableSide {
  readonly source: string;
  readonly table: QualifiedTable;
  /** Its columns, in their order; undefined when its source's database could not be read. */
  readonly columns?: readonly CatalogColumn[];
  readonly computedFields: readonly ComputedFieldSide[];
  /** What a relationship may join on (its columns, then the computed fields Hasura joins on); undefined when the columns are not known. */
  readonly joinFields?: readonly string[];
}

/** Where a resource keeps a table's source and name: `source` and `table`, or `toSource.source` and `toSource.table`. */
export interface TablePlaces {
  readonly source: readonly string[];
  readonly table: readonly string[];
}

/** True when the metadata has source `source`. */
export function hasSource(metadata: MetadataDocument, source: string): boolean {
  return sourceNames(metadata).includes(source);
}

/** The names of a source's tracked tables as Hasura writes them (`users`, `hasura.album`), those close to `wanted` first. */
function trackedNames(metadata: MetadataDocument, source: string, wanted: QualifiedTable): string[] {
  return closestFirst(
    tableText(wanted),
    trackedTables(metadata, source).map((table) => tableText(table)),
  );
}

/** The computed fields of a tracked table, each resolved against the catalog as Hasura resolves it. */
function computedFieldSides(metadata: MetadataDocument, source: string, table: QualifiedTable, catalog: SourceCatalog): ComputedFieldSide[] {
  const tracked = trackedTables(metadata, source);
  return computedFieldsOf(metadata, source, table).map((field) => {
    const resolved = resolveComputedField(field, table, catalog, tracked);
    const fn = JSON.stringify(tableText(field.definition.function));
    if (typeof resolved === "string") return { name: field.name, notJoinable: `Hasura cannot build it: ${resolved}` };
    if (resolved.returnsTable)
      return { name: field.name, returnType: resolved.returnType, notJoinable: `its function ${fn} returns a set of rows, not one value` };
    if (!isJoinable(resolved)) {
      const names = resolved.callerArguments.map((argument, index) => argument.name ?? `$${index + 1}`);
      return {
        name: field.name,
        returnType: resolved.returnType,
        notJoinable: `its function ${fn} takes arguments besides the row and the session (${quotedList(names)})`,
      };
    }
    return { name: field.name, returnType: resolved.returnType };
  });
}

/** What a tracked table is to the schema cache, given its source's catalog (undefined: not read, so tracked is taken at its word). */
export function trackedTable(metadata: MetadataDocument, source: string, table: QualifiedTable, catalog: SourceCatalog | undefined): TrackedTable {
  if (!trackedTables(metadata, source).some((tracked) => sameTable(tracked, table))) return { tracked: false };
  if (catalog === undefined) return { tracked: true };
  const columns = catalogTableColumns(catalog, table);
  return columns === undefined ? { tracked: false } : { tracked: true, columns: columns.map((column) => column.name) };
}

/**
 * The table `table` of source `source` as the schema cache holds it, or Hasura's refusal of a command
 * on it, at the resource's `places`, with the fix: the sources Hasura has, the tables the source
 * tracks (closest first), or that its database has no such table.
 */
export function lookUpTable(
  metadata: MetadataDocument,
  source: string,
  table: QualifiedTable,
  catalog: SourceCatalog | undefined,
  places: TablePlaces,
): { readonly ok: true; readonly side: TableSide } | { readonly ok: false; readonly issue: RuleIssue } {
  const text = tableNotFoundText(shortenedTable(table), shortened(source));
  if (!hasSource(metadata, source)) {
    const fix = `Add the source to Hasura first, or fix ${places.source.join(".")}: Hasura has ${quotedList(closestFirst(source, sourceNames(metadata)))}.`;
    return { ok: false, issue: refusal("SourceNotFound", places.source, text, fix) };
  }
  const tracked = trackedTables(metadata, source).some((candidate) => sameTable(candidate, table));
  if (!tracked) {
    const names = trackedNames(metadata, source, table);
    const offer = names.length === 0 ? `source ${quote(source)} tracks no tables` : `source ${quote(source)} tracks ${quotedList(names)}`;
    return { ok: false, issue: refusal("TableNotTracked", places.table, text, `Track the table in Hasura first, or fix ${places.table.join(".")}: ${offer}.`) };
  }
  if (catalog === undefined) return { ok: true, side: { source, table, computedFields: [] } };
  const columns = catalogTableColumns(catalog, table);
  if (columns === undefined) {
    const fix = `Source ${quote(source)} tracks it, but its database has no such table or view: create it there, or fix ${places.table.join(".")}.`;
    return { ok: false, issue: refusal("TableNotInDatabase", places.table, text, fix) };
  }
  const computedFields = computedFieldSides(metadata, source, table, catalog);
  const joinable = computedFields.filter((field) => field.notJoinable === undefined).map((field) => field.name);
  return { ok: true, side: { source, table, columns, computedFields, joinFields: [...columns.map((column) => column.name), ...joinable] } };
}
