/**
 * The database the `default` source points at: which tables exist and their columns. Hasura reads
 * this from Postgres; the local server is told it (environment file or options).
 */
import type { QualifiedTable } from "../../model";

/** A table in the database, tracked or not. */
export interface TableSpec {
  schema: string;
  name: string;
  columns: { name: string; type: string }[];
}

/** The `default` source's tables, looked up by schema and name. */
export class Catalog {
  private readonly tables = new Map<string, TableSpec>();

  constructor(tables: readonly TableSpec[] = []) {
    for (const table of tables) this.add(table);
  }

  /** Adds (or replaces) a table. */
  add(table: TableSpec): void {
    this.tables.set(`${table.schema}.${table.name}`, structuredClone(table));
  }

  /** The column names of a table, or undefined when the database has no such table. */
  columns(table: QualifiedTable): string[] | undefined {
    return this.tables.get(`${table.schema}.${table.name}`)?.columns.map((column) => column.name);
  }
}
