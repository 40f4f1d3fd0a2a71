/**
 * The pieces of messages that repeat what the user wrote, each bounded: a message must never repeat a
 * whole input, however large (the engine prints every message on one line).
 */
// graphql-js's own "Did you mean" ranking (internal to graphql, whose version this package pins).
import { suggestionList } from "graphql/jsutils/suggestionList";

/** The most characters of a value a message quotes. */
const maxQuotedLength = 80;

/** The most items a message lists before it says how many more there are. */
export const maxListed = 10;

/** A value quoted in a message, shortened. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= maxQuotedLength ? text : `${text.slice(0, maxQuotedLength)}...`;
}

/** A name written into Hasura's own text (which quotes without escaping), shortened as `quote` shortens. */
export function shortened(text: string): string {
  return text.length <= maxQuotedLength ? text : `${text.slice(0, maxQuotedLength)}...`;
}

/** A table as Hasura's own text names it, each part shortened. */
export function shortenedTable<T extends { readonly schema: string; readonly name: string }>(table: T): T {
  return { ...table, schema: shortened(table.schema), name: shortened(table.name) };
}

/** The unknown keys of a zod issue, quoted and listed. */
export function quoteKeys(issue: { readonly keys?: readonly string[] }): string {
  return quotedList(issue.keys ?? []);
}

/** Values quoted and listed: `"a", "b", "c"`, or beyond `max`, `"f0", "f1", ... "f9" and 9,990 more`. */
export function quotedList(values: readonly unknown[], max = maxListed): string {
  const shown = values.slice(0, max).map(quote).join(", ");
  return values.length <= max ? shown : `${shown} and ${(values.length - max).toLocaleString("en-US")} more`;
}

/**
 * `names` with those close to `wanted` first, closest first, then the rest in their order: a list cut
 * at `maxListed` still shows what was probably meant (`"customers"` for `"customer"`).
 */
export function closestFirst(wanted: string, names: readonly string[]): string[] {
  const close = suggestionList(wanted, names);
  const isClose = new Set(close);
  return [...close, ...names.filter((name) => !isClose.has(name))];
}

/** The most path segments a message shows; a deeper path is shown by its start and its end. */
const maxShownSegments = 12;

/** A path in the inputs as a message shows it: `remoteField.user.field`, its middle left out when it is long. */
export function shownPath(path: readonly (string | number)[]): string {
  const segments = path.map((segment) => (typeof segment === "number" ? `[${segment}]` : shownSegment(segment)));
  const text = (parts: readonly string[]) => parts.map((part, index) => (index === 0 || part.startsWith("[") ? part : `.${part}`)).join("");
  if (segments.length <= maxShownSegments) return text(segments);
  const head = segments.slice(0, maxShownSegments - 4);
  const tail = segments.slice(-4);
  return `${text(head)}...(${segments.length - head.length - tail.length} more)...${text(tail)}`;
}

/** A key as a path shows it: a name as it is, any other key (`my-messages`, ` `) quoted in brackets; a long one cut. */
function shownSegment(segment: string): string {
  const short = segment.length <= 40 ? segment : `${segment.slice(0, 40)}...`;
  return /^[_A-Za-z$][\w$]*$/.test(segment) ? short : `[${JSON.stringify(short)}]`;
}
