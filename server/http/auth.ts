/**
 * Who is calling, as Hasura decides it for a server started with an admin secret and no JWT or
 * webhook (Hasura/Server/Auth.hs): the secret in `X-Hasura-Admin-Secret` (or the old
 * `X-Hasura-Access-Key`) makes the caller admin, or the role in `X-Hasura-Role`; a wrong or
 * missing secret is 401 `access-denied`. Without a configured secret every caller is trusted.
 */
import type { IncomingHttpHeaders } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { apiError, type ApiError } from "../base/apiError";

/** The role of an authenticated caller, or the 401 to answer. */
export type AuthResult = { role: string } | { error: ApiError };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Authenticates a request from its headers (node lower-cases header names). */
export function authenticate(headers: IncomingHttpHeaders, adminSecret: string | undefined): AuthResult {
  const role = header(headers, "x-hasura-role") ?? "admin";
  if (adminSecret === undefined) return { role };
  const given = header(headers, "x-hasura-admin-secret") ?? header(headers, "x-hasura-access-key");
  if (given === undefined)
    return { error: apiError({ status: 401, code: "access-denied", error: "x-hasura-admin-secret/x-hasura-access-key required, but not found", path: [] }) };
  if (!sameSecret(given, adminSecret))
    return { error: apiError({ status: 401, code: "access-denied", error: "invalid x-hasura-admin-secret/x-hasura-access-key", path: [] }) };
  return { role };
}
