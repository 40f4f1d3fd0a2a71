/**
 * The three ways a conformance case compares an answer (see conformance/README.md): `exact`
 * (equal JSON, key order aside), `subset` (expected keys present; arrays match element-wise in
 * any order) and `error-prefix` (same status and code, error text starts with the prefix). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { isJsonObject, type JsonValue } from '../../model';

/** A comparison rule named by a case. */
export type MatchRule = 'exact' | 'subset' | 'error-prefix';

function arraySubset(expected: readonly JsonValue[], actual: readonly JsonValue[], used: Set<number> = new Set()): boolean {
  if (expected.length === 0) return true;
  const [first, ...rest] = expected;
  for (let index = 0; index < actual.length; index += 1) {
    if (used.has(index) || !isSubset(first, actual[index])) continue;
    used.add(index);
    // Backtrack: an earlier greedy pick may steal the only element a later one could match.
    if (arraySubset(rest, actual, used)) return true;
    used.delete(index);
  }
  return false;
}

/** True when every part of `expected` is present in `actual` (arrays as unordered multisets). */
export function isSubset(expected: JsonValue, actual: JsonValue): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && arraySubset(expected, actual);
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return false;
    return Object.entries(expected).every(([key, value]) => Object.prototype.hasOwnProperty.call(actual, key) && isSubset(value, actual[key]));
  }
  return expected === actual;
}

/** Compares an answer with a case's expectation; answers undefined on a match, else why not. */
export function compareAnswer(rule: MatchRule, expected: { status: number; body: JsonValue }, actual: { status: number; body: JsonValue }): string | undefined {
  if (expected.status !== actual.status) return `status ${actual.status}, expected ${expected.status}`;
  switch (rule) {
    case 'exact':
      return isDeepStrictEqual(expected.body, actual.body) ? undefined : 'body differs';
    case 'subset':
      return isSubset(expected.body, actual.body) ? undefined : 'body is not a superset of the expected body';
    case 'error-prefix': {
      const want = isJsonObject(expected.body) ? expected.body : {};
      const got = isJsonObject(actual.body) ? actual.body : {};
      if (got.code !== want.code) return `code ${JSON.stringify(got.code)}, expected ${JSON.stringify(want.code)}`;
      const prefix = typeof want.error_prefix === 'string' ? want.error_prefix : '';
      return typeof got.error === 'string' && got.error.startsWith(prefix) ? undefined : 'error does not start with the expected prefix';
    }
  }
}
