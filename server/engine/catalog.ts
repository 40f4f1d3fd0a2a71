/**
 * The databases behind the server's sources, as the schema cache sees them: for each source name,
 * its kind, and what one read of its catalog found (Hasura's `DBObjectsIntrospection`: tables with
 * their columns). Hasura reads a source's catalog when it resolves the source; the schema cache
 * keeps that read until the source is invalidated or its metadata changes (engine/sourceResolution.ts).
 */
import type { JsonObject, SourceCatalog } from "../../model";

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
