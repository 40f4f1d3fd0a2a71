/**
 * Hasura's error answers as JSON, kept apart from the error data: `{path, error, code}`, plus
 * `internal` for admin callers.
 */
import type { JsonObject } from "../../model";
import type { ApiErrorFields, PathElement } from "./apiError";

// Keys aeson prints with a dot; anything else goes in brackets and quotes.
const simpleKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Hasura's `encodeJSONPath`: `$`, then `.key`, `['odd key']` or `[index]` for each step. */
export function encodeJsonPath(path: readonly PathElement[]): string {
  return path.reduce<string>((text, element) => {
    if (typeof element === "number") return `${text}[${element}]`;
    return simpleKey.test(element) ? `${text}.${element}` : `${text}['${element}']`;
  }, "$");
}

/** The response body of an error; `internal` is only shown to admin callers, as in Hasura. */
export function errorJson(error: ApiErrorFields, includeInternal: boolean): JsonObject {
  const body: JsonObject = { path: encodeJsonPath(error.path), error: error.error, code: error.code };
  if (includeInternal && error.internal !== undefined) body.internal = error.internal;
  return body;
}
