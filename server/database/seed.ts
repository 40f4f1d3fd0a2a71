/**
 * The SQL that sets a source's database up from what the environment declares: each table (its
 * schema created if needed) with its columns and their types, then the source's own SQL
 * (functions, views, anything else), in that order. Pure.
 */
import type { TableSpec } from "../engine/catalog";

/** A Postgres identifier, double-quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function createTable(table: TableSpec): string {
  const columns = table.columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`).join(", ");
  return `CREATE TABLE ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)} (${columns});`;
}

/** The seed SQL of a database holding `tables`, followed by `sql`. */
export function seedSql(tables: readonly TableSpec[], sql = ""): string {
  const schemas = [...new Set(tables.map((table) => table.schema))].filter((schema) => schema !== "public");
  return [...schemas.map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)};`), ...tables.map(createTable), sql.trim()]
    .filter((statement) => statement !== "")
    .join("\n");
}
