/**
 * Where two canonical values differ, down to the leaves, as Pulumi's detailed diff shows a property:
 * objects are walked key by key, while lists (sets, in canonical form sorted) and scalars are
 * compared whole. Pure.
 */
import { isDeepStrictEqual } from "node:util";

/** One place where the stack's value and Hasura's differ; a side that has nothing there is left out. */
export interface Difference {
  /** The property path, such as `["remoteField", "user", "arguments", "id"]`. */
  readonly path: readonly string[];
  readonly state?: unknown;
  readonly hasura?: unknown;
}

/** The differences between the stack's value and Hasura's at `path`; none when they are equal. */
export function differences(state: unknown, hasura: unknown, path: readonly string[]): Difference[] {
  if (isDeepStrictEqual(state, hasura)) return [];
  if (!isPlainObject(state) || !isPlainObject(hasura)) {
    return [{ path, ...(state === undefined ? {} : { state }), ...(hasura === undefined ? {} : { hasura }) }];
  }
  const keys = [...new Set([...Object.keys(state), ...Object.keys(hasura)])].sort();
  return keys.flatMap((key) => differences(state[key], hasura[key], [...path, key]));
}

/** A path as the JSON report gives it whole: `remoteField.user.arguments.id`, a key that is not an identifier as `["a key"]`. */
export function pathText(path: readonly string[]): string {
  return path.map((key, index) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${index === 0 ? "" : "."}${key}` : `[${JSON.stringify(key)}]`)).join("");
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
