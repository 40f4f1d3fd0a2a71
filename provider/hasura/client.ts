/**
 * The HTTP client for one Hasura endpoint, on undici: one keep-alive pool, the retry interceptor for
 * calls that change nothing, a total deadline on every call (undici's own timeouts are idle timers,
 * so a server that drips its answer would never end), a cap on how much of an answer is read, and
 * errors that carry Hasura's answer as data with every secret redacted.
 */
import { Agent, interceptors, type Dispatcher } from "undici";
import { isJsonObject, nestsDeeperThan } from "../../model";
import { hasuraError, redact, type HasuraError, type HasuraErrorFields } from "./errors";
import { parseRetryAfter, retryDelayMs, shouldRetry, type RetryPolicy } from "./retryPolicy";

/** How to reach one Hasura. */
export interface HasuraClientOptions {
  readonly endpoint: string;
  readonly adminSecret?: string;
  readonly connectTimeoutMs: number;
  /** The whole time a call may take, retries and answer included. Large Hasuras take tens of seconds per write. */
  readonly requestTimeoutMs: number;
  /** The most of an answer that is read; metadata of thousands of tables is a few MB. */
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  /** Told of every retry, so that long waits are visible. */
  readonly onRetry?: (message: string) => void;
}

/** What the call is for, so that a failure can say so. */
export interface CallContext {
  readonly operation: string;
  readonly relationship?: string;
  /** The call, where it is not the operation's own write: `export_metadata`, `GET /v1/version`, ... */
  readonly command?: string;
}

/** A client for one Hasura endpoint, holding a keep-alive connection pool. */
export interface HasuraClient {
  readonly endpoint: string;
  /** A call that changes nothing: retried on transient failures. Resolves with the JSON answer of a 2xx. */
  read(path: string, body: unknown, context: CallContext): Promise<unknown>;
  /** A call that may change metadata: never retried here, since only a re-read can tell whether it applied. */
  write(path: string, body: unknown, context: CallContext): Promise<unknown>;
  /** The server's version from `GET /v1/version`, or undefined when it does not say. */
  version(context: CallContext): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Deeper than any answer Hasura gives (its metadata and introspection nest a few dozen levels), and shallow enough to copy and print. */
const maxAnswerDepth = 512;

type Fail = (fields: Omit<HasuraErrorFields, "operation" | "relationship" | "command" | "endpoint">) => HasuraError;

/** Opens a client; TLS certificates are always verified, and redirects are never followed. */
export function createHasuraClient(options: HasuraClientOptions): HasuraClient {
  const base = new URL(options.endpoint);
  const prefix = base.pathname.replace(/\/+$/, "");
  const secrets = [options.adminSecret];
  const agent = new Agent({ connect: { timeout: options.connectTimeoutMs }, keepAliveTimeout: 30_000 });
  const retrying = agent.compose(
    interceptors.retry({
      methods: ["GET", "POST"],
      maxRetries: options.retry.maxRetries,
      statusCodes: [...options.retry.statusCodes],
      errorCodes: [...options.retry.errorCodes],
      retry: (error, { state }, next) => {
        const failure = error as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[]> };
        if (!shouldRetry(options.retry, failure, state.counter)) return next(error);
        const delay = retryDelayMs(options.retry, state.counter, parseRetryAfter(failure.headers?.["retry-after"]));
        const what = failure.statusCode ? `answered ${failure.statusCode}` : `failed (${failure.code ?? failure.message})`;
        options.onRetry?.(`Hasura at ${options.endpoint} ${what}; retry ${state.counter} of ${options.retry.maxRetries} in ${delay} ms.`);
        setTimeout(() => next(null), delay);
        return undefined;
      },
    }),
  );
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.adminSecret) headers["x-hasura-admin-secret"] = options.adminSecret;

  const send = async (dispatcher: Dispatcher, method: "GET" | "POST", path: string, body: unknown, context: CallContext, isWrite: boolean) => {
    const fail: Fail = (fields) =>
      hasuraError(
        { ...fields, endpoint: options.endpoint, operation: context.operation, relationship: context.relationship, command: context.command },
        secrets,
      );
    const deadline = AbortSignal.timeout(options.requestTimeoutMs);
    try {
      const response = await dispatcher.request({
        origin: base.origin,
        path: `${prefix}${path}`,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline,
      });
      const text = await readCapped(response.body, options.maxResponseBytes, fail);
      return answerOf(response, text, fail, { isWrite, retryable: options.retry.statusCodes.includes(response.statusCode), secrets });
    } catch (error) {
      if ((error as HasuraError).name === "HasuraError") throw error;
      if (deadline.aborted) {
        throw fail({ code: "transport", error: `no complete answer within ${options.requestTimeoutMs} ms (hasura:requestTimeoutMs)`, uncertain: true });
      }
      const failure = error as Error & { statusCode?: number; code?: string };
      if (failure.statusCode) {
        throw fail({
          status: failure.statusCode,
          code: `http-${failure.statusCode}`,
          error: `still failing after ${options.retry.maxRetries} retries`,
          uncertain: true,
        });
      }
      throw fail({ code: "transport", error: `${failure.code ?? failure.name}: ${failure.message}`, uncertain: true });
    }
  };

  return {
    endpoint: options.endpoint,
    read: (path, body, context) => send(retrying, "POST", path, body, context, false),
    write: (path, body, context) => send(agent, "POST", path, body, context, true),
    version: async (context) => {
      try {
        const json = await send(retrying, "GET", "/v1/version", undefined, { ...context, command: "GET /v1/version" }, false);
        return isJsonObject(json) && typeof json.version === "string" ? json.version : undefined;
      } catch (error) {
        // Hasura 1.0 and some proxies have no /v1/version; that says nothing about the metadata API.
        if ((error as HasuraError).status === 404) return undefined;
        throw error;
      }
    },
    close: () => agent.close(),
  };
}

/** The answer's text, or an error once it is longer than `limit` bytes (the rest is not read). */
async function readCapped(body: Dispatcher.ResponseData["body"], limit: number, fail: Fail): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw fail({ code: "unexpected-answer", error: `it is longer than ${limit} bytes (hasura:maxResponseBytes)`, uncertain: true });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The JSON of a 2xx answer; anything else is an error that says what came back. A write that was
 * answered with something other than Hasura's answer may or may not have been applied.
 */
function answerOf(
  response: Dispatcher.ResponseData,
  text: string,
  fail: Fail,
  how: { readonly isWrite: boolean; readonly retryable: boolean; readonly secrets: readonly (string | undefined)[] },
): unknown {
  const status = response.statusCode;
  const json = parseJson(text);
  // Parsing takes any depth, but copying or printing a value thousands of levels deep overflows the stack.
  if (json !== undefined && nestsDeeperThan(json, maxAnswerDepth)) {
    throw fail({
      status,
      code: "unexpected-answer",
      error: `it nests deeper than ${maxAnswerDepth} levels, which no Hasura answer does`,
      uncertain: how.isWrite,
    });
  }
  if (status >= 200 && status < 300) {
    if (json !== undefined) return json;
    throw fail({ status, code: "unexpected-answer", error: `the body is not JSON (${describeText(response, text, how.secrets)})`, uncertain: how.isWrite });
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    const where = typeof location === "string" ? ` to ${location}` : "";
    throw fail({ status, code: "unexpected-answer", error: `it is a redirect${where}, which Hasura never sends to an API call`, uncertain: how.isWrite });
  }
  if (!isJsonObject(json) || typeof json.error !== "string") {
    throw fail({ status, code: `http-${status}`, error: describeText(response, text, how.secrets), uncertain: how.retryable });
  }
  return failWithHasuraAnswer(status, json, fail, how.retryable);
}

function failWithHasuraAnswer(status: number, json: Record<string, unknown>, fail: Fail, uncertain: boolean): never {
  const internal = Array.isArray(json.internal) ? json.internal : [json.internal];
  const reasons = internal.map((item) => (isJsonObject(item) ? item.reason : undefined)).filter((reason) => reason !== undefined);
  const reason = reasons.length === 0 ? undefined : typeof reasons[0] === "string" ? reasons[0] : JSON.stringify(reasons[0]);
  throw fail({
    status,
    code: typeof json.code === "string" ? json.code : `http-${status}`,
    error: json.error as string,
    path: typeof json.path === "string" ? json.path : undefined,
    reason,
    uncertain,
  });
}

/**
 * What a body that is not Hasura's JSON was, in a few words: its type and its first characters. The
 * secrets go first, from the text as it came: squeezed or cut, a secret would no longer be found.
 */
function describeText(response: Dispatcher.ResponseData, text: string, secrets: readonly (string | undefined)[]): string {
  const type = response.headers["content-type"];
  const excerpt = redact(text, secrets).trim().replace(/\s+/g, " ");
  return `${typeof type === "string" ? type : "no content type"}: ${excerpt === "" ? "an empty answer" : JSON.stringify(excerpt.slice(0, 200))}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
