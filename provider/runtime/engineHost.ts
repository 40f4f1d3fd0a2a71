/**
 * The Pulumi engine that started this process, when this process is Pulumi's dynamic provider host: the
 * host runs with the engine's gRPC address as its one argument (`dynamic-provider/index.js 127.0.0.1:PORT`)
 * but gives the provider no handle on it. Loaded anywhere else (a test, the generator), there is none.
 */
import { createRequire } from "node:module";

/** The engine's address, and `require` as the host's own @pulumi/pulumi resolves it (for its gRPC stubs and grpc-js). */
export interface EngineHost {
  readonly address: string;
  readonly require: NodeJS.Require;
}

let found: EngineHost | null | undefined;

/** The engine of this provider host; null when this process is not one. */
export function engineHost(): EngineHost | null {
  if (found !== undefined) return found;
  const address = process.argv[2];
  const host = process.argv[1] ?? "";
  found = /dynamic-provider/.test(host) && address !== undefined && /^[\w.[\]:-]+:\d+$/.test(address) ? { address, require: createRequire(host) } : null;
  return found;
}
