/**
 * The HTTP client for one Hasura endpoint, on undici, as thin layers: one keep-alive pool; the retry
 * interceptor for calls that change nothing; the answer interceptor, which turns anything but a 2xx
 * into an error that says what came back and caps how much of an answer is read; and a total
 * deadline on every call (undici's own timeouts are idle timers, so a server that drips its answer
 * would never end). Errors carry Hasura's answer as data with every secret redacted.
 */
import { Agent, errors, interceptors } from "undici";
import { errorCode, hasuraAnswers, HasuraAnswerError } from "./answerInterceptor";
import { judgeAnswer, type AnswerRules } from "./answers";
import type { SentCredentials } from "./credentials";
import { hasuraError, isHasuraError, type CallContext, type HasuraAnswer } from "./errors";
import { refusesCredentials } from "./failureKinds";
import { parseRetryAfter, retryDelayMs, shouldRetry, type RetryPolicy } from "./retryPolicy";

/** How to reach one Hasura. */
export interface HasuraClientOptions {
  readonly endpoint: string;
  readonly adminSecret?: string;
  /** What the calls carry and where this Hasura's secret is set, for the fix when Hasura refuses them. */
  readonly credentials?: SentCredentials;
  readonly connectTimeoutMs: number;
  /** The whole time a call may take, retries and answer included. Large Hasuras take tens of seconds per write. */
  readonly requestTimeoutMs: number;
  /** The most of an answer that is read; metadata of thousands of tables is a few MB. */
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  /**
   * Told once when calls to this endpoint start to be retried, and not again until it answers: a
   * Hasura that is down is one line of progress, not one per retry of every call.
   */
  readonly onRetrying?: (message: string) => void;
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

/** Opens a client; TLS certificates are always verified, and redirects are never followed. */
export function createHasuraClient(options: HasuraClientOptions): HasuraClient {
  const { endpoint, retry: policy } = options;
  const base = new URL(endpoint);
  const prefix = base.pathname.replace(/\/+$/, "");
  const secrets = [options.adminSecret];
  const rules = (isWrite: boolean): AnswerRules => ({ endpoint, secrets, isWrite, retryableStatuses: policy.statusCodes });
  const answers = (isWrite: boolean) =>
    hasuraAnswers({ ...rules(isWrite), maxResponseBytes: options.maxResponseBytes, maxRetries: isWrite ? 0 : policy.maxRetries });
  // Set from the first retry until the endpoint answers again: the progress line is said once.
  let retrying = false;
  const agent = new Agent({ connect: { timeout: options.connectTimeoutMs }, keepAliveTimeout: 30_000 });
  const reads = agent.compose(
    interceptors.retry({
      methods: ["GET", "POST"],
      maxRetries: policy.maxRetries,
      statusCodes: [...policy.statusCodes],
      errorCodes: [...policy.errorCodes],
      retry: (error, { state }, next) => {
        // A status the retry handler would try again comes as its RequestRetryError; a dropped connection as the socket's error.
        const answered = error instanceof errors.RequestRetryError ? error : undefined;
        const statusCode = answered?.statusCode;
        const failure = { statusCode, code: errorCode(error) };
        if (!shouldRetry(policy, failure, state.counter)) return next(error);
        const delay = retryDelayMs(policy, state.counter, parseRetryAfter(answered?.headers["retry-after"]));
        if (!retrying) {
          retrying = true;
          const what = statusCode === undefined ? `failed (${failure.code ?? error.message})` : `answered ${statusCode}`;
          options.onRetrying?.(
            `Hasura at ${endpoint} ${what}; retrying with backoff, ${policy.maxRetries === 1 ? "at most once" : `up to ${policy.maxRetries} times`} a call (hasura:maxRetries).`,
          );
        }
        setTimeout(() => next(null), delay);
        return undefined;
      },
    }),
    answers(false),
  );
  const writes = agent.compose(answers(true));
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.adminSecret) headers["x-hasura-admin-secret"] = options.adminSecret;

  const send = async (dispatcher: typeof reads, method: "GET" | "POST", path: string, body: unknown, context: CallContext, isWrite: boolean) => {
    const fail = (answer: HasuraAnswer) =>
      hasuraError(options.credentials !== undefined && refusesCredentials(answer) ? { ...answer, credentials: options.credentials } : answer, context, secrets);
    const limit = context.deadline ?? { ms: options.requestTimeoutMs, setting: "hasura:requestTimeoutMs" };
    const deadline = AbortSignal.timeout(limit.ms);
    try {
      const response = await dispatcher.request({
        origin: base.origin,
        path: `${prefix}${path}`,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline,
      });
      retrying = false;
      const judged = judgeAnswer({ status: response.statusCode, headers: response.headers, text: await response.body.text() }, rules(isWrite));
      if (judged.ok) return judged.json;
      throw fail(judged.answer);
    } catch (error) {
      if (isHasuraError(error)) throw error;
      if (deadline.aborted) {
        throw fail({
          endpoint,
          code: "transport",
          error: `no complete answer within ${limit.ms} ms (${limit.setting})`,
          uncertain: true,
        });
      }
      if (error instanceof HasuraAnswerError) {
        if (error.answer.status !== undefined) retrying = false;
        throw fail(error.answer);
      }
      throw fail({ endpoint, code: "transport", error: String(error), uncertain: true });
    }
  };

  return {
    endpoint,
    read: (path, body, context) => send(reads, "POST", path, body, context, false),
    write: (path, body, context) => send(writes, "POST", path, body, context, true),
    version: async (context) => {
      try {
        const json = await send(reads, "GET", "/v1/version", undefined, { ...context, command: "GET /v1/version" }, false);
        return typeof json === "object" && json !== null && "version" in json && typeof json.version === "string" ? json.version : undefined;
      } catch (error) {
        // Hasura 1.0 and some proxies have no /v1/version; that says nothing about the metadata API.
        if (isHasuraError(error) && error.status === 404) return undefined;
        throw error;
      }
    },
    close: () => agent.close(),
  };
}
