/**
 * Where two canonical values differ, down to the leaves, as Pulumi's detailed diff shows a property:
 * objects are walked key by key, while lists (sets, in canonical form sorted) and scalars are
 * compared whole. Pure.
 */
import { isDeepStrictEqual } from "node:util";

/** One place where the stack's value and Hasura's differ; a side that has nothing there is left out. */
export interface Difference {
  /** A property path, such as `remoteField.user.arguments.id`. */
  readonly path: string;
  readonly state?: unknown;
  readonly hasura?: unknown;
}

/** The differences between the stack's value and Hasura's at `path`; none when they are equal. */
export function differences(state: unknown, hasura: unknown, path: string): Difference[] {
  if (isDeepStrictEqual(state, hasura)) return [];
  if (!isPlainObject(state) || !isPlainObject(hasura)) {
    return [{ path, ...(state === undefined ? {} : { state }), ...(hasura === undefined ? {} : { hasura }) }];
  }
  const keys = [...new Set([...Object.keys(state), ...Object.keys(hasura)])].sort();
  return keys.flatMap((key) => differences(state[key], hasura[key], `${path}${pathStep(key)}`));
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key as a path step: `.key` where it is an identifier, `["a key"]` otherwise. */
function pathStep(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
