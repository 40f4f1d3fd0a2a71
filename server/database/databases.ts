/**
 * The databases behind all sources of one local server, each an embedded Postgres
 * (database/sourceDatabase.ts) set up from what the environment and options declare. The
 * `default` source always has one, of kind `postgres`; a further database declared under the name
 * `default` adds to it.
 */
import { defaultSource, errorMessage, type JsonObject, type SourceCatalog } from "../../model";
import type { Databases, RunSqlOptions, TableSpec } from "../engine/catalog";
import { seedSql } from "./seed";
import { SourceDatabase } from "./sourceDatabase";

/** What one database holds at start: its source name, kind, tables and extra SQL (functions, views, ...). */
export interface DatabaseDeclaration {
  name: string;
  kind?: string;
  tables: readonly TableSpec[];
  sql?: string;
}

/** The embedded databases of a server's sources. */
export class SourceDatabases implements Databases {
  private readonly databases = new Map<string, SourceDatabase>();

  /** One database per declared name, `default` first. */
  constructor(declarations: readonly DatabaseDeclaration[]) {
    const merged = new Map<string, { kind: string; tables: TableSpec[]; sql: string[] }>([[defaultSource, { kind: "postgres", tables: [], sql: [] }]]);
    for (const declaration of declarations) {
      let entry = merged.get(declaration.name);
      if (entry === undefined) {
        entry = { kind: declaration.kind ?? "postgres", tables: [], sql: [] };
        merged.set(declaration.name, entry);
      }
      entry.tables.push(...declaration.tables);
      if (declaration.sql !== undefined) entry.sql.push(declaration.sql);
    }
    for (const [name, entry] of merged) this.databases.set(name, new SourceDatabase(entry.kind, seedSql(entry.tables, entry.sql.join("\n"))));
  }

  private database(source: string): SourceDatabase {
    const database = this.databases.get(source);
    if (database === undefined) throw new Error(`The local server has no database for source "${source}".`);
    return database;
  }

  kind(source: string): string | undefined {
    return this.databases.get(source)?.kind;
  }

  introspect(source: string): Promise<SourceCatalog> {
    return this.database(source).introspect();
  }

  runSql(source: string, sql: string, options: RunSqlOptions): Promise<JsonObject> {
    return this.database(source).runSql(sql, options);
  }

  /** Sets every database up (or finds its catalog kept), so a broken declaration fails at start. */
  async ready(): Promise<void> {
    for (const [name, database] of this.databases) {
      try {
        await database.ready();
      } catch (error) {
        throw new Error(`The database of source "${name}" could not be set up: ${errorMessage(error)}`);
      }
    }
  }

  /** Gives every database back. */
  async close(): Promise<void> {
    await Promise.all([...this.databases.values()].map((database) => database.close()));
  }
}
