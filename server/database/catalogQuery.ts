/**
 * The catalog read of a source's Postgres database: its tables and views with their columns and
 * types, and its functions with what Hasura's `pg_function_metadata` query reads of them
 * (volatility, return type and its kind, input arguments, defaults). One query answering JSON, and
 * a parser of that JSON into the engine's `SourceCatalog`. System schemas are left out.
 */
import { isJsonObject, type JsonValue } from "../../model";
import { tableKey, type CatalogType, type FunctionSpec, type SourceCatalog, type TableSpec } from "../engine/catalog";

const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/** The query: one row, one column `catalog` holding `{tables, functions}` as JSON text. */
export const catalogQuery = `
WITH types AS (
  SELECT t.oid, json_build_object('schema', tn.nspname, 'name', t.typname, 'kind', t.typtype::text) AS type
  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
)
SELECT json_build_object(
  'tables', coalesce((
    SELECT json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'columns', coalesce((
        SELECT json_agg(json_build_object('name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::json)
    ) ORDER BY n.nspname, c.relname)
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND ${userSchemas}), '[]'::json),
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
    WHERE p.prokind = 'f' AND ${userSchemas}), '[]'::json)
)::text AS catalog`;

const typeKinds: Record<string, CatalogType["kind"]> = {
  b: "base",
  c: "composite",
  d: "domain",
  e: "enum",
  p: "pseudo",
  r: "range",
  m: "multirange",
};

const volatilities: Record<string, FunctionSpec["volatility"]> = { i: "immutable", s: "stable", v: "volatile" };

function text(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : "";
}

function catalogType(value: JsonValue | undefined): CatalogType {
  const object = isJsonObject(value) ? value : {};
  return { schema: text(object.schema), name: text(object.name), kind: typeKinds[text(object.kind)] ?? "base" };
}

function list(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function tableOf(value: JsonValue): TableSpec {
  const object = isJsonObject(value) ? value : {};
  const columns = list(object.columns).map((column) => {
    const fields = isJsonObject(column) ? column : {};
    return { name: text(fields.name), type: text(fields.type) };
  });
  return { schema: text(object.schema), name: text(object.name), columns };
}

function functionOf(value: JsonValue): FunctionSpec {
  const object = isJsonObject(value) ? value : {};
  const inputArguments = list(object.arguments).map((argument) => {
    const fields = isJsonObject(argument) ? argument : {};
    const type = catalogType(fields.type);
    return typeof fields.name === "string" ? { name: fields.name, type } : { type };
  });
  return {
    schema: text(object.schema),
    name: text(object.name),
    volatility: volatilities[text(object.volatility)] ?? "volatile",
    returnType: catalogType(object.return_type),
    returnsSet: object.returns_set === true,
    inputArguments,
    defaultArguments: typeof object.default_arguments === "number" ? object.default_arguments : 0,
  };
}

/** The `SourceCatalog` from the JSON text the query answers. */
export function parseCatalog(json: string): SourceCatalog {
  const document: unknown = JSON.parse(json);
  const object = isJsonObject(document) ? document : {};
  const tables = new Map(
    list(object.tables)
      .map((value) => tableOf(value))
      .map((table) => [tableKey(table), table] as const),
  );
  const functions = new Map<string, FunctionSpec[]>();
  for (const spec of list(object.functions).map(functionOf)) {
    const key = tableKey(spec);
    functions.set(key, [...(functions.get(key) ?? []), spec]);
  }
  return { tables, functions };
}
