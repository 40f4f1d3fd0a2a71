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

/**
 * Takes new settings; gateways opened with other settings are closed, so the next call uses the new
 * ones. The provider host configures each provider it loads, both resource kinds with the same stack
 * config, while the first may already be talking to Hasura: the same settings again change nothing.
 */
export async function configureRuntime(next: ProviderSettings): Promise<void> {
  if (isDeepStrictEqual(next, settings)) return;
  settings = next;
  const open = [...gateways.values()];
  gateways.clear();
  await Promise.all(open.map((gateway) => gateway.close()));
}

/** The settings in force. */
export function currentSettings(): ProviderSettings {
  return settings;
}

/** The shared gateway to an endpoint, so that all resources of the process reuse one connection pool and one write queue. */
export function gatewayFor(endpoint: string): Gateway {
  let gateway = gateways.get(endpoint);
  if (gateway === undefined) {
    gateway = openGateway(endpoint, settings);
    gateways.set(endpoint, gateway);
  }
  return gateway;
}

/** Closes every gateway and forgets the settings, so that nothing learned so far is used again; for tests that count requests. */
export async function resetRuntime(): Promise<void> {
  settings = defaultSettings();
  const open = [...gateways.values()];
  gateways.clear();
  await Promise.all(open.map((gateway) => gateway.close()));
}
