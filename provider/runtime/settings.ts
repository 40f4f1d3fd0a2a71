import type { ApiSetting } from "../hasura/requests";
import { defaultRetryPolicy } from "../hasura/retryPolicy";
import { readAdminSecrets, type AdminSecret } from "./adminSecrets";

/** The provider's settings for one stack: from its config (`hasura:*`) and the environment, never from inputs. */
export interface ProviderSettings {
  /** Each admin secret with the one Hasura it is sent to (see adminSecrets.ts). */
  readonly adminSecrets: readonly AdminSecret[];
  readonly api: ApiSetting;
  /** `hasura:endpoint`, used by `read` when neither the state nor the inputs name an endpoint (an import). */
  readonly endpoint?: string;
  readonly connectTimeoutMs: number;
  /** The whole time one call may take: sized for a write to a large Hasura. */
  readonly requestTimeoutMs: number;
  /** The whole time one read of `check` may take (the API probe, a remote schema's introspection): a preview waits for a Hasura that never answers this long, once. */
  readonly checkTimeoutMs: number;
  readonly maxRetries: number;
  /** How many times a write that met a stale `resource_version` (409) re-reads and tries again. */
  readonly conflictRetries: number;
  /** Whether writes to one endpoint that meet in time are applied together as one `replace_metadata`. */
  readonly coalesceWrites: boolean;
  /** How long a batch waits, once it may go, for the changes that arrive together. */
  readonly batchWindowMs: number;
  /** The most the engine's pace adds to a batch's patience, the least a process's first batch waits, and the quiet that ends a burst (./batchTiming.ts). */
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
    adminSecrets: [],
    api: "auto",
    connectTimeoutMs: 10_000,
    requestTimeoutMs: 120_000,
    checkTimeoutMs: 10_000,
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
 * Reads the settings from stack config (`get("hasura:adminSecret")`, ...) and the environment. The stack's
 * admin secret comes from `hasura:adminSecret`, else HASURA_GRAPHQL_ADMIN_SECRET, and belongs to
 * `hasura:endpoint`; `hasura:adminSecrets` holds the secrets of other Hasuras. A malformed value is an
 * error that names the key; the message never holds a secret.
 */
export function readSettings(get: (key: string) => unknown, env: Readonly<Record<string, string | undefined>>): ProviderSettings {
  const defaults = defaultSettings();
  // Every key but hasura:adminSecrets holds one value, which the engine passes as text.
  const text = (key: string): string | undefined => {
    const value = get(key);
    return value === undefined || typeof value === "string" ? value : JSON.stringify(value);
  };
  const api = text("hasura:api") ?? defaults.api;
  if (api !== "auto" && api !== "metadata" && api !== "query") {
    throw new Error(`hasura:api is "${api}", but it must be auto, metadata or query. Fix it with \`pulumi config set hasura:api auto\`.`);
  }
  const number = (key: string, fallback: number) => {
    const given = text(`hasura:${key}`);
    if (given === undefined) return fallback;
    const value = Number(given);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`hasura:${key} is "${given}", but it must be a whole number. Fix it with \`pulumi config set hasura:${key} ${fallback}\`.`);
    return value;
  };
  const boolean = (key: string, fallback: boolean) => {
    const given = text(`hasura:${key}`);
    if (given === undefined) return fallback;
    if (given !== "true" && given !== "false")
      throw new Error(`hasura:${key} is "${given}", but it must be true or false. Fix it with \`pulumi config set hasura:${key} ${fallback}\`.`);
    return given === "true";
  };
  const endpoint = text("hasura:endpoint") ?? env.HASURA_ENDPOINT;
  if (endpoint !== undefined && !isHttpUrl(endpoint)) {
    throw new Error(
      `hasura:endpoint is "${endpoint}", which is not an http(s) URL. Fix it with \`pulumi config set hasura:endpoint https://hasura.example.com\`.`,
    );
  }
  return {
    adminSecrets: readAdminSecrets(get, env, endpoint),
    ...(endpoint ? { endpoint } : {}),
    api,
    connectTimeoutMs: number("connectTimeoutMs", defaults.connectTimeoutMs),
    requestTimeoutMs: number("requestTimeoutMs", defaults.requestTimeoutMs),
    checkTimeoutMs: number("checkTimeoutMs", defaults.checkTimeoutMs),
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

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
