/** When and how long to wait before trying a read again. One object of defaults; the decisions are pure. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** The first backoff ceiling; each retry doubles it, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Answers that mean "not now" rather than "no". */
  readonly statusCodes: readonly number[];
  /** Connection failures worth another try. */
  readonly errorCodes: readonly string[];
}

/** The defaults: five tries in all, 250 ms doubling to 8 s, for gateway and rate-limit answers and dropped connections. */
export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 4,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    statusCodes: [429, 502, 503, 504],
    errorCodes: [
      "ECONNRESET",
      "ECONNREFUSED",
      "EPIPE",
      "ETIMEDOUT",
      "EAI_AGAIN",
      "ENETUNREACH",
      "EHOSTUNREACH",
      "UND_ERR_SOCKET",
      "UND_ERR_CONNECT_TIMEOUT",
      "UND_ERR_HEADERS_TIMEOUT",
      "UND_ERR_BODY_TIMEOUT",
    ],
    ...overrides,
  };
}

/** What failed: an answer with a status, or a connection error with a code. */
export interface Failure {
  readonly statusCode?: number;
  readonly code?: string;
}

/** True when the failure is transient and `attempt` (1 for the first retry) is within the budget. */
export function shouldRetry(policy: RetryPolicy, failure: Failure, attempt: number): boolean {
  if (attempt > policy.maxRetries) return false;
  if (failure.statusCode !== undefined && failure.statusCode > 0) return policy.statusCodes.includes(failure.statusCode);
  return failure.code !== undefined && policy.errorCodes.includes(failure.code);
}

/**
 * The wait before retry `attempt`: "full jitter" (a random point below an exponential ceiling), so that
 * many resources retrying at once spread out; a server's Retry-After is a floor.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After in milliseconds, from seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
