/**
 * What a database source's catalog says, as Hasura reads it to build its schema cache (its
 * `DBObjectsIntrospection`: tables and views with their columns, and functions with what its
 * `pg_function_metadata` query reads of them), and the one SQL query that reads it from a
 * Postgres-family database. The local server reads every table and function of its embedded
 * databases with it; the provider reads, through Hasura's read-only `run_sql`, only those a
 * relationship may name. Pure: the query is text, its answer is parsed here.
 */
import { z } from "zod";
import type { Parsed } from "./storedJson";
import type { QualifiedTable } from "./table";

/**
 * A column with its type as Postgres writes it (`character varying(20)`), the type under any domain
 * (`text` for a domain over text), and its category (`pg_type.typcategory`: `N` numeric, `S` string,
 * `D` date/time, `U` user-defined, ...), when the reader knows them.
 */
export interface CatalogColumn {
  readonly name: string;
  readonly type: string;
  readonly base?: string;
  readonly category?: string;
}

/** A table or view of a database, tracked or not, with its columns in their order. */
export interface CatalogTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
}

/** A type as the catalog names it, with Postgres's kind of type (`pg_type.typtype`) and its category. */
export interface CatalogType {
  readonly schema: string;
  readonly name: string;
  readonly kind: "base" | "composite" | "domain" | "enum" | "pseudo" | "range" | "multirange";
  readonly category?: string;
}

/** An input argument of a function (IN, INOUT or VARIADIC), named or not. */
export interface FunctionArgument {
  readonly name?: string;
  readonly type: CatalogType;
}

/** One overload of a SQL function, as Hasura's `pg_function_metadata` query reads it. */
export interface FunctionSpec {
  readonly schema: string;
  readonly name: string;
  readonly volatility: "immutable" | "stable" | "volatile";
  readonly returnType: CatalogType;
  readonly returnsSet: boolean;
  readonly inputArguments: readonly FunctionArgument[];
  /** How many trailing input arguments have defaults. */
  readonly defaultArguments: number;
}

/** What one read of a source's catalog found. */
export interface SourceCatalog {
  /** Tables (and views) by `schema.name`. */
  readonly tables: ReadonlyMap<string, CatalogTable>;
  /** Functions by `schema.name`, each with its overloads. */
  readonly functions: ReadonlyMap<string, readonly FunctionSpec[]>;
}

/** The key of a table (or a function) in a `SourceCatalog`. */
export function tableKey(table: QualifiedTable): string {
  return `${table.schema}.${table.name}`;
}

/** The columns of a table in a catalog read, or undefined when the database has no such table. */
export function catalogTableColumns(catalog: SourceCatalog | undefined, table: QualifiedTable): readonly CatalogColumn[] | undefined {
  return catalog?.tables.get(tableKey(table))?.columns;
}

/** The column names of a table in a catalog read, or undefined when the database has no such table. */
export function catalogColumns(catalog: SourceCatalog | undefined, table: QualifiedTable): string[] | undefined {
  return catalogTableColumns(catalog, table)?.map((column) => column.name);
}

/** What a catalog read covers: every user table and function, or only these. */
export interface CatalogScope {
  readonly tables: readonly QualifiedTable[];
  readonly functions: readonly QualifiedTable[];
}

/**
 * A SQL string literal that means `text` whatever `standard_conforming_strings` says: an escape
 * string, with its backslashes and quotes doubled.
 */
export function sqlText(text: string): string {
  return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/** The SQL condition that `schema`.`name` is one of `objects` (none: false). */
function among(schema: string, name: string, objects: readonly QualifiedTable[]): string {
  if (objects.length === 0) return "false";
  const unique = [...new Map(objects.map((object) => [tableKey(object), object])).values()];
  return `(${schema}, ${name}) IN (VALUES ${unique.map((object) => `(${sqlText(object.schema)}, ${sqlText(object.name)})`).join(", ")})`;
}

/**
 * The catalog query: one row, one column `catalog` holding `{tables, functions}` as JSON text (so
 * that `run_sql`, which answers every value as text, carries it whole). System schemas are left out;
 * with a scope, everything but its tables and functions is.
 */
export function catalogSql(scope?: CatalogScope): string {
  const tables = scope === undefined ? userSchemas : among("n.nspname", "c.relname", scope.tables);
  const functions = scope === undefined ? userSchemas : among("n.nspname", "p.proname", scope.functions);
  return `
WITH types AS (
  SELECT t.oid, json_build_object('schema', tn.nspname, 'name', t.typname, 'kind', t.typtype::text, 'category', t.typcategory::text) AS type
  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
)
SELECT json_build_object(
  'tables', coalesce((
    SELECT json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'columns', coalesce((
        SELECT json_agg(json_build_object(
          'name', a.attname,
          'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
          'base', pg_catalog.format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, NULL),
          'category', t.typcategory::text
        ) ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::json)
    ) ORDER BY n.nspname, c.relname)
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND ${tables}), '[]'::json),
  'functions', coalesce((
    SELECT json_agg(json_build_object(
      'schema', n.nspname,
      'name', p.proname,
      'volatility', p.provolatile::text,
      'returns_set', p.proretset,
      'return_type', (SELECT type FROM types WHERE types.oid = p.prorettype),
      'default_arguments', p.pronargdefaults,
      'arguments', coalesce((
        SELECT json_agg(json_build_object('name', nullif(arg.name, ''), 'type', (SELECT type FROM types WHERE types.oid = arg.type)) ORDER BY arg.position)
        FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargnames, p.proargmodes) WITH ORDINALITY AS arg(type, name, mode, position)
        WHERE coalesce(arg.mode, 'i') IN ('i', 'b', 'v')), '[]'::json)
    ) ORDER BY n.nspname, p.proname, p.oid)
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.prokind = 'f' AND ${functions}), '[]'::json)
)::text AS catalog`;
}

const typeKinds = new Map<string, CatalogType["kind"]>([
  ["b", "base"],
  ["c", "composite"],
  ["d", "domain"],
  ["e", "enum"],
  ["p", "pseudo"],
  ["r", "range"],
  ["m", "multirange"],
]);
const volatilities = { i: "immutable", s: "stable", v: "volatile" } as const;

/** A type the catalog could not name (an argument of a type it cannot see) reads as an unnamed base type, as Hasura's query leaves it. */
const unnamedType: CatalogType = { schema: "", name: "", kind: "base" };

const typeJson = z
  .object({ schema: z.string(), name: z.string(), kind: z.string(), category: z.string().optional() })
  .nullable()
  .transform((type): CatalogType => {
    if (type === null) return unnamedType;
    const kind = typeKinds.get(type.kind) ?? "base";
    return { schema: type.schema, name: type.name, kind, ...(type.category === undefined ? {} : { category: type.category }) };
  });

const columnJson = z.object({ name: z.string(), type: z.string(), base: z.string().optional(), category: z.string().optional() });

const catalogJson = z.object({
  tables: z.array(z.object({ schema: z.string(), name: z.string(), columns: z.array(columnJson) })),
  functions: z.array(
    z.object({
      schema: z.string(),
      name: z.string(),
      volatility: z.enum(["i", "s", "v"]).transform((code) => volatilities[code]),
      returns_set: z.boolean(),
      return_type: typeJson,
      default_arguments: z.number(),
      arguments: z.array(
        z.object({ name: z.string().nullable(), type: typeJson }).transform(({ name, type }): FunctionArgument => (name === null ? { type } : { name, type })),
      ),
    }),
  ),
});

/** The catalog the query's JSON text describes; or why it is not one. */
export function parseCatalog(json: string): Parsed<SourceCatalog> {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { ok: false, reason: "the catalog is not JSON" };
  }
  const parsed = catalogJson.safeParse(document);
  if (!parsed.success) return { ok: false, reason: `the catalog is not {tables, functions} (${parsed.error.issues[0]?.message ?? "invalid"})` };
  const tables = new Map(parsed.data.tables.map((table) => [tableKey(table), table] as const));
  const functions = new Map<string, FunctionSpec[]>();
  for (const spec of parsed.data.functions) {
    const fn: FunctionSpec = {
      schema: spec.schema,
      name: spec.name,
      volatility: spec.volatility,
      returnType: spec.return_type,
      returnsSet: spec.returns_set,
      inputArguments: spec.arguments,
      defaultArguments: spec.default_arguments,
    };
    functions.set(tableKey(fn), [...(functions.get(tableKey(fn)) ?? []), fn]);
  }
  return { ok: true, value: { tables, functions } };
}

/** `run_sql`'s answer to the catalog query: `{result_type: "TuplesOk", result: [["catalog"], [json]]}`. */
const runSqlAnswer = z.object({
  result_type: z.literal("TuplesOk"),
  result: z.tuple([z.tuple([z.literal("catalog")]), z.tuple([z.string()])]),
});

/** The catalog in `run_sql`'s answer to the catalog query (Hasura answers every value as text); or why the answer is not that. */
export function catalogOfRunSqlAnswer(body: unknown): Parsed<SourceCatalog> {
  const answer = runSqlAnswer.safeParse(body);
  if (!answer.success) return { ok: false, reason: "the answer is not run_sql's one row of the catalog query" };
  return parseCatalog(answer.data.result[1][0]);
}
