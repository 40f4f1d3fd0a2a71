/**
 * Failures of calls to Hasura as data: what came back (`HasuraAnswer`, the same for everyone who
 * shared the call) and who asked (`CallContext`). The message is built from both, so one shared
 * read that fails is told to each of its callers under that caller's own resource.
 */
import { credentialsFix, refusal, type SentCredentials } from "./credentials";

/** The resource a call is for, as messages name it: its kind's noun and its ID (`remote relationship`, `default/public/users/messages`). */
export interface ResourceRef {
  readonly noun: string;
  readonly id: string;
}

/**
 * What the user can change when Hasura refuses a write, by Hasura's error code, in the resource's own
 * properties: the same code means another fix for another resource kind or target (a `toSource`
 * target is fixed in `toSource.*`, never in `remoteField`).
 */
export type Fixes = Readonly<Partial<Record<string, string>>>;

/** Who asked, so that a failure can say so. */
export interface CallContext {
  /** The provider operation: create, read, update, delete, import, check. */
  readonly operation: string;
  /** The resource the call is for; none for a call made for no one resource. */
  readonly resource?: ResourceRef;
  /** The call, where it is not the operation's own write: `export_metadata`, `GET /v1/version`, ... */
  readonly command?: string;
  readonly fixes?: Fixes;
  /** How long the call may take, retries and answer included, when not the writes' `hasura:requestTimeoutMs`: the reads of check have a shorter one. */
  readonly deadline?: Deadline;
}

/** How long a call may take, and the setting that says so (for the message when it is up). */
export interface Deadline {
  readonly ms: number;
  readonly setting: string;
}

/** What came back from one call, whoever asked it. */
export interface HasuraAnswer {
  /** The HTTP status, when Hasura answered. */
  readonly status?: number;
  /**
   * Hasura's error code (`not-exists`, `invalid-configuration`, ...); `transport` when no answer came;
   * `unexpected-answer` when what came back was not Hasura's answer; `http-<status>` when an answer
   * carried no code.
   */
  readonly code: string;
  /** Hasura's `error` text, or what failed in transport. */
  readonly error: string;
  /** Hasura's `path`, such as `$.args`. */
  readonly path?: string;
  /** The `reason` of Hasura's `internal` detail, when present. */
  readonly reason?: string;
  /** The Hasura that was asked. */
  readonly endpoint?: string;
  /** True when a write may or may not have been applied: no answer, or a gateway error. */
  readonly uncertain?: boolean;
  /** When Hasura refused the call's credentials: which admin secret the call carried, and where this Hasura's is set. */
  readonly credentials?: SentCredentials;
}

/** Everything a failure says. */
export type HasuraErrorFields = HasuraAnswer & CallContext;

/** An Error carrying Hasura's answer and who asked. Branch on `code`, not on the class: the fields are the contract. */
export type HasuraError = Error & HasuraErrorFields & { readonly name: "HasuraError" };

/** The longest piece of Hasura's text a message repeats. */
const maxQuotedLength = 500;

/**
 * Builds the error; the message says which operation, which resource, Hasura's code and error, and
 * what to do. Every text of the answer is redacted of the secrets before it is shortened, so that no
 * part of a secret survives at a cut.
 */
export function hasuraError(answer: HasuraAnswer, context: CallContext, secrets: readonly (string | undefined)[] = []): HasuraError {
  const clean = (text: string) => shorten(redact(text, secrets));
  const safe: HasuraAnswer = {
    ...answer,
    code: clean(answer.code),
    error: clean(answer.error),
    ...(answer.path === undefined ? {} : { path: clean(answer.path) }),
    ...(answer.reason === undefined ? {} : { reason: clean(answer.reason) }),
  };
  return withContext(safe, context);
}

/**
 * The failure as `context`'s caller should hear it: the same answer to the same call, under the
 * caller's own operation and resource. Anything that is not a HasuraError is returned as it is.
 */
export function forCaller(error: unknown, context: CallContext): unknown {
  if (!isHasuraError(error)) return error;
  const { status, code, path, reason, endpoint, uncertain, credentials } = error;
  const call = { command: context.command ?? error.command, fixes: context.fixes ?? error.fixes };
  return withContext({ status, code, error: error.error, path, reason, endpoint, uncertain, credentials }, { ...context, ...call });
}

/** An answer already redacted, with who asked. */
function withContext(answer: HasuraAnswer, context: CallContext): HasuraError {
  const fields: HasuraErrorFields = { ...answer, ...context };
  return Object.assign(new Error(formatHasuraMessage(fields)), fields, { name: "HasuraError" as const });
}

/** True for errors made by `hasuraError`, judged by shape rather than by class. */
export function isHasuraError(value: unknown): value is HasuraError {
  return value instanceof Error && value.name === "HasuraError" && "code" in value && typeof value.code === "string";
}

/** The one message format of every Hasura failure. */
export function formatHasuraMessage(fields: HasuraErrorFields): string {
  const subject =
    fields.resource === undefined ? `${fields.operation} remote relationships` : `${fields.operation} ${fields.resource.noun} "${fields.resource.id}"`;
  const hasura = fields.endpoint === undefined ? "Hasura" : `Hasura at ${fields.endpoint}`;
  const call = fields.command === undefined ? "" : ` to ${fields.command}`;
  const answer =
    fields.code === "unexpected-answer"
      ? `the answer of ${hasura}${call} is not Hasura's${fields.status === undefined ? "" : ` (HTTP ${fields.status})`}: ${fields.error}`
      : fields.status === undefined
        ? `no answer from ${hasura}${call} (${fields.error})`
        : `${hasura} answered${fields.command === undefined ? "" : ` ${fields.command} with`} ${fields.status} ${fields.code}: ${fields.error}`;
  const reason = fields.reason !== undefined && fields.reason !== fields.error ? ` Reason: ${withStop(fields.reason)}` : "";
  const hint = credentialsHint(fields) ?? fields.fixes?.[fields.code] ?? genericFixes[fields.code];
  return `Could not ${subject}: ${withStop(answer)}${reason}${hint === undefined ? "" : ` ${hint}`}`;
}

/** What a user can do about the failures that mean the same whatever the resource. */
const genericFixes: Fixes = {
  "access-denied":
    "Check the admin secret: set it with `pulumi config set --secret hasura:adminSecret ...` or the HASURA_GRAPHQL_ADMIN_SECRET environment variable.",
  conflict: "The metadata changed while this operation ran; run it again.",
  transport: "Check that the endpoint is right and reachable.",
  "unexpected-answer": "Check that the endpoint is Hasura's own base URL, not a proxy, login page or load balancer in front of it.",
};

/** For refused credentials, what was sent and what to do, as check says it (./credentials.ts). */
function credentialsHint(fields: HasuraErrorFields): string | undefined {
  if (fields.credentials === undefined) return undefined;
  return `Hasura ${refusal(fields.credentials)}. ${credentialsFix(fields.credentials, fields.operation)}`;
}

function withStop(text: string): string {
  return text === "" || /[.!?]$/.test(text) ? text : `${text}.`;
}

function shorten(text: string): string {
  return text.length <= maxQuotedLength ? text : `${text.slice(0, maxQuotedLength)}... (${text.length - maxQuotedLength} more characters)`;
}

/**
 * The text with every occurrence of each secret replaced, for anything that may be shown or logged:
 * the secret as it is, and as JSON and URLs escape it, since an answer may echo it in either form.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) result = result.split(form).join("[secret]");
  }
  return result;
}
