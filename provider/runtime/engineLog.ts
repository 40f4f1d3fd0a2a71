/**
 * Warnings the user sees in the engine's own output. A dynamic provider has no logging API: the host
 * runs it with the engine's address as its one argument but never connects to it, and the engine
 * shows a plugin's stderr as it comes. So a warning goes to the engine's `Log` call directly, and to
 * stderr only when there is no engine to take it (a test, or a Log call that failed): both would show
 * every warning twice.
 */
import { engineHost } from "./engineHost";

type EngineClient = { log(request: unknown, options: { deadline: number }, callback: (error: Error | null) => void): void };
type EngineProto = { LogRequest: new () => { setSeverity(value: number): unknown; setMessage(value: string): unknown; setEphemeral(value: boolean): unknown } };

let engine: { readonly client: EngineClient; readonly proto: EngineProto } | null | undefined;

/**
 * The engine's address when this process is a dynamic provider host the engine started (the host's
 * one argument); undefined when the provider runs in any other process (tests, scripts).
 */
export function engineAddress(): string | undefined {
  return engineHost()?.address;
}

/** The engine client when this process is a provider host started by the engine; null otherwise. */
function engineClient(): { readonly client: EngineClient; readonly proto: EngineProto } | null {
  if (engine !== undefined) return engine;
  const host = engineHost();
  engine = null;
  if (host === null) return engine;
  try {
    // Pulumi's own gRPC stubs and grpc-js, resolved from the @pulumi/pulumi that runs the host.
    const fromPulumi = host.require;
    const grpc = fromPulumi("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
    const rpc = fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineClient: new (address: string, credentials: unknown) => EngineClient };
    const proto = fromPulumi("@pulumi/pulumi/proto/engine_pb") as EngineProto;
    engine = { client: new rpc.EngineClient(host.address, grpc.credentials.createInsecure()), proto };
  } catch {
    engine = null;
  }
  return engine;
}

/** Shows `message` as a warning of the current operation, once; never throws, never waits. */
export function warn(message: string): void {
  const connection = engineClient();
  if (connection === null) {
    process.stderr.write(`warning: ${message}\n`);
    return;
  }
  const request = new connection.proto.LogRequest();
  // LogSeverity.WARNING in pulumi/proto/engine.proto.
  request.setSeverity(2);
  request.setMessage(message);
  request.setEphemeral(false);
  connection.client.log(request, { deadline: Date.now() + 5_000 }, (error) => {
    if (error !== null) process.stderr.write(`warning: ${message}\n`);
  });
}

// Warnings already given by this process, by what they are about.
const given = new Set<string>();

/** Shows `message` as `warn` does, unless a warning about `about` was shown before in this process. */
export function warnOnce(about: string, message: string): void {
  if (given.has(about)) return;
  given.add(about);
  warn(message);
}
