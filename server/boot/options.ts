/**
 * The server's options and the handle of a running server: the types of server/index.ts's public
 * entry, kept here so that boot/ can use them without importing the entry that exports boot/.
 */
import type { SourcedMetadataDocument } from "../../model";
import type { TableSpec } from "../engine/catalog";
import type { FaultController, FaultSpec } from "../harness/faults";
import type { ServerStats } from "../harness/stats";
import type { SourceSpec } from "./environment";

/** How to start a server. Every field is optional. */
export interface HasuraServerOptions {
  /** TCP port; default 0 (a free port). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (loopback only). */
  host?: string;
  /** Admin secret; unset means no auth is required, as Hasura without an admin secret. */
  adminSecret?: string;
  /**
   * Path of an environment file (format of conformance/environment.yaml). Sets it up as the
   * conformance runner does: catalog, tracked tables, remote schema servers started from
   * `remote-schemas/*.graphql` beside it, and its `admin_secret` unless `adminSecret` is given.
   */
  environment?: string;
  /** Extra tables that exist in the `default` Postgres source (tracked or not). */
  database?: TableSpec[];
  /** Database sources besides `default`, each added at start with its tracked tables (after the environment's). */
  sources?: SourceSpec[];
  /** Tables tracked at start. */
  trackedTables?: { schema: string; name: string }[];
  /** Remote schemas added at start (introspected from `url`). */
  remoteSchemas?: { name: string; url: string }[];
  /** Directory that keeps the metadata across restarts (`metadata.json`, written atomically). */
  dataDir?: string;
  /** Base cost of one schema-cache rebuild, in ms (default 0). */
  rebuildMs?: number;
  /** Extra rebuild cost per metadata object, in ms (default 0). */
  rebuildMsPerObject?: number;
  /**
   * Cost of one source's catalog introspection, in ms (default 0), paid by a rebuild for each source
   * it reads again: every source for `replace_metadata`, those in `reload_sources` for
   * `reload_metadata`, and a source whose own metadata a command changed.
   */
  catalogIntrospectionMs?: number;
  /** What `GET /v1/version` answers; default `v2.48.3`. A `v1.` version makes the server behave as Hasura 1.3. */
  serverVersion?: string;
  /** Faults armed at start (off by default). */
  faults?: FaultSpec;
}

/** A running server. */
export interface RunningHasuraServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** Stops the server and the remote schema servers it started. */
  stop(): Promise<void>;
  /** Counters: requests by endpoint and type, commands, rebuilds, writes, resource version, lock, faults. */
  stats(): ServerStats;
  /** Sets the counters back to zero. */
  resetStats(): void;
  /** Fault injection control. */
  faults: FaultController;
  /** A deep copy of the current metadata as `export_metadata` v1 gives it (version 3), read as the model reads Hasura's. */
  exportMetadata(): SourcedMetadataDocument;
  /** Name to URL of the remote schema servers this server started (from its environment). */
  remoteSchemaUrls: Record<string, string>;
  /**
   * Makes the environment's remote schema server `name` serve `sdl` from now on, at the same URL, as
   * when a remote schema changes under Hasura. Hasura notices at `reload_metadata` (which then marks
   * the relationships that no longer fit inconsistent) or `reload_remote_schema` (which refuses).
   * Throws when there is no such server or the SDL is not a schema.
   */
  setRemoteSchemaSdl(name: string, sdl: string): void;
}
