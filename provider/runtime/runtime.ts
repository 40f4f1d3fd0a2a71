/**
 * What the provider keeps for the life of its process: the settings `configure` read, and one
 * gateway per endpoint. The provider's code is loaded from the installed package by `require` (see
 * provider/handle.ts), so one module instance serves every resource, and plain module state does.
 */
import { openGateway, type Gateway } from "./gateway";
import { defaultSettings, type ProviderSettings } from "./settings";

let settings: ProviderSettings = defaultSettings();
const gateways = new Map<string, Gateway>();

/** Takes new settings; gateways opened with the old ones are closed, so the next call uses the new ones. */
export async function configureRuntime(next: ProviderSettings): Promise<void> {
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
