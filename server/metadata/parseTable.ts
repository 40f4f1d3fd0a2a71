/**
 * Parsers for names that point into the database: qualified tables and field sets, with the
 * failure messages Hasura's FromJSON instances give, producing the model's types.
 */
import { canonicalSet, defaultSchema, type ComputedFieldDefinition, type QualifiedTable } from "../../model";
import type { Cursor } from "../base/cursor";

/** Parses a table given as `"name"` (schema public) or `{schema?, name}`. */
export function parseQualifiedTable(cursor: Cursor): QualifiedTable {
  if (typeof cursor.value === "string") return { schema: defaultSchema, name: cursor.value };
  if (typeof cursor.value !== "object" || cursor.value === null || Array.isArray(cursor.value)) {
    cursor.fail("expecting a string/object for QualifiedObject");
  }
  const object = cursor.object("QualifiedObject");
  const schema = object.optional("schema")?.text() ?? defaultSchema;
  return { schema, name: object.required("name").text() };
}

/** Parses a set of field names: duplicates collapse and the result is sorted, as a HashSet has no order. */
export function parseFieldSet(cursor: Cursor): string[] {
  return canonicalSet(cursor.array().map((item) => item.text()));
}

/** Parses a Postgres computed field definition `{function, table_argument?, session_argument?}`; the function is named as a table is. */
export function parseComputedFieldDefinition(cursor: Cursor): ComputedFieldDefinition {
  const object = cursor.object("ComputedFieldDefinition");
  const definition: ComputedFieldDefinition = { function: parseQualifiedTable(object.required("function")) };
  const tableArgument = object.optional("table_argument")?.text();
  const sessionArgument = object.optional("session_argument")?.text();
  if (tableArgument !== undefined) definition.tableArgument = tableArgument;
  if (sessionArgument !== undefined) definition.sessionArgument = sessionArgument;
  return definition;
}
