/**
 * Hasura's error answer as data (`QErr` in Hasura/Base/Error.hs): an HTTP status, a stable `code`,
 * the message, the JSON path of the request part at fault and, for admin callers, an `internal`
 * detail. Commands throw it, the HTTP edge formats it (`errorJson`).
 */
import type { JsonValue } from "../../model";

/** One step of a JSON path: an object key or an array index. */
export type PathElement = string | number;

/** What went wrong, as Hasura reports it. */
export interface ApiErrorFields {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Hasura's stable error code: `not-exists`, `parse-failed`, `invalid-configuration`, ... */
  readonly code: string;
  /** Hasura's `error` text. */
  readonly error: string;
  /** Where in the request the fault is, from the request's root. */
  readonly path: readonly PathElement[];
  /** The detail Hasura shows admin callers only (`internal`). */
  readonly internal?: JsonValue;
}

/** An Error carrying Hasura's answer. Branch on `code` and `isApiError`, not on a class. */
export type ApiError = Error & ApiErrorFields & { readonly name: "HasuraApiError" };

/** Makes the error; its message is Hasura's `error` text. */
export function apiError(fields: ApiErrorFields): ApiError {
  const error = new Error(fields.error) as ApiError;
  const data: ApiErrorFields = { status: fields.status, code: fields.code, error: fields.error, path: [...fields.path] };
  return Object.assign(error, fields.internal === undefined ? data : { ...data, internal: fields.internal }, { name: "HasuraApiError" as const });
}

/** True for errors made by `apiError`, judged by shape. */
export function isApiError(value: unknown): value is ApiError {
  if (!(value instanceof Error) || value.name !== "HasuraApiError") return false;
  const fields = value as Partial<ApiErrorFields>;
  return typeof fields.status === "number" && typeof fields.code === "string" && Array.isArray(fields.path);
}

/** A 400 error with the given code and message, as Hasura's `throw400`. */
export function err400(code: string, message: string, internal?: JsonValue): ApiError {
  return apiError({ status: 400, code, error: message, path: [], internal });
}

/** A 500 `unexpected` error, as Hasura's `throw500`. */
export function err500(message: string, internal?: JsonValue): ApiError {
  return apiError({ status: 500, code: "unexpected", error: message, path: [], internal });
}

/** A `parse-failed` error at `path`: how every request Hasura cannot decode is answered. */
export function parseFailed(path: readonly PathElement[], message: string): ApiError {
  return apiError({ status: 400, code: "parse-failed", error: message, path });
}

/** True for a parse failure, whose message aeson's `modifyFailure` and `prependFailure` may rewrite. */
export function isParseFailure(value: unknown): value is ApiError {
  return isApiError(value) && value.code === "parse-failed";
}

/** The same error reported one level deeper, as Hasura's `withPathK`/`withPathI` do. */
export function underPath(error: ApiError, element: PathElement): ApiError {
  return apiError({ ...error, path: [element, ...error.path] });
}

/** Runs `action`, reporting any Hasura error it throws one path level deeper. */
export async function withPath<T>(element: PathElement, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw isApiError(error) ? underPath(error, element) : error;
  }
}
