/**
 * An undici interceptor, composed beside `interceptors.retry`, that turns whatever is not a 2xx
 * answer into a `HasuraAnswerError`: Hasura's error answers, a gateway's pages, redirects, answers
 * longer than the cap (the rest is not read) and failures to connect. A 2xx answer passes on whole,
 * to be parsed once by its caller. Composed outside the retry interceptor, it sees only the last
 * attempt.
 */
import type { IncomingHttpHeaders } from "node:http";
import { errors, type Dispatcher } from "undici";
import { judgeAnswer, type AnswerRules } from "./answers";
import type { HasuraAnswer } from "./errors";

/** What one call failed with, before anyone says who asked: the client adds its caller. */
export class HasuraAnswerError extends Error {
  constructor(readonly answer: HasuraAnswer) {
    super(answer.error);
    this.name = "HasuraAnswerError";
  }
}

/** The interceptor's rules: how to judge an answer, and the most of one that is read. */
export interface AnswerInterceptorOptions extends AnswerRules {
  readonly maxResponseBytes: number;
  /** How many times the retry interceptor inside tried again before giving up, for the message. */
  readonly maxRetries: number;
}

/** The interceptor, for `agent.compose(...)`. */
export function hasuraAnswers(options: AnswerInterceptorOptions): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => dispatch(opts, new AnswerHandler(handler, options));
}

/**
 * Holds the answer back until it is whole: then a 2xx goes on to the caller as it came, and anything
 * else as the error that says what it was.
 */
class AnswerHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private statusMessage: string | undefined;
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly next: Dispatcher.DispatchHandler,
    private readonly options: AnswerInterceptorOptions,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.chunks = [];
    this.size = 0;
    this.next.onRequestStart?.(controller, context);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    this.status = status;
    this.headers = headers;
    this.statusMessage = statusMessage;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.options.maxResponseBytes) {
      const limit = this.options.maxResponseBytes;
      controller.abort(this.failure({ code: "unexpected-answer", error: `it is longer than ${limit} bytes (hasura:maxResponseBytes)`, uncertain: true }));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    const body = Buffer.concat(this.chunks);
    if (this.status < 200 || this.status >= 300) {
      const judged = judgeAnswer({ status: this.status, headers: this.headers, text: body.toString("utf8") }, this.options);
      // Not a 2xx, so never `ok`; the check keeps the types honest.
      if (!judged.ok) return this.next.onResponseError?.(controller, new HasuraAnswerError(judged.answer));
    }
    this.next.onResponseStart?.(controller, this.status, this.headers, this.statusMessage);
    this.next.onResponseData?.(controller, body);
    this.next.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.next.onResponseError?.(controller, error instanceof HasuraAnswerError ? error : this.failure(this.transportAnswer(error)));
  }

  /** A failure with no answer, or the last of the answers the retries gave up on. */
  private transportAnswer(error: Error): Omit<HasuraAnswer, "endpoint"> {
    if (error instanceof errors.RequestRetryError) {
      return { status: error.statusCode, code: `http-${error.statusCode}`, error: `still failing after ${this.options.maxRetries} retries`, uncertain: true };
    }
    return { code: "transport", error: `${errorCode(error) ?? error.name}: ${error.message}`, uncertain: true };
  }

  private failure(answer: Omit<HasuraAnswer, "endpoint">): HasuraAnswerError {
    return new HasuraAnswerError({ ...answer, endpoint: this.options.endpoint });
  }
}

/** The code of a connection failure (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...), when it has one. */
export function errorCode(error: Error): string | undefined {
  return "code" in error && typeof error.code === "string" ? error.code : undefined;
}
