/**
 * Parsers for names that point into the database: qualified tables and field sets, with the
 * failure messages Hasura's FromJSON instances give.
 */
import type { Cursor } from "../base/cursor";
import type { QualifiedTable } from "./records";

/** Parses a table given as `"name"` (schema public) or `{schema?, name}`. */
export function parseQualifiedTable(cursor: Cursor): QualifiedTable {
  if (typeof cursor.value === "string") return { schema: "public", name: cursor.value };
  if (typeof cursor.value !== "object" || cursor.value === null || Array.isArray(cursor.value)) {
    cursor.fail("expecting a string/object for QualifiedObject");
  }
  const object = cursor.object("QualifiedObject");
  const schema = object.optional("schema")?.text() ?? "public";
  return { schema, name: object.required("name").text() };
}

/** Parses a set of field names: duplicates collapse and the result is sorted, as a HashSet has no order. */
export function parseFieldSet(cursor: Cursor): string[] {
  const names = cursor.array().map((item) => item.text());
  return [...new Set(names)].sort();
}
