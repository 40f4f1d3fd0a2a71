/**
 * `run_sql` on an embedded Postgres, answered as Hasura answers it (Hasura/Backends/Postgres/DDL/
 * RunSQL.hs `runRunSQL`, `RunSQLRes` in Hasura/RQL/DDL/Schema.hs): the SQL runs in one transaction
 * (`READ ONLY` with `read_only`) as one simple-protocol query, and the answer is the last
 * statement's result as libpq's `PQexec` gives it: `{result_type: "TuplesOk", result}` with the
 * header row first and every value as Postgres's text (SQL NULL as the string `"NULL"`), or
 * `{result_type: "CommandOk", result: null}`. A failure is 400 `postgres-error` "query execution
 * failed" with Postgres's own error in `internal`, nothing kept.
 */
import type { PGlite, Results } from "@electric-sql/pglite";
import type { JsonObject, JsonValue } from "../../model";
import { err400 } from "../base/apiError";
import type { RunSqlOptions } from "../engine/catalog";

/** Every value as the text Postgres sent, whatever its type. */
function rawParsers(db: PGlite): Record<string, (value: string) => string> {
  return Object.fromEntries(Object.keys(db.parsers).map((oid) => [oid, (value: string) => value]));
}

function answer(results: readonly Results[]): JsonObject {
  const last = results.at(-1);
  if (last === undefined || (last.fields.length === 0 && last.command !== "SELECT")) return { result_type: "CommandOk", result: null };
  const rows = last.rows.map((row) => (Array.isArray(row) ? row : []).map((value): JsonValue => (value === null ? "NULL" : String(value))));
  return { result_type: "TuplesOk", result: [last.fields.map((field) => field.name), ...rows] };
}

interface PostgresErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

function stringField(error: Error, key: "code" | "detail" | "hint"): string | undefined {
  const value: unknown = Reflect.get(error, key);
  return typeof value === "string" ? value : undefined;
}

/** Postgres's error fields, when `error` is a Postgres error (PGlite's `DatabaseError` carries its SQLSTATE in `code`). */
function postgresError(error: unknown): PostgresErrorFields | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = stringField(error, "code");
  if (code === undefined) return undefined;
  return { message: error.message, code, detail: stringField(error, "detail"), hint: stringField(error, "hint") };
}

/** Hasura's `PGTxErr` JSON, as its `internal`. */
function internal(sql: string, error: PostgresErrorFields): JsonObject {
  return {
    statement: sql,
    prepared: false,
    error: { exec_status: "FatalError", hint: error.hint ?? null, message: error.message, status_code: error.code ?? "", description: error.detail ?? null },
    arguments: [],
  };
}

/** Runs `sql` on `db` and answers as Hasura's `run_sql`; a Postgres error becomes Hasura's `postgres-error`. */
export async function runSql(db: PGlite, sql: string, options: RunSqlOptions): Promise<JsonObject> {
  const transaction = !options.noTransaction || options.readOnly;
  try {
    if (transaction) await db.exec(`BEGIN ISOLATION LEVEL READ COMMITTED ${options.readOnly ? "READ ONLY" : "READ WRITE"}`);
    const results = await db.exec(sql, { rowMode: "array", parsers: rawParsers(db) });
    if (transaction) await db.exec("COMMIT");
    return answer(results);
  } catch (error) {
    if (db.isInTransaction()) await db.exec("ROLLBACK");
    const fields = postgresError(error);
    if (fields === undefined) throw error;
    throw err400("postgres-error", "query execution failed", internal(sql, fields));
  }
}
