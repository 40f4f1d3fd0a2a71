/**
 * The database behind one source of the local server: an embedded Postgres (database/pglite.ts)
 * set up by the source's seed SQL (its tables and functions, database/seed.ts), whose catalog the
 * schema cache reads and where `run_sql` runs.
 *
 * Starting a Postgres costs time and memory, and most servers never run SQL, so the database is
 * made only when something needs it: a catalog read of a database nothing has changed yet is the
 * catalog of its seed, which is read once from a real database and kept (in the process, and in
 * the OS temporary directory across processes) under a hash of the PGlite version, the catalog
 * query and the seed. The first `run_sql` makes the database, and from then on every catalog read
 * queries it.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { catalogSql, parseCatalog, type JsonObject, type SourceCatalog } from "../../model";
import type { RunSqlOptions } from "../engine/catalog";
import { openDatabase, pgliteVersion, releaseDatabase } from "./pglite";
import { runSql } from "./runSql";

/** The catalog read: every table and function of the database's own schemas (the shared model's query, which the provider also asks Hasura to run). */
const catalogQuery = catalogSql();

const seededCatalogs = new Map<string, Promise<string>>();

async function readCatalog(db: PGlite): Promise<string> {
  const result = await db.query<{ catalog: string }>(catalogQuery);
  return result.rows[0]?.catalog ?? "{}";
}

function cacheFile(key: string): string {
  return join(tmpdir(), "hasura-local-server", `catalog-${key}.json`);
}

async function cachedOnDisk(key: string): Promise<string | undefined> {
  try {
    return await readFile(cacheFile(key), "utf8");
  } catch {
    return undefined;
  }
}

async function keepOnDisk(key: string, catalog: string): Promise<void> {
  const file = cacheFile(key);
  await mkdir(join(file, ".."), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, catalog);
  await rename(temporary, file);
}

/** One source's database. */
export class SourceDatabase {
  private db: Promise<PGlite> | undefined;

  /** `kind` is the source's kind; `seed` the SQL that sets its database up. */
  constructor(
    readonly kind: string,
    private readonly seed: string,
  ) {}

  private async seedKey(): Promise<string> {
    const pglite = await pgliteVersion();
    return createHash("sha256").update(`${pglite}\u0000${catalogQuery}\u0000${this.seed}`).digest("hex").slice(0, 32);
  }

  private database(): Promise<PGlite> {
    this.db ??= (async () => {
      const db = await openDatabase();
      try {
        if (this.seed.trim() !== "") await db.exec(this.seed);
      } catch (error) {
        // A seed Postgres refuses leaves no database behind.
        this.db = undefined;
        await releaseDatabase(db);
        throw error;
      }
      return db;
    })();
    return this.db;
  }

  private async seededCatalog(): Promise<string> {
    const key = await this.seedKey();
    let catalog = seededCatalogs.get(key);
    if (catalog === undefined) {
      catalog = (async () => {
        const onDisk = await cachedOnDisk(key);
        if (onDisk !== undefined) return onDisk;
        const read = await readCatalog(await this.database());
        await keepOnDisk(key, read).catch(() => undefined);
        return read;
      })();
      seededCatalogs.set(key, catalog);
      catalog.catch(() => seededCatalogs.delete(key));
    }
    return catalog;
  }

  /** Makes the database now (start-up uses it to report a broken seed before the server listens). */
  async ready(): Promise<void> {
    await this.seededCatalog();
  }

  /** Reads the database's catalog. */
  async introspect(): Promise<SourceCatalog> {
    const parsed = parseCatalog(this.db === undefined ? await this.seededCatalog() : await readCatalog(await this.db));
    if (!parsed.ok) throw new Error(`The catalog read of a source's database gave what is not a catalog: ${parsed.reason}.`);
    return parsed.value;
  }

  /** Runs `run_sql` on the database (made now if it was not yet). */
  async runSql(sql: string, options: RunSqlOptions): Promise<JsonObject> {
    return runSql(await this.database(), sql, options);
  }

  /** Gives the database back to the process's pool. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db !== undefined) await releaseDatabase(await db);
  }
}
