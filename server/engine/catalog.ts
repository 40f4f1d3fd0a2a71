/**
 * The databases behind the server's sources: for each source name, its kind and which tables
 * exist with which columns. Hasura reads this from the databases; the local server is told it
 * (environment file or options). The `default` source is always there, a Postgres database.
 */
import { defaultSource, type QualifiedTable } from "../../model";

/** A table in a database, tracked or not. */
export interface TableSpec {
  schema: string;
  name: string;
  columns: { name: string; type: string }[];
}

/** A database: the source name it is added under, its kind (Hasura's `kind`, default `postgres`) and its tables. */
export interface DatabaseSpec {
  name: string;
  kind?: string;
  tables: readonly TableSpec[];
}

interface Database {
  kind: string;
  tables: Map<string, TableSpec>;
}

function tableKey(table: QualifiedTable): string {
  return `${table.schema}.${table.name}`;
}

/** Every source's database, looked up by source name, then by schema and table name. */
export class Catalog {
  private readonly databases = new Map<string, Database>();

  /** `defaultTables` are the `default` source's; `others` are further databases (one named `default` adds to it). */
  constructor(defaultTables: readonly TableSpec[] = [], others: readonly DatabaseSpec[] = []) {
    this.databases.set(defaultSource, { kind: "postgres", tables: new Map() });
    for (const table of defaultTables) this.add(defaultSource, table);
    for (const database of others) {
      if (!this.databases.has(database.name)) this.databases.set(database.name, { kind: database.kind ?? "postgres", tables: new Map() });
      for (const table of database.tables) this.add(database.name, table);
    }
  }

  /** Adds (or replaces) a table in a source's database, which must exist. */
  add(source: string, table: TableSpec): void {
    this.databases.get(source)?.tables.set(tableKey(table), structuredClone(table));
  }

  /** The kind of the database behind a source; undefined when the server has no database of that name. */
  kind(source: string): string | undefined {
    return this.databases.get(source)?.kind;
  }

  /** The column names of a table of a source's database, or undefined when there is no such table. */
  columns(source: string, table: QualifiedTable): string[] | undefined {
    return this.databases
      .get(source)
      ?.tables.get(tableKey(table))
      ?.columns.map((column) => column.name);
  }
}
