/**
 * What of aeson, Hasura's JSON library, shows in Hasura's messages: the JSON type names of its
 * "expected X, but encountered Y" failures, and Hasura's unescaped `dquote`. Plain JSON types and
 * their guards come from the shared model.
 */

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
