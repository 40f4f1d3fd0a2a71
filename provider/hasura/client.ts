import { Agent, interceptors, type Dispatcher } from "undici";
import { hasuraError, redact, type HasuraError } from "./errors";
import { isJsonObject } from "../../model";
import { parseRetryAfter, retryDelayMs, shouldRetry, type RetryPolicy } from "./retryPolicy";

/** How to reach one Hasura. */
export interface HasuraClientOptions {
  readonly endpoint: string;
  readonly adminSecret?: string;
  readonly connectTimeoutMs: number;
  /** Time allowed for Hasura's answer: headers, then body. Large Hasuras take tens of seconds per write. */
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  /** Told of every retry, so that long waits are visible. */
  readonly onRetry?: (message: string) => void;
}

/** What the call is for, so that a failure can say so. */
export interface CallContext {
  readonly operation: string;
  readonly relationship?: string;
  /** The Hasura command sent, such as `export_metadata`, where it is not the operation's own write. */
  readonly command?: string;
}

/** A client for one Hasura endpoint, holding a keep-alive connection pool. */
export interface HasuraClient {
  readonly endpoint: string;
  /** A call that changes nothing: retried on transient failures. */
  read(path: string, body: unknown, context: CallContext): Promise<unknown>;
  /** A call that may change metadata: never retried here, since only a re-read can tell whether it applied. */
  write(path: string, body: unknown, context: CallContext): Promise<unknown>;
  /** The server's version from `GET /v1/version`, or undefined when it does not say. */
  version(context: CallContext): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Opens a client; TLS certificates are always verified. */
export function createHasuraClient(options: HasuraClientOptions): HasuraClient {
  const base = new URL(options.endpoint);
  const prefix = base.pathname.replace(/\/+$/, "");
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    keepAliveTimeout: 30_000,
  });
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
        options.onRetry?.(
          redact(`Hasura at ${options.endpoint} ${what}; retry ${state.counter} of ${options.retry.maxRetries} in ${delay} ms.`, [options.adminSecret]),
        );
        setTimeout(() => next(null), delay);
        return undefined;
      },
    }),
  );
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.adminSecret) headers["x-hasura-admin-secret"] = options.adminSecret;

  const send = async (dispatcher: Dispatcher, method: "GET" | "POST", path: string, body: unknown, context: CallContext) => {
    const fail = (fields: Omit<Parameters<typeof hasuraError>[0], "operation" | "relationship">): HasuraError =>
      hasuraError({
        ...fields,
        error: redact(fields.error, [options.adminSecret]),
        endpoint: options.endpoint,
        operation: context.operation,
        relationship: context.relationship,
      });
    let response: Dispatcher.ResponseData;
    try {
      response = await dispatcher.request({
        origin: base.origin,
        path: `${prefix}${path}`,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const failure = error as Error & { statusCode?: number; code?: string };
      if (failure.statusCode)
        throw fail({
          status: failure.statusCode,
          code: `http-${failure.statusCode}`,
          error: `still failing after ${options.retry.maxRetries} retries`,
          uncertain: true,
        });
      throw fail({ code: "transport", error: `${failure.code ?? failure.name}: ${failure.message}`, uncertain: true });
    }
    const text = await response.body.text();
    const json = parseJson(text);
    if (response.statusCode < 400) return { status: response.statusCode, json };
    throw fail(errorFieldsOf(response.statusCode, json, text, options.retry.statusCodes.includes(response.statusCode)));
  };

  return {
    endpoint: options.endpoint,
    read: async (path, body, context) => (await send(retrying, "POST", path, body, context)).json,
    write: async (path, body, context) => (await send(agent, "POST", path, body, context)).json,
    version: async (context) => {
      try {
        const { json } = await send(retrying, "GET", "/v1/version", undefined, context);
        return isJsonObject(json) && typeof json.version === "string" ? json.version : undefined;
      } catch (error) {
        if ((error as HasuraError).status === 404) return undefined;
        throw error;
      }
    },
    close: () => agent.close(),
  };
}

function errorFieldsOf(status: number, json: unknown, text: string, uncertain: boolean) {
  if (!isJsonObject(json) || typeof json.error !== "string") {
    return { status, code: `http-${status}`, error: text.slice(0, 200).trim() || "empty answer", uncertain };
  }
  const internal = Array.isArray(json.internal) ? json.internal : [json.internal];
  const reason = internal.map((item) => (isJsonObject(item) && typeof item.reason === "string" ? item.reason : undefined)).find((item) => item !== undefined);
  return {
    status,
    code: typeof json.code === "string" ? json.code : `http-${status}`,
    error: json.error,
    path: typeof json.path === "string" ? json.path : undefined,
    reason,
    uncertain,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
