/**
 * Reads an environment file in the format of the conformance environment (`environment.yaml`):
 * the admin secret, the database catalog of the `default` source and its tracked tables, further
 * database sources (each with its kind, tables and tracked tables), and the remote schemas to
 * serve from `remote-schemas/<name>.graphql` beside the file.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { load } from "js-yaml";
import { defaultSchema, isJsonObject, type JsonValue, type QualifiedTable } from "../../model";
import type { TableSpec } from "../engine/catalog";

/**
 * A database source besides `default`: the name it is added under, its kind (`postgres`, `citus`,
 * `cockroach`, `mssql`, `bigquery`, ...; default `postgres`), the tables its database holds, and
 * those of them that are tracked.
 */
export interface SourceSpec {
  name: string;
  kind?: string;
  tables: TableSpec[];
  /** SQL run on the source's database after its tables are made: functions, views, data. */
  sql?: string;
  trackedTables?: QualifiedTable[];
}

/** A loaded environment. */
export interface Environment {
  adminSecret?: string;
  database: TableSpec[];
  /** SQL run on the `default` source's database after its tables are made. */
  sql?: string;
  trackedTables: QualifiedTable[];
  sources: SourceSpec[];
  remoteSchemas: { name: string; sdl: string }[];
}

function fail(file: string, message: string): never {
  throw new Error(`Environment file ${file}: ${message}`);
}

function list(file: string, value: JsonValue | undefined, key: string): JsonValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(file, `"${key}" must be a list.`);
  return value;
}

function tableOf(file: string, value: JsonValue): QualifiedTable {
  if (!isJsonObject(value) || typeof value.name !== "string") fail(file, 'each table needs a "name".');
  return { schema: typeof value.schema === "string" ? value.schema : defaultSchema, name: value.name };
}

function tableSpec(file: string, value: JsonValue): TableSpec {
  const { schema, name } = tableOf(file, value);
  const columns = list(file, isJsonObject(value) ? value.columns : undefined, "columns").map((column) => {
    if (!isJsonObject(column) || typeof column.name !== "string") fail(file, `each column of "${name}" needs a "name".`);
    return { name: column.name, type: typeof column.type === "string" ? column.type : "text" };
  });
  return { schema, name, columns };
}

function sourceSpec(file: string, value: JsonValue): SourceSpec {
  if (!isJsonObject(value) || typeof value.name !== "string" || value.name === "") fail(file, 'each source needs a "name".');
  if (value.kind !== undefined && typeof value.kind !== "string") fail(file, `the kind of source "${value.name}" must be a string.`);
  const spec: SourceSpec = {
    name: value.name,
    kind: value.kind ?? "postgres",
    tables: list(file, value.database, "database").map((table) => tableSpec(file, table)),
    trackedTables: list(file, value.tracked_tables, "tracked_tables").map((table) => tableOf(file, table)),
  };
  const sql = sqlOf(file, value.sql, `source "${value.name}"`);
  if (sql !== undefined) spec.sql = sql;
  return spec;
}

function sqlOf(file: string, value: JsonValue | undefined, owner: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") fail(file, `the sql of ${owner} must be a string of SQL statements.`);
  return value;
}

/** Loads `file` and the remote schema SDL files beside it. */
export async function loadEnvironment(file: string): Promise<Environment> {
  const document = load(await readFile(file, "utf8")) as JsonValue;
  if (!isJsonObject(document)) fail(file, "expected a YAML mapping.");
  const names = list(file, document.remote_schemas, "remote_schemas").map((name) => {
    if (typeof name !== "string") fail(file, "remote_schemas lists names.");
    return name;
  });
  const remoteSchemas = await Promise.all(
    names.map(async (name) => ({ name, sdl: await readFile(join(dirname(file), "remote-schemas", `${name}.graphql`), "utf8") })),
  );
  const environment: Environment = {
    database: list(file, document.database, "database").map((value) => tableSpec(file, value)),
    trackedTables: list(file, document.tracked_tables, "tracked_tables").map((value) => tableOf(file, value)),
    sources: list(file, document.sources, "sources").map((value) => sourceSpec(file, value)),
    remoteSchemas,
  };
  if (typeof document.admin_secret === "string") environment.adminSecret = document.admin_secret;
  const sql = sqlOf(file, document.sql, "the default source");
  if (sql !== undefined) environment.sql = sql;
  return environment;
}
