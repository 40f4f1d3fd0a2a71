/**
 * What the provider keeps for the life of its process: the settings `configure` read, and for each
 * endpoint its gateway (reads, shared) and its write queue. The provider's code is loaded from the
 * installed package by `require` (see provider/handle.ts), so one module instance serves every
 * resource, and plain module state does.
 */
import { isDeepStrictEqual } from "node:util";
import type { Step } from "../plans";
import type { Change } from "./change";
import { routeSecret, sendsInClear, sentCredentials, type SecretRoute } from "./adminSecrets";
import { createCoalescer, type Coalescer, type HeldBack } from "./coalescer";
import { engineHost } from "./engineHost";
import { warn } from "./engineLog";
import { guardAgainstOrphaning } from "./engineWatch";
import { openGateway, type Gateway } from "./gateway";
import { defaultSettings, type ProviderSettings } from "./settings";
import { callCosts, expectedWriteMs } from "./writeCosts";
import { applyChanges } from "./writes";

/** One endpoint: what is read from it, and the queue its writes go through. */
interface Endpoint {
  readonly gateway: Gateway;
  readonly writes: Coalescer<Change>;
}

let settings: ProviderSettings = defaultSettings();
const endpoints = new Map<string, Endpoint>();
// Why the last configure failed. The provider host keeps a provider whose configure threw and sends
// it the process's later calls: those must fail the same way, never run on the default settings.
let configurationFailure: Error | undefined;
// Why this process takes no more work (the engine that started it is gone), once it is so.
let stopped: string | undefined;
// The engine's --parallel, as the program passed it to check (undefined until it does).
let engineParallelism: number | undefined;
// Whether the engine's last check was a preview's.
let previewing = false;

/**
 * Takes new settings; gateways opened with other settings are closed, so the next call uses the new
 * ones. The provider host configures each provider it loads, both resource kinds with the same stack
 * config, while the first may already be talking to Hasura: the same settings again change nothing.
 */
export async function configureRuntime(next: ProviderSettings): Promise<void> {
  guardAgainstOrphaning(engineHost(), () => stopTakingWork("the Pulumi engine that started this provider is gone"), next.requestTimeoutMs + 5_000);
  configurationFailure = undefined;
  if (isDeepStrictEqual(next, settings)) return;
  settings = next;
  await closeEndpoints();
}

/** Records that the stack config could not be read; every later call fails with `error` until a configure succeeds. */
export function failConfiguration(error: Error): void {
  configurationFailure = error;
}

/** The settings in force; throws why configure failed, if it did. */
export function currentSettings(): ProviderSettings {
  if (configurationFailure !== undefined) throw configurationFailure;
  return settings;
}

/**
 * What may be sent to `endpoint` under the settings in force: its own admin secret, none, or nothing at
 * all (refused, with the reason and the fix). The first time a secret is routed to a Hasura over plain
 * http to another machine, a warning says so.
 */
export function secretRouteFor(endpoint: string): SecretRoute {
  const route = routeSecret(currentSettings().adminSecrets, endpoint);
  if (route.kind === "secret" && sendsInClear(endpoint) && !warnedInClear.has(endpoint)) {
    warnedInClear.add(endpoint);
    warn(
      `The admin secret for Hasura at ${endpoint} (${route.from}) is sent over plain http to another machine, where anyone on the network between can read it. Use https.`,
    );
  }
  return route;
}

// Endpoints already warned of, so that each warning is printed once per process.
const warnedInClear = new Set<string>();

/**
 * The shared gateway to an endpoint, so that all resources of the process reuse one connection pool and
 * what was read. It carries that endpoint's own admin secret and no other; an endpoint that may not be
 * sent any (see secretRouteFor) is refused, before anything is sent.
 */
export function gatewayFor(endpoint: string): Gateway {
  return endpointFor(endpoint).gateway;
}

/**
 * Takes what a check's inputs carry of the engine's run: its parallelism (inputs/check.ts
 * `engineParallelKey`), when they carry one, and whether it is a preview (`dryRunKey`), which the
 * diffs that follow the check do not carry.
 */
export function noteEngineRun(run: { readonly parallelism: unknown; readonly previewing: boolean }): void {
  const { parallelism } = run;
  if (typeof parallelism === "number" && Number.isSafeInteger(parallelism) && parallelism > 0) engineParallelism = parallelism;
  previewing = run.previewing;
}

/** Whether the engine's last check was a preview's: a preview sends no change, whatever its diffs find. */
export function enginePreviewing(): boolean {
  return previewing;
}

/** Applies one relationship's change at `endpoint` (observe, plan, write, until done), together with the others that meet it in the endpoint's queue. */
export function applyChange(endpoint: string, change: Change): Promise<Step> {
  return endpointFor(endpoint).writes.submit(change);
}

/**
 * One of the engine's checks or diffs, which tells every endpoint's write queue while it is under
 * way: the engine is still working through the program, and the resource's change may join the batch
 * that is filling (./batchTiming.ts). `announces` says, from the call's result, whether the engine
 * will send that change (a new resource's check, a diff that found one: not in a preview).
 */
export function engineCall<A extends unknown[], R>(
  call: (...args: A) => Promise<R>,
  announces?: (result: R, ...args: A) => boolean,
): (...args: A) => Promise<R> {
  return async (...args) => {
    const ends = [...endpoints.values()].map((endpoint) => endpoint.writes.engineCall());
    let announced = false;
    try {
      const result = await call(...args);
      announced = announces?.(result, ...args) ?? false;
      return result;
    } finally {
      for (const end of ends) end(announced);
    }
  };
}

function endpointFor(url: string): Endpoint {
  const inForce = currentSettings();
  if (stopped !== undefined) throw new Error(`This provider takes no more work: ${stopped}.`);
  let endpoint = endpoints.get(url);
  if (endpoint === undefined) {
    const route = secretRouteFor(url);
    if (route.kind === "refused") throw Object.assign(new Error(route.reason), { code: "no-admin-secret-for-endpoint" });
    const costs = callCosts();
    const gateway = openGateway(url, inForce, {
      adminSecret: route.kind === "secret" ? route.secret : undefined,
      credentials: sentCredentials(route, url, inForce.endpoint),
      onExported: (ms) => costs.observe("read", ms),
    });
    const writes = createCoalescer<Change>({
      coalesce: inForce.coalesceWrites,
      timing: { windowMs: inForce.batchWindowMs, fillMs: inForce.batchFillMs },
      write: (changes, together) => applyChanges(gateway, changes, { together, costs }),
      expectedWriteMs: () => expectedWriteMs(costs),
      engineParallelism: () => engineParallelism,
      onHeldBack: (report) => warn(heldBackMessage(url, report)),
      onRefusedTogether: (count) =>
        warn(
          `Hasura at ${url} refused a whole-document write that each of its ${count} changes passed alone; its metadata is probably inconsistent already. Writes go one at a time from now on; run \`pulumi refresh\` to see the inconsistencies.`,
        ),
    });
    endpoint = { gateway, writes };
    endpoints.set(url, endpoint);
  }
  return endpoint;
}

/**
 * Takes no more work: every gateway is closed, so that what was sent finishes (or fails at its deadline)
 * and nothing new is sent, and every later call fails with `reason`.
 */
export async function stopTakingWork(reason: string): Promise<void> {
  stopped = reason;
  await closeEndpoints();
}

/** Closes every gateway and forgets the settings, so that nothing learned so far is used again; for tests that count requests. */
export async function resetRuntime(): Promise<void> {
  settings = defaultSettings();
  configurationFailure = undefined;
  engineParallelism = undefined;
  previewing = false;
  await closeEndpoints();
}

async function closeEndpoints(): Promise<void> {
  const open = [...endpoints.values()];
  endpoints.clear();
  await Promise.all(open.map((endpoint) => endpoint.gateway.close()));
}

/**
 * What the user is told when the engine's parallelism, not Hasura, sets how many writes an update
 * takes: how many so far, what each costs, and the setting that makes them one.
 */
export function heldBackMessage(endpoint: string, report: HeldBack): string {
  const cost = report.writeMs === undefined ? "" : `, about ${formatSeconds(report.writeMs)} each`;
  return (
    `The engine sent this provider at most ${report.parallelism} changes at once (pulumi's --parallel), so Hasura at ${endpoint} is being written in batches of ${report.parallelism}: ` +
    `${report.writes} writes so far${cost}, each a schema rebuild. \`pulumi up --parallel N\` (or PULUMI_PARALLEL=N) with N at least the number of relationships lets them go in one or two writes.`
  );
}

function formatSeconds(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}
