import type { ApiSetting } from "../hasura/requests";
import { defaultRetryPolicy } from "../hasura/retryPolicy";

/** The provider's settings for one stack: from its config (`hasura:*`) and the environment, never from inputs. */
export interface ProviderSettings {
  readonly adminSecret?: string;
  readonly api: ApiSetting;
  /** `hasura:endpoint`, used by `read` when neither the state nor the inputs name an endpoint (an import). */
  readonly endpoint?: string;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  /** How many times a write that met a stale `resource_version` (409) re-reads and tries again. */
  readonly conflictRetries: number;
  /** Whether writes to one endpoint that meet in time are applied together as one `replace_metadata`. */
  readonly coalesceWrites: boolean;
  /** How long a batch waits, once it may go, for the changes that arrive together. */
  readonly batchWindowMs: number;
  /** How much longer a batch waits for the engine to send as many changes as it has had at once before. */
  readonly batchFillMs: number;
  /** Whether `check` validates remote fields against the remote schema Hasura holds (in every preview, and in an up for what changed). */
  readonly validateLive: boolean;
  /** The most of one answer that is read. */
  readonly maxResponseBytes: number;
  /** How long one `export_metadata` serves the reads of this process before the next read asks again. */
  readonly snapshotMaxAgeMs: number;
}

/** The settings with nothing configured. */
export function defaultSettings(): ProviderSettings {
  return {
    api: "auto",
    connectTimeoutMs: 10_000,
    requestTimeoutMs: 120_000,
    maxRetries: defaultRetryPolicy().maxRetries,
    conflictRetries: 5,
    coalesceWrites: true,
    batchWindowMs: 20,
    batchFillMs: 250,
    snapshotMaxAgeMs: 5_000,
    maxResponseBytes: 64 * 1024 * 1024,
    validateLive: true,
  };
}

/**
 * Reads the settings from stack config (`get("hasura:adminSecret")`, ...) and the environment. The admin
 * secret comes from `hasura:adminSecret`, else HASURA_GRAPHQL_ADMIN_SECRET. A malformed value is an
 * error that names the key; the message never holds the secret.
 */
export function readSettings(get: (key: string) => string | undefined, env: Readonly<Record<string, string | undefined>>): ProviderSettings {
  const defaults = defaultSettings();
  const api = get("hasura:api") ?? defaults.api;
  if (api !== "auto" && api !== "metadata" && api !== "query") {
    throw new Error(`hasura:api is "${api}", but it must be auto, metadata or query. Fix it with \`pulumi config set hasura:api auto\`.`);
  }
  const number = (key: string, fallback: number) => {
    const text = get(`hasura:${key}`);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`hasura:${key} is "${text}", but it must be a whole number. Fix it with \`pulumi config set hasura:${key} ${fallback}\`.`);
    return value;
  };
  const boolean = (key: string, fallback: boolean) => {
    const text = get(`hasura:${key}`);
    if (text === undefined) return fallback;
    if (text !== "true" && text !== "false")
      throw new Error(`hasura:${key} is "${text}", but it must be true or false. Fix it with \`pulumi config set hasura:${key} ${fallback}\`.`);
    return text === "true";
  };
  const fromConfig = get("hasura:adminSecret");
  const adminSecret = fromConfig ?? env.HASURA_GRAPHQL_ADMIN_SECRET;
  if (adminSecret) checkAdminSecret(adminSecret, fromConfig === undefined ? "HASURA_GRAPHQL_ADMIN_SECRET" : "hasura:adminSecret");
  const endpoint = get("hasura:endpoint") ?? env.HASURA_ENDPOINT;
  if (endpoint !== undefined && !isHttpUrl(endpoint)) {
    throw new Error(
      `hasura:endpoint is "${endpoint}", which is not an http(s) URL. Fix it with \`pulumi config set hasura:endpoint https://hasura.example.com\`.`,
    );
  }
  return {
    ...(adminSecret ? { adminSecret } : {}),
    ...(endpoint ? { endpoint } : {}),
    api,
    connectTimeoutMs: number("connectTimeoutMs", defaults.connectTimeoutMs),
    requestTimeoutMs: number("requestTimeoutMs", defaults.requestTimeoutMs),
    maxRetries: number("maxRetries", defaults.maxRetries),
    conflictRetries: number("conflictRetries", defaults.conflictRetries),
    coalesceWrites: boolean("coalesceWrites", defaults.coalesceWrites),
    batchWindowMs: number("batchWindowMs", defaults.batchWindowMs),
    batchFillMs: number("batchFillMs", defaults.batchFillMs),
    snapshotMaxAgeMs: number("snapshotMaxAgeMs", defaults.snapshotMaxAgeMs),
    maxResponseBytes: number("maxResponseBytes", defaults.maxResponseBytes),
    validateLive: boolean("validateLive", defaults.validateLive),
  };
}

/**
 * An admin secret must be sendable as an HTTP header value, or every call would fail with an error
 * that seems to be about the endpoint. The message names where the secret came from, never the secret.
 */
function checkAdminSecret(secret: string, from: string): void {
  if (/[^\t\x20-\x7e\x80-\xff]/.test(secret)) {
    throw new Error(`The admin secret in ${from} holds a line break or another character an HTTP header cannot carry. Set it again without it.`);
  }
  if (secret.trim() !== secret) {
    throw new Error(
      `The admin secret in ${from} starts or ends with white space, which HTTP drops, so Hasura would never see it as set. Set it again without it.`,
    );
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
