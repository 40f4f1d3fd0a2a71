/**
 * Plain JSON values as the server receives and answers them, with the narrowing helpers the
 * parsers need. Everything that crosses the HTTP boundary is typed as `JsonValue`, never `any`.
 */

/** Any value that `JSON.parse` can produce. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object; key order is kept as JavaScript keeps it (insertion order). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True when `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The name aeson uses for a value's JSON type in its "expected X, but encountered Y" messages. */
export function aesonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "Null";
  if (Array.isArray(value)) return "Array";
  switch (typeof value) {
    case "string":
      return "String";
    case "number":
      return "Number";
    case "boolean":
      return "Boolean";
    default:
      return "Object";
  }
}

/** Wraps `text` in double quotes without escaping, as Hasura's `dquote` does in messages. */
export function dquote(text: string): string {
  return `"${text}"`;
}
