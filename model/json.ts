/** Plain JSON values, as Hasura sends and stores them. Everything that crosses HTTP is typed as this, never `any`. */

/** Any value that `JSON.parse` can produce. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object; key order is insertion order, and never meaningful to Hasura. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Deeper than any real remote field tree or metadata document; guards the parsers' stacks. */
export const maxJsonDepth = 256;

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of a JSON value with object keys sorted at every depth, so that equal values look equal.
 * Keys are copied with `defineProperty`, so a key named `__proto__` stays a key instead of becoming
 * the copy's prototype (and silently vanishing).
 */
export function canonicalJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonicalJson);
  return isJsonObject(value) ? canonicalJsonObject(value) : value;
}

/** `canonicalJson` of an object. */
export function canonicalJsonObject(value: Readonly<JsonObject>): JsonObject {
  return mapSortedKeys(value, canonicalJson);
}

/** A copy of a flat record with its keys sorted. */
export function sortedKeys<T>(record: { readonly [key: string]: T }): { [key: string]: T } {
  return mapSortedKeys(record, (value) => value);
}

/**
 * A copy of a record with its keys sorted, each value mapped by `map`. Keys are copied with
 * `defineProperty`, so that a key named `__proto__` stays a key.
 */
function mapSortedKeys<T, U>(record: { readonly [key: string]: T }, map: (value: T) => U): { [key: string]: U } {
  const sorted: { [key: string]: U } = {};
  for (const key of Object.keys(record).sort()) {
    Object.defineProperty(sorted, key, { value: map(record[key]), enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}

/** Where a value first breaks a structural limit: the path to it and what is wrong. */
export interface JsonHazard {
  readonly path: readonly (string | number)[];
  readonly problem: "too-deep" | "proto-key" | "too-large";
}

/** What else `findJsonHazard` looks for, and what it leaves alone. */
export interface HazardOptions {
  /** The most objects, arrays and scalars the value may hold; no bound when not given. */
  readonly maxValues?: number;
  /** Objects not to look inside (a program's inputs may hold promises and Pulumi outputs, which are not values yet). */
  readonly isOpaque?: (value: object) => boolean;
}

/**
 * The first place where a value nests more than `maxDepth` objects and arrays deep, or holds a key
 * named `__proto__`, or (with `maxValues`) where it holds more values than that; undefined when there
 * is none. It walks without recursion, so that a hostile value cannot overflow the stack while being
 * inspected. Schemas run after it: deep values would overflow them, and their record parsers drop
 * `__proto__` keys without a word.
 */
export function findJsonHazard(value: unknown, maxDepth: number, options: HazardOptions = {}): JsonHazard | undefined {
  const pending: [unknown, (string | number)[]][] = [[value, []]];
  let seen = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, path] = next;
    seen += 1;
    if (options.maxValues !== undefined && seen > options.maxValues) return { path: [], problem: "too-large" };
    if (typeof current !== "object" || current === null || options.isOpaque?.(current) === true) continue;
    if (path.length >= maxDepth) return { path, problem: "too-deep" };
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push([item, [...path, index]]));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (key === "__proto__") return { path: [...path, key], problem: "proto-key" };
      pending.push([item, [...path, key]]);
    }
  }
  return undefined;
}

/**
 * True when the value's JSON would be longer than `limit` characters, about: strings and keys count
 * their length, every value a few characters more. It walks without recursion and stops at the
 * limit, so that neither a deep nor a cyclic value can keep it going.
 */
export function jsonLongerThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let length = 0;
  while (pending.length > 0) {
    const current = pending.pop();
    length += typeof current === "string" ? current.length + 2 : 4;
    if (length > limit) return true;
    if (typeof current !== "object" || current === null) continue;
    for (const [key, item] of Array.isArray(current) ? current.entries() : Object.entries(current)) {
      length += typeof key === "string" ? key.length + 3 : 1;
      if (length > limit) return true;
      pending.push(item);
    }
  }
  return length > limit;
}

/**
 * True when a value nests more than `maxDepth` objects and arrays deep. Like `findJsonHazard` it walks
 * without recursion, but keeps no paths: it runs on every answer, whole metadata documents included.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= maxDepth) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) pending.push([item, depth + 1]);
  }
  return false;
}

/** What a thrown value says: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
