/**
 * What came back from Hasura, judged: the JSON of a 2xx answer, or a failure that says what came
 * back instead. Pure; the client's interceptor and its `send` apply it.
 */
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { isJsonObject, nestsDeeperThan } from "../../model";
import { redact, type HasuraAnswer } from "./errors";

/** Deeper than any answer Hasura gives (its metadata and introspection nest a few dozen levels), and shallow enough to copy and print. */
const maxAnswerDepth = 512;

/** How to judge one answer. */
export interface AnswerRules {
  readonly endpoint: string;
  readonly secrets: readonly (string | undefined)[];
  /** True for a call that may change metadata: then an answer that is not Hasura's leaves it unknown whether it applied. */
  readonly isWrite: boolean;
  /** Statuses a gateway answers with when the call may not have reached Hasura (429, 502, 503, 504). */
  readonly retryableStatuses: readonly number[];
}

/** One answer as it came: status, headers and the whole body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * The JSON of a 2xx answer; anything else is a failure that says what came back, with Hasura's own
 * code, error, path and reason when it is Hasura's error.
 */
export function judgeAnswer(
  raw: RawAnswer,
  rules: AnswerRules,
): { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly answer: HasuraAnswer } {
  const { status } = raw;
  const fail = (answer: Omit<HasuraAnswer, "endpoint" | "status">) => ({ ok: false as const, answer: { ...answer, status, endpoint: rules.endpoint } });
  const json = parseJson(raw.text);
  // Parsing takes any depth, but copying or printing a value thousands of levels deep overflows the stack.
  if (json !== undefined && nestsDeeperThan(json, maxAnswerDepth)) {
    return fail({ code: "unexpected-answer", error: `it nests deeper than ${maxAnswerDepth} levels, which no Hasura answer does`, uncertain: rules.isWrite });
  }
  if (status >= 200 && status < 300) {
    if (json !== undefined) return { ok: true, json };
    return fail({ code: "unexpected-answer", error: `the body is not JSON (${describeText(raw, rules.secrets)})`, uncertain: rules.isWrite });
  }
  if (status >= 300 && status < 400) {
    const location = raw.headers.location;
    const where = typeof location === "string" ? ` to ${location}` : "";
    return fail({ code: "unexpected-answer", error: `it is a redirect${where}, which Hasura never sends to an API call`, uncertain: rules.isWrite });
  }
  const uncertain = rules.retryableStatuses.includes(status);
  const hasura = hasuraErrorBody.safeParse(json);
  if (!hasura.success) return fail({ code: `http-${status}`, error: describeText(raw, rules.secrets), uncertain });
  const { code, error, path, internal } = hasura.data;
  return fail({ code: code ?? `http-${status}`, error, path, reason: reasonOf(internal), uncertain });
}

/** Hasura's error body: `{code, error, path, internal}`; only `error` is always there. */
const hasuraErrorBody = z.looseObject({
  error: z.string(),
  code: z.string().optional().catch(undefined),
  path: z.string().optional().catch(undefined),
  internal: z.unknown().optional(),
});

/** The first `reason` of Hasura's `internal` detail (one object, or a list of them), as text. */
function reasonOf(internal: unknown): string | undefined {
  const items = Array.isArray(internal) ? internal : [internal];
  const reason = items.map((item) => (isJsonObject(item) ? item.reason : undefined)).find((found) => found !== undefined);
  return reason === undefined ? undefined : typeof reason === "string" ? reason : JSON.stringify(reason);
}

/**
 * What a body that is not Hasura's JSON was, in a few words: its type and its first characters. The
 * secrets go first, from the text as it came: squeezed or cut, a secret would no longer be found.
 */
function describeText(raw: RawAnswer, secrets: readonly (string | undefined)[]): string {
  const type = raw.headers["content-type"];
  const excerpt = redact(raw.text, secrets).trim().replace(/\s+/g, " ");
  return `${typeof type === "string" ? type : "no content type"}: ${excerpt === "" ? "an empty answer" : JSON.stringify(excerpt.slice(0, 200))}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const acknowledged = z.union([
  // pg_*_remote_relationship, *_remote_relationship (/v1/query), replace_metadata version 1.
  z.looseObject({ message: z.literal("success") }),
  // replace_metadata version 2.
  z.looseObject({ is_consistent: z.boolean(), inconsistent_objects: z.array(z.unknown()) }),
]);

/** True when the body is Hasura's answer to a write it applied; anything else was not Hasura's answer. */
export function isWriteAcknowledged(body: unknown): boolean {
  return acknowledged.safeParse(body).success;
}
