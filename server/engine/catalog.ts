/**
 * The databases behind the server's sources, as the schema cache sees them: for each source name,
 * its kind, and what one read of its catalog found (Hasura's `DBObjectsIntrospection`: tables with
 * their columns). Hasura reads a source's catalog when it resolves the source; the schema cache
 * keeps that read until the source is invalidated or its metadata changes (engine/sourceResolution.ts).
 */
import type { JsonObject, QualifiedTable } from "../../model";

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

/** A type as the catalog names it, with Postgres's kind of type (`pg_type.typtype`). */
export interface CatalogType {
  schema: string;
  name: string;
  kind: "base" | "composite" | "domain" | "enum" | "pseudo" | "range" | "multirange";
}

/** An input argument of a function (IN, INOUT or VARIADIC), named or not. */
export interface FunctionArgument {
  name?: string;
  type: CatalogType;
}

/** One overload of a SQL function, as Hasura's `pg_function_metadata` query reads it. */
export interface FunctionSpec {
  schema: string;
  name: string;
  volatility: "immutable" | "stable" | "volatile";
  returnType: CatalogType;
  returnsSet: boolean;
  inputArguments: FunctionArgument[];
  /** How many trailing input arguments have defaults. */
  defaultArguments: number;
}

/** What one catalog read of a source's database found. */
export interface SourceCatalog {
  /** Tables (and views) by `schema.name`. */
  tables: ReadonlyMap<string, TableSpec>;
  /** Functions by `schema.name`, each with its overloads. */
  functions: ReadonlyMap<string, readonly FunctionSpec[]>;
}

/** The key of a table in a `SourceCatalog`. */
export function tableKey(table: QualifiedTable): string {
  return `${table.schema}.${table.name}`;
}

/** The column names of a table in a catalog read, or undefined when the database has no such table. */
export function catalogColumns(catalog: SourceCatalog | undefined, table: QualifiedTable): string[] | undefined {
  return catalog?.tables.get(tableKey(table))?.columns.map((column) => column.name);
}

/** How `run_sql` runs its SQL. */
export interface RunSqlOptions {
  readOnly: boolean;
  /** Hasura's `no_transaction`: statements such as `CREATE INDEX CONCURRENTLY` need it. */
  noTransaction: boolean;
}

/** The databases behind the sources: which kind each is, a fresh read of its catalog, and `run_sql`. */
export interface Databases {
  /** The kind of the database behind a source; undefined when the server has no database of that name. */
  kind(source: string): string | undefined;
  /** Reads the catalog of the database behind `source`, which must exist. */
  introspect(source: string): Promise<SourceCatalog>;
  /** Runs `sql` on the database behind `source`, which must exist; answers as Hasura's `run_sql`. */
  runSql(source: string, sql: string, options: RunSqlOptions): Promise<JsonObject>;
}
