/**
 * What the provider keeps for the life of its process: the settings `configure` read, and one
 * gateway per endpoint. The provider's code is loaded from the installed package by `require` (see
 * provider/handle.ts), so one module instance serves every resource, and plain module state does.
 */
import { isDeepStrictEqual } from "node:util";
import { openGateway, type Gateway } from "./gateway";
import { defaultSettings, type ProviderSettings } from "./settings";

let settings: ProviderSettings = defaultSettings();
const gateways = new Map<string, Gateway>();
// Why the last configure failed. The provider host keeps a provider whose configure threw and sends
// it the process's later calls: those must fail the same way, never run on the default settings.
let configurationFailure: Error | undefined;

/**
 * Takes new settings; gateways opened with other settings are closed, so the next call uses the new
 * ones. The provider host configures each provider it loads, both resource kinds with the same stack
 * config, while the first may already be talking to Hasura: the same settings again change nothing.
 */
export async function configureRuntime(next: ProviderSettings): Promise<void> {
  configurationFailure = undefined;
  if (isDeepStrictEqual(next, settings)) return;
  settings = next;
  const open = [...gateways.values()];
  gateways.clear();
  await Promise.all(open.map((gateway) => gateway.close()));
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

/** The shared gateway to an endpoint, so that all resources of the process reuse one connection pool and one write queue. */
export function gatewayFor(endpoint: string): Gateway {
  const inForce = currentSettings();
  let gateway = gateways.get(endpoint);
  if (gateway === undefined) {
    gateway = openGateway(endpoint, inForce);
    gateways.set(endpoint, gateway);
  }
  return gateway;
}

/** Closes every gateway and forgets the settings, so that nothing learned so far is used again; for tests that count requests. */
export async function resetRuntime(): Promise<void> {
  settings = defaultSettings();
  configurationFailure = undefined;
  const open = [...gateways.values()];
  gateways.clear();
  await Promise.all(open.map((gateway) => gateway.close()));
}
