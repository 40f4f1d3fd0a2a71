/**
 * JSON values written as TypeScript literals the way a person (or prettier) writes them: keys bare
 * where they are identifiers, on one line when that fits in the width, else one entry per line with a
 * trailing comma.
 */
import type { JsonValue } from "../model";

/** How wide a line of generated code may be. */
export const lineWidth = 100;

/** The indentation of one level. */
export const indentUnit = "  ";

/** A property key as TypeScript writes it; `__proto__` computed, since a literal key of that name would set the prototype. */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${JSON.stringify(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** `value` as a literal whose first line starts at column `column` and whose later lines are indented by `indent`. */
export function literal(value: JsonValue, indent: string, column: number): string {
  const flat = flatLiteral(value);
  if (column + flat.length <= lineWidth || !isContainer(value)) return flat;
  const inner = indent + indentUnit;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${inner}${literal(item, inner, inner.length)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value as { [key: string]: JsonValue }).map(([key, item]) => {
    const head = `${inner}${propertyKey(key)}: `;
    return `${head}${literal(item, inner, head.length)},\n`;
  });
  return `{\n${entries.join("")}${indent}}`;
}

/** `value` on one line. */
export function flatLiteral(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(flatLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${flatLiteral(item)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function isContainer(value: JsonValue): boolean {
  return value !== null && typeof value === "object" && Object.keys(value).length > 0;
}
