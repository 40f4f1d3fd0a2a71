/**
 * Notices when the engine that started this provider host is gone. A Pulumi CLI killed outright (SIGKILL,
 * an out-of-memory kill, a CI runner's timeout) leaves its plugins running, and nothing ever stops them:
 * Pulumi's dynamic provider host serves until it is told to stop, and a batch it held would still be
 * written, with no one left to record it in the state. So the host looks at its parent process, which
 * is the engine when the plugin starts the host directly (a change of parent means the engine died),
 * and asks the engine's gRPC server, as Pulumi's own language hosts do (`grpc.health.v1.Health/Check`,
 * an unimplemented service counting as alive): once its parent changed, or the engine refused the
 * connection several times in a row, the provider stops.
 */
import type { EngineHost } from "./engineHost";

/**
 * What one look at the engine found: it answered; it refused the connection (gone, unless it was a
 * hiccup); neither in time; or this process has another parent now (gone for certain).
 */
export type EngineProbe = "alive" | "refused" | "unknown" | "orphaned";

/** Looks in a row that must find the engine's address refusing connections before the watch believes it gone. */
export const goneAfterLooks = 3;

/** How often the engine is looked at. A health call on an open local connection costs well under a millisecond. */
export const lookEveryMs = 1_000;

/** The looks that found the engine refusing connections, in a row, after `probe`; an orphaned process counts as all of them. */
export function refusedInARow(before: number, probe: EngineProbe): number {
  if (probe === "orphaned") return goneAfterLooks;
  return probe === "refused" ? before + 1 : 0;
}

/** How to look at the engine, and when. */
export interface EngineWatchOptions {
  readonly probe: () => Promise<EngineProbe>;
  /** Runs `look` after `ms`; production uses an unref'd timer, so that the watch never keeps the process alive. */
  readonly later: (look: () => void, ms: number) => void;
  readonly onGone: () => void;
}

/** Looks at the engine every `lookEveryMs`, one look at a time, until it is gone; then calls `onGone` once and stops looking. */
export function watchEngine(options: EngineWatchOptions): void {
  let refused = 0;
  const look = () => {
    options.probe().then(
      (probe) => {
        refused = refusedInARow(refused, probe);
        if (refused >= goneAfterLooks) options.onGone();
        else options.later(look, lookEveryMs);
      },
      () => {
        // A probe that failed says nothing of the engine.
        refused = 0;
        options.later(look, lookEveryMs);
      },
    );
  };
  options.later(look, lookEveryMs);
}

type Status = { readonly code?: number };
type GrpcClient = {
  makeUnaryRequest(
    method: string,
    serialize: (value: Buffer) => Buffer,
    deserialize: (bytes: Buffer) => Buffer,
    argument: Buffer,
    metadata: unknown,
    options: { readonly deadline: number },
    callback: (error: Status | null) => void,
  ): unknown;
};
type Grpc = {
  Client: new (address: string, credentials: unknown) => GrpcClient;
  credentials: { createInsecure(): unknown };
  Metadata: new () => unknown;
  status: { readonly UNAVAILABLE: number; readonly UNIMPLEMENTED: number };
};

/**
 * A probe of the engine's health service, with grpc-js as the host's own @pulumi/pulumi resolves it; the
 * request and answer are read as bytes (an empty request; any answer means the engine is there).
 */
export function engineHealthProbe(host: EngineHost, deadlineMs: number): () => Promise<EngineProbe> {
  const grpc = host.require("@grpc/grpc-js") as Grpc;
  const client = new grpc.Client(host.address, grpc.credentials.createInsecure());
  const bytes = (value: Buffer) => value;
  return () =>
    new Promise((resolve) => {
      client.makeUnaryRequest(
        "/grpc.health.v1.Health/Check",
        bytes,
        bytes,
        Buffer.alloc(0),
        new grpc.Metadata(),
        { deadline: Date.now() + deadlineMs },
        (error) => {
          if (error === null || error.code === grpc.status.UNIMPLEMENTED) resolve("alive");
          else resolve(error.code === grpc.status.UNAVAILABLE ? "refused" : "unknown");
        },
      );
    });
}

let guarding = false;

/**
 * In a provider host, watches its engine from the first call on; once the engine is gone, `stop` ends all
 * work (what was sent finishes or is abandoned; nothing new is sent) and the process exits, within
 * `capMs` whatever is still under way. Anywhere else, and on later calls, it does nothing.
 */
export function guardAgainstOrphaning(host: EngineHost | null, stop: () => Promise<void>, capMs: number): void {
  if (guarding || host === null) return;
  guarding = true;
  // The engine's port could be taken by another process once the engine is gone; a new parent cannot lie.
  const parent = process.ppid;
  const health = engineHealthProbe(host, lookEveryMs);
  watchEngine({
    probe: () => (process.ppid !== parent ? Promise.resolve("orphaned") : health()),
    later: (look, ms) => setTimeout(look, ms).unref(),
    onGone: () => {
      // Bounded whatever the closing does: the host must not outlive its engine.
      setTimeout(() => process.exit(1), capMs);
      void stop().finally(() => process.exit(1));
      // Said for whoever reads the host's output; the engine that read it is gone, so a broken pipe is expected and ignored.
      process.stderr.on("error", () => undefined);
      try {
        process.stderr.write(
          `The Pulumi engine at ${host.address} that started this provider is gone (its CLI ended without stopping it). The provider stops: nothing more is sent to Hasura.\n`,
        );
      } catch {
        // Nothing reads it any more.
      }
    },
  });
}
