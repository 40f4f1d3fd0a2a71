/**
 * The databases behind the server's sources, as the schema cache sees them: for each source name,
 * its kind, and what one read of its catalog found (Hasura's `DBObjectsIntrospection`: tables with
 * their columns). Hasura reads a source's catalog when it resolves the source; the schema cache
 * keeps that read until the source is invalidated or its metadata changes (engine/sourceResolution.ts).
 */
import { defaultSource, type QualifiedTable } from "../../model";

/** A column of a table, with the type the catalog gives it. */
export interface ColumnSpec {
  name: string;
  type: string;
}

/** A table in a database, tracked or not. */
export interface TableSpec {
  schema: string;
  name: string;
  columns: ColumnSpec[];
}

/** A database: the source name it is added under, its kind (Hasura's `kind`, default `postgres`) and its tables. */
export interface DatabaseSpec {
  name: string;
  kind?: string;
  tables: readonly TableSpec[];
}

/** What one catalog read of a source's database found. */
export interface SourceCatalog {
  /** Tables by `schema.name`. */
  tables: ReadonlyMap<string, TableSpec>;
}

/** The key of a table in a `SourceCatalog`. */
export function tableKey(table: QualifiedTable): string {
  return `${table.schema}.${table.name}`;
}

/** The column names of a table in a catalog read, or undefined when the database has no such table. */
export function catalogColumns(catalog: SourceCatalog | undefined, table: QualifiedTable): string[] | undefined {
  return catalog?.tables.get(tableKey(table))?.columns.map((column) => column.name);
}

/** The databases behind the sources: which kind each is, and a fresh read of its catalog. */
export interface Databases {
  /** The kind of the database behind a source; undefined when the server has no database of that name. */
  kind(source: string): string | undefined;
  /** Reads the catalog of the database behind `source`, which must exist. */
  introspect(source: string): Promise<SourceCatalog>;
}

interface Database {
  kind: string;
  tables: Map<string, TableSpec>;
}

/** Databases whose contents are given at start and never change. */
export class Catalog implements Databases {
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

  private add(source: string, table: TableSpec): void {
    this.databases.get(source)?.tables.set(tableKey(table), structuredClone(table));
  }

  kind(source: string): string | undefined {
    return this.databases.get(source)?.kind;
  }

  async introspect(source: string): Promise<SourceCatalog> {
    return { tables: new Map(this.databases.get(source)?.tables) };
  }
}
