/**
 * What a failed call means for the user, whatever the call was: Hasura refused the credentials (a
 * configuration error), no answer came (the network or a down Hasura, which may pass), what answered is
 * not Hasura (a wrong endpoint), or Hasura answered with an error of its own.
 */
import { isHasuraError, type HasuraAnswer } from "./errors";

/** The meaning of a failed call to Hasura. */
export type FailureKind = "credentials" | "unreachable" | "not-hasura" | "hasura";

/** Statuses a gateway or a busy server gives for "not now": no answer from Hasura itself. */
const unavailableStatuses = [429, 502, 503, 504];

/** True when the answer refuses the credentials the call carried. */
export function refusesCredentials(answer: Pick<HasuraAnswer, "code" | "status">): boolean {
  // Hasura refuses a wrong or missing admin secret with 401 access-denied; proxies in front say 401 or 403.
  return answer.code === "access-denied" || answer.status === 401 || answer.status === 403;
}

/** The meaning of `error`; undefined when it is not an error of a call to Hasura. */
export function failureKind(error: unknown): FailureKind | undefined {
  if (!isHasuraError(error)) return undefined;
  if (refusesCredentials(error)) return "credentials";
  if (error.code === "transport" || (error.status !== undefined && unavailableStatuses.includes(error.status))) return "unreachable";
  // An answer that is not Hasura's JSON, or an error status without Hasura's error body.
  if (error.code === "unexpected-answer" || /^http-\d+$/.test(error.code)) return "not-hasura";
  return "hasura";
}
