/** What went wrong in a call to Hasura, as data; the message is built from it. */
export interface HasuraErrorFields {
  /** The provider operation: create, read, update, delete. */
  readonly operation: string;
  /** `source.schema.table.name` of the relationship, where one is concerned. */
  readonly relationship?: string;
  /** The call, where it is not the operation's own write: `export_metadata`, `GET /v1/version`, ... */
  readonly command?: string;
  /** The HTTP status, when Hasura answered. */
  readonly status?: number;
  /**
   * Hasura's error code (`not-exists`, `invalid-configuration`, ...); `transport` when no answer came;
   * `unexpected-answer` when what came back was not Hasura's answer.
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
}

/** An Error carrying Hasura's answer. Branch on `code`, not on the class: the fields are the contract. */
export type HasuraError = Error & HasuraErrorFields & { readonly name: "HasuraError" };

/** The longest piece of Hasura's text a message repeats. */
const maxQuotedLength = 500;

/**
 * Builds the error; the message says which operation, which relationship, Hasura's code and error,
 * and what to do. Every text field is redacted of the secrets before it is shortened, so that no part
 * of a secret survives at a cut.
 */
export function hasuraError(fields: HasuraErrorFields, secrets: readonly (string | undefined)[] = []): HasuraError {
  const clean = (text: string) => shorten(redact(text, secrets));
  const safe: HasuraErrorFields = {
    ...fields,
    code: clean(fields.code),
    error: clean(fields.error),
    ...(fields.path === undefined ? {} : { path: clean(fields.path) }),
    ...(fields.reason === undefined ? {} : { reason: clean(fields.reason) }),
  };
  const error = new Error(formatHasuraMessage(safe)) as HasuraError;
  return Object.assign(error, safe, { name: "HasuraError" as const });
}

/** True for errors made by `hasuraError`, judged by shape rather than by class. */
export function isHasuraError(value: unknown): value is HasuraError {
  return value instanceof Error && value.name === "HasuraError" && typeof (value as Partial<HasuraError>).code === "string";
}

/** The one message format of every Hasura failure. */
export function formatHasuraMessage(fields: HasuraErrorFields): string {
  const subject =
    fields.relationship === undefined ? `${fields.operation} remote relationships` : `${fields.operation} remote relationship "${fields.relationship}"`;
  const hasura = fields.endpoint === undefined ? "Hasura" : `Hasura at ${fields.endpoint}`;
  const call = fields.command === undefined ? "" : ` to ${fields.command}`;
  const answer =
    fields.code === "unexpected-answer"
      ? `the answer of ${hasura}${call} is not Hasura's${fields.status === undefined ? "" : ` (HTTP ${fields.status})`}: ${fields.error}`
      : fields.status === undefined
        ? `no answer from ${hasura}${call} (${fields.error})`
        : `${hasura} answered${fields.command === undefined ? "" : ` ${fields.command} with`} ${fields.status} ${fields.code}: ${fields.error}`;
  const reason = fields.reason !== undefined && fields.reason !== fields.error ? ` Reason: ${withStop(fields.reason)}` : "";
  const hint = hintFor(fields);
  return `Could not ${subject}: ${withStop(answer)}${reason}${hint === undefined ? "" : ` ${hint}`}`;
}

function withStop(text: string): string {
  return text === "" || /[.!?]$/.test(text) ? text : `${text}.`;
}

function shorten(text: string): string {
  return text.length <= maxQuotedLength ? text : `${text.slice(0, maxQuotedLength)}... (${text.length - maxQuotedLength} more characters)`;
}

/** What a user can do about each kind of failure. */
function hintFor(fields: HasuraErrorFields): string | undefined {
  const text = `${fields.error} ${fields.reason ?? ""}`;
  switch (fields.code) {
    case "access-denied":
      return "Check the admin secret: set it with `pulumi config set --secret hasura:adminSecret ...` or the HASURA_GRAPHQL_ADMIN_SECRET environment variable.";
    case "not-exists":
      return /table|source/.test(text) ? "Track the table in Hasura first, or fix table/source." : undefined;
    case "invalid-configuration":
      if (/remote schema with name/.test(text)) return "Add the remote schema to Hasura first, or fix remoteSchema.";
      if (/not provided by the lhs entity|variable .* is not found/.test(text)) return "Fix hasuraFields and the $variables in remoteField.";
      return "Fix remoteField to match the remote schema.";
    case "conflict":
      return "The metadata changed while this operation ran; run it again.";
    case "transport":
      return "Check that the endpoint is right and reachable.";
    case "unexpected-answer":
      return "Check that the endpoint is Hasura's own base URL, not a proxy, login page or load balancer in front of it.";
    default:
      return undefined;
  }
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
