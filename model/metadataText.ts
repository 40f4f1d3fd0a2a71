/**
 * A metadata document's JSON text, at the cost of what changed since it was last written. Every
 * `replace_metadata` sends the whole document: on a Hasura with 2,000 tables that is 8 MB, and
 * `JSON.stringify` of it took about 35 ms of the provider's CPU a write, more than everything else
 * a write does. But a batch's edits replace only the entries of the tables they touch and share the
 * rest (./metadataDocument.ts), so each table entry's text is kept by the entry's identity and
 * written once; a write joins the kept texts (about 6 ms).
 *
 * A kept text is only right while its entry stays as it was: the entry is frozen, to its last
 * nested value, when its text is kept, so that a change made to it later throws where it is made
 * rather than sending Hasura an old text. The result is what `JSON.stringify` writes, to the byte
 * (test/unit/model/metadataText.test.ts).
 */

/** Each table entry's text, by the entry. */
const tableTexts = new WeakMap<object, string>();

/** The text of one key's value inside an object, or undefined to leave the key out (as `JSON.stringify` does). */
type PartText = (value: unknown) => string | undefined;

/** The JSON text of a metadata document: `JSON.stringify(document)`, with each table entry's text written once. */
export function metadataText(document: unknown): string | undefined {
  const tables: PartText = (value) => (Array.isArray(value) ? arrayText(value, tableText) : JSON.stringify(value));
  const source: PartText = (value) => objectText(value, { tables });
  return objectText(document, { sources: (value) => (Array.isArray(value) ? arrayText(value, source) : JSON.stringify(value)), tables });
}

/**
 * `JSON.stringify(value)` for a plain object, with the values of the keys in `parts` written by
 * those functions; anything else (an array, a value with `toJSON`) by `JSON.stringify` itself.
 */
export function objectText(value: unknown, parts: Readonly<Record<string, PartText>>): string | undefined {
  if (!isPlainObject(value) || hasToJson(value)) return JSON.stringify(value);
  const fields: string[] = [];
  for (const key of Object.keys(value)) {
    const part = value[key];
    const text = Object.hasOwn(parts, key) ? parts[key](part) : JSON.stringify(part);
    // JSON.stringify leaves out a key whose value has no text (undefined, a function).
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(",")}}`;
}

/** `JSON.stringify(items)`, each item written by `itemText`: an item with no text is `null`, as JSON.stringify writes it (holes too). */
function arrayText(items: readonly unknown[], itemText: PartText): string {
  if (hasToJson(items)) return JSON.stringify(items) ?? "null";
  return `[${Array.from(items, (item) => itemText(item) ?? "null").join(",")}]`;
}

/** A table entry's text: kept from the first time it was written, the entry frozen then. */
function tableText(entry: unknown): string | undefined {
  if (!isPlainObject(entry) || hasToJson(entry)) return JSON.stringify(entry);
  const kept = tableTexts.get(entry);
  if (kept !== undefined) return kept;
  const text = JSON.stringify(entry);
  deepFreeze(entry);
  tableTexts.set(entry, text);
  return text;
}

/** An object as JSON.parse makes them; anything else (a boxed number, a Date) is left to JSON.stringify. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasToJson(value: object): boolean {
  return "toJSON" in value && typeof value.toJSON === "function";
}

/** Freezes `value` and every object inside it (it was just written, so it holds no cycle). Iterative, so no depth reaches the stack. */
function deepFreeze(value: object): void {
  const pending: object[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    Object.freeze(next);
    for (const inner of Object.values(next)) if (typeof inner === "object" && inner !== null) pending.push(inner);
  }
}
