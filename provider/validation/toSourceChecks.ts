/**
 * A `toSource` target judged as Hasura's schema-cache build judges it (the shared model's
 * `validateToSource`): the source exists and can be a target, the table is tracked there and its
 * database has it, every `fieldMapping` key is a join field of this side (a column or joinable
 * computed field of the table, or a field of the remote schema's type) and every value a column of
 * the target table. Each refusal names the property, gives Hasura's reason, then the fix. Beyond
 * Hasura: a key and a value column whose types Postgres cannot compare is a warning (hasura#10803).
 */
import {
  catalogTableColumns,
  sourceKind,
  sourceNames,
  tableText,
  targetSourceKinds,
  toSourceText,
  trackedTables,
  validateToSource,
  type CatalogColumn,
  type SourceCatalog,
  type ToSource,
  type ToSourceFailure,
  type ToSourceReason,
} from "../../model";
import { closestFirst, quote, quotedList, shortened, shortenedTable } from "../inputs/messageText";
import type { RuleIssue } from "../rules/rule";
import { comparable } from "./columnTypes";
import type { Databases } from "./databases";
import type { JoinSide } from "./joinSide";
import { warnOnce } from "../runtime/engineLog";
import { refusal } from "./liveValidation";
import { hasSource, trackedTable } from "./tableChecks";

/** The resource a check is for, as warnings name it. */
export interface Checked {
  readonly noun: string;
  readonly id: string;
}

const targetKindsText = "Postgres, Citus, CockroachDB, SQL Server or BigQuery";

/** What to do about each reason, pointing at the property and listing what there is, closest first. */
function fixOf(failure: ToSourceFailure, target: ToSource, from: JoinSide, databases: Databases, targetColumns: readonly string[] | undefined): string {
  const reason = failure.reason;
  switch (reason.kind) {
    case "SourceNotFound":
      return `Add the source to Hasura first, or fix toSource.source: Hasura has ${quotedList(closestFirst(target.source, sourceNames(databases.metadata)))}.`;
    case "SourceNotATarget":
      return `A ${reason.sourceKind} source cannot be the target of a remote relationship: join a table of a ${targetKindsText} source in toSource.source.`;
    case "TableNotTracked": {
      if (trackedTable(databases.metadata, target.source, target.table, undefined).tracked) {
        return `Source ${quote(target.source)} tracks it, but its database has no such table or view: create it there, or fix toSource.table.`;
      }
      const names = closestFirst(
        tableText(target.table),
        trackedTables(databases.metadata, target.source).map((table) => tableText(table)),
      );
      const offer = names.length === 0 ? "it tracks no tables" : `it tracks ${quotedList(names)}`;
      return `Track the table in source ${quote(target.source)} first, or fix toSource.table: ${offer}.`;
    }
    case "JoinFieldNotFound": {
      const why = from.whyNotJoinable(reason.field);
      const offer = quotedList(closestFirst(reason.field, from.joinFields ?? []));
      return `${why === undefined ? "" : `${quote(reason.field)} cannot join: ${why}. `}Use ${from.joinFieldsAre} as the keys of toSource.fieldMapping: ${offer}.`;
    }
    case "TargetColumnNotFound":
      return `Use columns of ${quote(tableText(target.table))} as the values of toSource.fieldMapping: ${quotedList(closestFirst(reason.column, targetColumns ?? []))}.`;
  }
}

/** The reason with what the user wrote shortened, for Hasura's text of it in a message. */
function shortenedReason(reason: ToSourceReason): ToSourceReason {
  switch (reason.kind) {
    case "SourceNotFound":
    case "SourceNotATarget":
      return { ...reason, source: shortened(reason.source) };
    case "TableNotTracked":
      return { ...reason, source: shortened(reason.source), table: shortenedTable(reason.table) };
    case "JoinFieldNotFound":
      return { ...reason, field: shortened(reason.field) };
    case "TargetColumnNotFound":
      return { ...reason, column: shortened(reason.column) };
  }
}

/** Warns, once per process for each pair, of `fieldMapping` pairs joining two columns whose types Postgres cannot compare. */
function warnOfIncomparableTypes(target: ToSource, from: JoinSide, targetColumns: readonly CatalogColumn[] | undefined, checked: Checked): void {
  if (from.columns === undefined || targetColumns === undefined) return;
  for (const [key, value] of Object.entries(target.fieldMapping)) {
    const left = from.columns.find((column) => column.name === key);
    const right = targetColumns.find((column) => column.name === value);
    if (left === undefined || right === undefined || comparable(left, right)) continue;
    warnOnce(
      `types ${checked.noun} ${checked.id} ${key}`,
      `${checked.noun} "${checked.id}": toSource.fieldMapping joins column ${JSON.stringify(key)} of ${from.name} (${left.type}) to column ` +
        `${JSON.stringify(value)} of ${JSON.stringify(tableText(target.table))} in source ${JSON.stringify(target.source)} (${right.type}), and Postgres cannot ` +
        `compare ${left.base ?? left.type} with ${right.base ?? right.type}: Hasura accepts the relationship, but its queries fail at run time (hasura#10803). ` +
        "Join columns of the same type, or of comparable ones (two numbers, two strings).",
    );
  }
}

/**
 * What Hasura would refuse in a `toSource` target joined from `from`, as a refusal at
 * `toSource.<property>` with `inconsistency` wrapping Hasura's text as it reports it for this
 * relationship; none when it would accept it. Reads the target source's catalog when the target
 * source can be one.
 */
export async function toSourceIssues(
  databases: Databases,
  target: ToSource,
  from: JoinSide,
  inconsistency: (text: string) => string,
  checked: Checked,
): Promise<RuleIssue[]> {
  const metadata = databases.metadata;
  const kind = hasSource(metadata, target.source) ? (sourceKind(metadata, target.source) ?? "postgres") : undefined;
  const catalog: SourceCatalog | undefined = kind !== undefined && targetSourceKinds.has(kind) ? await databases.catalog(target.source) : undefined;
  const failure = validateToSource(target, from.joinFields, {
    sourceKind: (source) => (source === target.source ? kind : undefined),
    table: (source, table) => trackedTable(metadata, source, table, catalog),
  });
  const targetColumns = catalogTableColumns(catalog, target.table);
  if (failure !== undefined) {
    const fix = fixOf(
      failure,
      target,
      from,
      databases,
      targetColumns?.map((column) => column.name),
    );
    return [refusal(failure.reason.kind, ["toSource", ...failure.path], inconsistency(toSourceText(shortenedReason(failure.reason))), fix)];
  }
  warnOfIncomparableTypes(target, from, targetColumns, checked);
  return [];
}
