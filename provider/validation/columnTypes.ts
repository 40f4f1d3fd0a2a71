/**
 * Whether Postgres can compare two columns' values with `=`, judged from their types as the catalog
 * names them. Hasura does not ask (hasura#10803): it accepts a join of an `integer` column with a
 * `uuid` one, and the relationship's queries fail at run time. Pure.
 *
 * The rule is Postgres's own for the common cases, by type category (`pg_type.typcategory`): two
 * columns of the same type (under any domain) compare; so do two numbers (`integer`, `bigint`,
 * `numeric`, `real`, ...), two strings (`text`, `varchar`, `char`, `name`, `citext`), two network
 * addresses, two bit strings, two date-times with a date (`date`, `timestamp`, `timestamptz`), and
 * two times of day (`time`, `timetz`); Postgres has no `=` between any other two types (a number and
 * a string, `uuid` and `text`, two enums, two array types) without an explicit cast.
 */
import type { CatalogColumn } from "../../model";

/** Categories whose types all compare with each other (implicit casts or cross-type operators). */
const comparableCategories: ReadonlySet<string> = new Set(["N", "S", "I", "V"]);

/** The date-time types that compare with each other, in two groups: with a date, and times of day. */
const dateTimeGroups: readonly ReadonlySet<string>[] = [
  new Set(["date", "timestamp without time zone", "timestamp with time zone"]),
  new Set(["time without time zone", "time with time zone"]),
];

/**
 * False when Postgres certainly cannot compare the two columns' values; true when it can, or when
 * the catalog does not say enough to tell (a source that is not Postgres's, a type it cannot see).
 */
export function comparable(left: CatalogColumn, right: CatalogColumn): boolean {
  // The types the values have, under any domain and without modifiers (`character varying`).
  const [a, b] = [left.base, right.base];
  if (a === undefined || b === undefined || left.category === undefined || right.category === undefined) return true;
  if (a === b) return true;
  if (left.category !== right.category) return false;
  if (comparableCategories.has(left.category)) return true;
  if (left.category === "D") return dateTimeGroups.some((group) => group.has(a) && group.has(b));
  return false;
}
