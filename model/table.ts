/** Tables and sources as Hasura names them, with the defaults Hasura fills in. */

/** The source Hasura means when none is named. */
export const defaultSource = "default";

/** The Postgres schema Hasura means when a table is given as a bare string. */
export const defaultSchema = "public";

/** A table qualified by its schema: the one form this project keeps. */
export interface QualifiedTable {
  readonly schema: string;
  readonly name: string;
}

/** A table as Hasura accepts it: `"users"` (schema public) or `{schema?, name}`. */
export type TableRef = string | { readonly schema?: string; readonly name: string };

/** `"users"` and `{name: "users"}` both mean `{schema: "public", name: "users"}`, as in Hasura. */
export function qualifyTable(table: TableRef): QualifiedTable {
  if (typeof table === "string") return { schema: defaultSchema, name: table };
  return { schema: table.schema ?? defaultSchema, name: table.name };
}

/** True when two qualified tables are the same table. */
export function sameTable(a: QualifiedTable, b: QualifiedTable): boolean {
  return a.schema === b.schema && a.name === b.name;
}

/** A table as Hasura writes it in requests and metadata: always `{schema, name}`. */
export function tableJson(table: QualifiedTable): { schema: string; name: string } {
  return { schema: table.schema, name: table.name };
}

/** Hasura's table text in messages: `name` in schema public, `schema.name` otherwise. */
export function tableText(table: QualifiedTable): string {
  return table.schema === defaultSchema ? table.name : `${table.schema}.${table.name}`;
}
