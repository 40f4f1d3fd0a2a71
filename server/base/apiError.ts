/**
 * Hasura's error value (`QErr` in Hasura/Base/Error.hs): an HTTP status, a stable `code`, the
 * message, the JSON path of the request part at fault and, for admin callers, an `internal` detail.
 */
import type { JsonObject, JsonValue } from "./aeson";

/** One step of a JSON path: an object key or an array index. */
export type PathElement = string | number;

/** An error the server answers with; thrown by commands and caught at the HTTP edge. */
export class QErr extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: readonly PathElement[] = [],
    readonly internal?: JsonValue,
  ) {
    super(message);
    this.name = "QErr";
  }

  /** The same error reported one level deeper, as Hasura's `withPathK`/`withPathI` do. */
  under(element: PathElement): QErr {
    return new QErr(this.status, this.code, this.message, [element, ...this.path], this.internal);
  }
}

/** A 400 error with the given code and message. */
export function err400(code: string, message: string, internal?: JsonValue): QErr {
  return new QErr(400, code, message, [], internal);
}

/** A 500 `unexpected` error, as Hasura's `throw500`. */
export function err500(message: string, internal?: JsonValue): QErr {
  return new QErr(500, "unexpected", message, [], internal);
}

/** Runs `action`, reporting any `QErr` it throws one path level deeper. */
export async function withPath<T>(element: PathElement, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof QErr ? error.under(element) : error;
  }
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Hasura's `encodeJSONPath`: `$`, then `.key`, `['odd key']` or `[index]` for each step. */
export function encodeJsonPath(path: readonly PathElement[]): string {
  return path.reduce<string>((text, element) => {
    if (typeof element === "number") return `${text}[${element}]`;
    return SIMPLE_KEY.test(element) ? `${text}.${element}` : `${text}['${element}']`;
  }, "$");
}

/** The response body of an error; `internal` is only shown to admin callers, as in Hasura. */
export function errorBody(error: QErr, includeInternal: boolean): JsonObject {
  const body: JsonObject = { path: encodeJsonPath(error.path), error: error.message, code: error.code };
  if (includeInternal && error.internal !== undefined) body.internal = error.internal;
  return body;
}
