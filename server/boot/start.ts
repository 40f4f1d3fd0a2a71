/**
 * `startHasuraServer`: assembles catalog, engine, faults, stats and the HTTP server from the
 * options (and environment file, and data directory), loads the initial metadata, and listens.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { SourceDatabases } from "../database/databases";
import { replaceMetadata } from "../commands/metadataOps";
import { Engine } from "../engine/engine";
import type { EngineState } from "../engine/state";
import { Tx } from "../engine/tx";
import { isApiError } from "../base/apiError";
import { loadEnvironment, type Environment } from "./environment";
import { startEnvironmentServers } from "./environmentServers";
import { Faults } from "../harness/faults";
import { createRouter } from "../http/router";
import { extraSources, initialMetadata, type InitialInputs } from "./initialMetadata";
import { introspectRemoteSchema } from "../remoteSchemas/introspect";
import { metadataJson } from "../metadata/serialize";
import { loadState, saveState } from "../engine/persistence";
import { StatsRecorder } from "../harness/stats";
import type { HasuraServerOptions, RunningHasuraServer } from "./options";
import { parseMetadataDocument, type JsonObject, type SourcedMetadataDocument } from "../../model";

/** What `GET /v1/version` answers unless told otherwise. */
export const defaultServerVersion = "v2.48.3";

function emptyState(): EngineState {
  return {
    metadata: { sources: [], remoteSchemas: [], extra: {} },
    remoteSchemas: new Map(),
    remoteSchemaFailures: new Map(),
    inconsistencies: [],
    resolvedSources: new Map(),
  };
}

/** The databases the environment and options declare: the `default` source's, then each further source's. */
function declaredDatabases(options: HasuraServerOptions, environment: Environment | undefined): SourceDatabases {
  const defaultTables = [...(environment?.database ?? []), ...(options.database ?? [])];
  return new SourceDatabases([
    { name: "default", tables: defaultTables, sql: environment?.sql },
    ...extraSources({ environment, options }).map((spec) => ({ name: spec.name, kind: spec.kind, tables: spec.tables, sql: spec.sql })),
  ]);
}

function createEngine(options: HasuraServerOptions, databases: SourceDatabases, stats: StatsRecorder, remoteSchemaUrls: Record<string, string>): Engine {
  const dataDir = options.dataDir;
  const serverVersion = options.serverVersion ?? defaultServerVersion;
  return new Engine(
    {
      databases,
      profile: serverVersion.startsWith("v1.") ? "v1" : "v2",
      rebuildMs: options.rebuildMs ?? 0,
      rebuildMsPerObject: options.rebuildMsPerObject ?? 0,
      catalogIntrospectionMs: options.catalogIntrospectionMs ?? 0,
      stats,
      introspect: introspectRemoteSchema,
      persist:
        dataDir === undefined
          ? undefined
          : (version, metadata) => saveState(dataDir, { resource_version: version, metadata, environment_remote_schemas: remoteSchemaUrls }),
    },
    emptyState(),
    1,
  );
}

async function loadInitial(engine: Engine, inputs: InitialInputs, persist: boolean): Promise<void> {
  const start = initialMetadata(inputs);
  const tx = new Tx(emptyState(), engine.services("/v1/metadata"));
  try {
    await replaceMetadata(tx, start.metadata, start.fromDisk);
  } catch (error) {
    const detail = isApiError(error) ? `${error.error} ${JSON.stringify(error.internal ?? null)}` : String(error);
    throw new Error(`The initial metadata is inconsistent: ${detail}`);
  }
  engine.adopt(tx.snapshot(), start.resourceVersion);
  if (persist && !start.fromDisk) await engine.persistCurrent();
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** The server's export read as the model reads Hasura's; anything else is a bug in the server, said as such. */
function exportedDocument(json: JsonObject): SourcedMetadataDocument {
  const parsed = parseMetadataDocument(json);
  if (!parsed.ok || parsed.value.sources === undefined) {
    throw new Error(
      `The local server exported metadata the model cannot read (${parsed.ok ? "no sources" : parsed.reason}): a bug in server/metadata/serialize.ts.`,
    );
  }
  return { ...parsed.value, sources: parsed.value.sources };
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts a Hasura-compatible metadata server; see `HasuraServerOptions`. */
export async function startHasuraServer(options: HasuraServerOptions = {}): Promise<RunningHasuraServer> {
  const environment = options.environment === undefined ? undefined : await loadEnvironment(options.environment);
  const persisted = options.dataDir === undefined ? undefined : await loadState(options.dataDir);
  const remotes = await startEnvironmentServers(environment, persisted?.environment_remote_schemas);
  const remoteSchemaUrls = Object.fromEntries([...remotes].map(([name, server]) => [name, server.url]));
  const databases = declaredDatabases(options, environment);
  const stopRemotes = async () => {
    await Promise.all([...remotes.values()].map((server) => server.stop()));
    await databases.close();
  };
  try {
    await databases.ready();
    const stats = new StatsRecorder();
    const engine = createEngine(options, databases, stats, remoteSchemaUrls);
    await loadInitial(engine, { environment, options, persisted, remoteSchemaUrls }, options.dataDir !== undefined);
    const setRemoteSchemaSdl = (name: string, sdl: string) => {
      const remote = remotes.get(name);
      if (remote === undefined) throw new Error(`The environment started no remote schema server named "${name}".`);
      remote.setSdl(sdl);
    };
    return await serve(options, environment, engine, stats, { urls: remoteSchemaUrls, setSdl: setRemoteSchemaSdl, stop: stopRemotes });
  } catch (error) {
    await stopRemotes();
    throw error;
  }
}

/** The environment's remote schema servers, as the running server exposes them. */
interface EnvironmentRemotes {
  urls: Record<string, string>;
  setSdl(name: string, sdl: string): void;
  stop(): Promise<void>;
}

async function serve(
  options: HasuraServerOptions,
  environment: Environment | undefined,
  engine: Engine,
  stats: StatsRecorder,
  remotes: EnvironmentRemotes,
): Promise<RunningHasuraServer> {
  const serverVersion = options.serverVersion ?? defaultServerVersion;
  const profile = serverVersion.startsWith("v1.") ? "v1" : "v2";
  const faults = new Faults(options.faults);
  const adminSecret = options.adminSecret ?? environment?.adminSecret;
  const snapshot = () => stats.snapshot(engine.resourceVersion, engine.lockUsage());
  const resetStats = () => {
    stats.reset();
    engine.resetLockUsage();
  };
  resetStats();
  const server = createRouter({
    profile,
    serverVersion,
    api: { engine, faults, stats, profile, adminSecret },
    local: { adminSecret, faults, stats: snapshot, resetStats, setRemoteSchemaSdl: remotes.setSdl },
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    remoteSchemaUrls: remotes.urls,
    setRemoteSchemaSdl: remotes.setSdl,
    faults,
    stats: snapshot,
    resetStats,
    exportMetadata: () => exportedDocument(metadataJson(engine.metadata())),
    stop: async () => {
      await closeServer(server);
      await remotes.stop();
    },
  };
}
