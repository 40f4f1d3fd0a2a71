import { createHasuraClient, type HasuraClient } from "./http/hasuraClient";
import { defaultRetryPolicy } from "./http/retryPolicy";
import type { ApiMode } from "./hasuraRequests";
import { defaultSettings, type ProviderSettings } from "./settings";

/** What the provider keeps for the life of its process: its settings and one client per endpoint. */
export interface ProviderRuntime {
  settings: ProviderSettings;
  readonly clients: Map<string, HasuraClient>;
  /** The API each endpoint is called through, once decided. */
  readonly modes: Map<string, ApiMode>;
  /** The tail of each endpoint's queue of writes. */
  readonly writeQueues: Map<string, Promise<void>>;
}

/**
 * The process-wide runtime, made on first use. It lives on `globalThis` under a string key, not in a
 * module variable: Pulumi serializes the provider's functions with copies of the variables they
 * capture, so a module variable would not be shared between `configure` and the other methods.
 */
export function providerRuntime(): ProviderRuntime {
  const key = "__pulumiHasuraRemoteRelationshipRuntime";
  const slots = globalThis as unknown as Record<string, ProviderRuntime | undefined>;
  const existing = slots[key];
  if (existing !== undefined) return existing;
  const created: ProviderRuntime = { settings: defaultSettings(), clients: new Map(), modes: new Map(), writeQueues: new Map() };
  slots[key] = created;
  return created;
}

/** Replaces the settings; clients made with the old ones are closed, so the next call uses the new ones. */
export async function applySettings(settings: ProviderSettings): Promise<void> {
  const runtime = providerRuntime();
  runtime.settings = settings;
  const clients = [...runtime.clients.values()];
  runtime.clients.clear();
  runtime.modes.clear();
  await Promise.all(clients.map((client) => client.close()));
}

/**
 * Runs `work` when every earlier write to the endpoint from this process has finished. Hasura applies
 * metadata writes one at a time behind one lock anyway; queueing them here as well means the
 * engine's parallel creates do not race each other's `resource_version` into 409 conflicts.
 */
export async function queueWrite<T>(endpoint: string, work: () => Promise<T>): Promise<T> {
  const queues = providerRuntime().writeQueues;
  const previous = queues.get(endpoint) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  queues.set(endpoint, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (queues.get(endpoint) === tail) queues.delete(endpoint);
  }
}

/** The shared client for an endpoint, so that all resources of the process reuse one connection pool. */
export function clientFor(endpoint: string): HasuraClient {
  const runtime = providerRuntime();
  let client = runtime.clients.get(endpoint);
  if (client === undefined) {
    const { settings } = runtime;
    client = createHasuraClient({
      endpoint,
      adminSecret: settings.adminSecret,
      connectTimeoutMs: settings.connectTimeoutMs,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: defaultRetryPolicy({ maxRetries: settings.maxRetries }),
      // The dynamic provider host passes stderr through to the engine, which shows it as progress.
      onRetry: (message) => process.stderr.write(`${message}\n`),
    });
    runtime.clients.set(endpoint, client);
  }
  return client;
}
