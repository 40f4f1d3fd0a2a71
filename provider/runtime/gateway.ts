/**
 * One Hasura endpoint as the provider process sees it: its HTTP client, and what is read from it and
 * shared (the API it is called through, its metadata, its inconsistent objects, its remote schemas,
 * its database sources' catalogs), each kept by its own rule. It sends a write when told to and forgets what a write may have
 * changed; deciding what to write is the writes' business (./writes.ts), and when, the coalescer's.
 */
import {
  catalogOfRunSqlAnswer,
  catalogScope,
  catalogSql,
  parseExportAnswer,
  parseInconsistencies,
  sourceKind,
  sourcesPart,
  type InconsistentObject,
  type MetadataDocument,
  type MetadataSnapshot,
  type SourceCatalog,
} from "../../model";
import { isWriteAcknowledged } from "../hasura/answers";
import { createHasuraClient } from "../hasura/client";
import type { SentCredentials } from "../hasura/credentials";
import { forCaller, hasuraError, isHasuraError, type CallContext } from "../hasura/errors";
import {
  chooseApi,
  exportRequest,
  inconsistenciesRequest,
  introspectRemoteSchemaRequest,
  readOnlySqlRequest,
  type ApiMode,
  type HasuraRequest,
} from "../hasura/requests";
import { defaultRetryPolicy, type RetryPolicy } from "../hasura/retryPolicy";
import { warnOnce } from "./engineLog";
import type { ProviderSettings } from "./settings";
import { keyedSingleFlight, singleFlight } from "./singleFlight";
import { isBehind, newestVersion, recheckPauseMs, systemClock, type GatewayClock } from "./staleReads";

/** What the provider methods use to talk to one Hasura. */
export interface Gateway {
  readonly endpoint: string;
  readonly settings: ProviderSettings;
  /** The one retry policy of this endpoint: the client's retries of reads, and the backoff of writes that try again. */
  readonly retry: RetryPolicy;
  /** The API this endpoint is called through: the setting, or what its `/v1/version` says. */
  api(context: CallContext): Promise<ApiMode>;
  /**
   * The whole metadata, with the `resource_version` it was read at. Concurrent calls share one
   * `export_metadata`, and its answer serves later calls for `snapshotMaxAgeMs` unless a write
   * changed it; `fresh` asks Hasura again. An answer that is not Hasura's is an error.
   */
  observe(context: CallContext, options?: { readonly fresh?: boolean }): Promise<MetadataSnapshot>;
  /** Sends one metadata write; never retried here, since only a re-read can tell whether it applied. */
  write(request: HasuraRequest, context: CallContext): Promise<void>;
  /** Takes what this process knows the metadata to be after a write it made, for the next observe. */
  remember(snapshot: MetadataSnapshot): void;
  /**
   * A second look at metadata a caller doubts (it lacks what the caller's state says is there): after
   * a short pause, one fresh `export_metadata`, shared by every caller that doubts the same answer.
   */
  recheck(doubted: MetadataSnapshot, context: CallContext): Promise<MetadataSnapshot>;
  /** Hasura's inconsistent objects, asked once for all the reads of one operation: shared and kept like the snapshot, and forgotten after a write. */
  inconsistencies(context: CallContext): Promise<readonly InconsistentObject[]>;
  /**
   * The remote schema named `name` as Hasura sees it (`introspect_remote_schema`), asked once per
   * process however many relationships use it; `missing` when Hasura has no such remote schema,
   * `unsupported` on the /v1/query API (Hasura 1.x), which cannot be asked.
   */
  remoteSchema(name: string, context: CallContext): Promise<RemoteSchemaLookup>;
  /**
   * What the metadata said of the database sources when the first call read it (their kinds, tracked
   * tables and computed fields; model's `sourcesPart`, nothing else): the provider changes none of
   * those, so one read serves the process however many relationships are checked and whatever is
   * written meanwhile.
   */
  sources(context: CallContext): Promise<MetadataDocument>;
  /**
   * The catalog of database source `source` as its database shows an admin: one read-only `run_sql`
   * of the catalog query over the tables the source tracks and their computed fields' functions (as
   * `sources` has them), asked once per process per source however many relationships use it.
   * `missing` when the metadata has no such source; `unsupported`, with why, for a kind of source
   * whose `run_sql` is not Postgres's, or on the /v1/query API (Hasura 1.x).
   */
  sourceCatalog(source: string, context: CallContext): Promise<SourceCatalogLookup>;
  close(): Promise<void>;
}

/** What Hasura shows of a database source's catalog. */
export type SourceCatalogLookup =
  { readonly kind: "found"; readonly catalog: SourceCatalog } | { readonly kind: "missing" } | { readonly kind: "unsupported"; readonly why: string };

/** What Hasura says of a remote schema: its introspection answer, or that it has none by that name. */
export type RemoteSchemaLookup = { readonly kind: "found"; readonly introspection: unknown } | { readonly kind: "missing" } | { readonly kind: "unsupported" };

/** What a gateway is told besides its settings. */
export interface GatewayOptions {
  /** This endpoint's own admin secret, if it has one: the gateway sends no other. */
  readonly adminSecret?: string;
  /** What the calls carry and where this Hasura's secret is set, for the fix when Hasura refuses them. */
  readonly credentials?: SentCredentials;
  /** The clock that ages the kept answers and paces second looks. */
  readonly clock?: GatewayClock;
  /** Told how long each `export_metadata` took, in ms: what a change written alone pays to plan on fresh metadata. */
  readonly onExported?: (ms: number) => void;
}

/** Opens the gateway to one endpoint; nothing is sent until a method is called. */
export function openGateway(endpoint: string, settings: ProviderSettings, options: GatewayOptions = {}): Gateway {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const adminSecret = options.adminSecret;
  const retry = defaultRetryPolicy({ maxRetries: settings.maxRetries });
  const client = createHasuraClient({
    endpoint,
    adminSecret,
    credentials: options.credentials,
    connectTimeoutMs: settings.connectTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxResponseBytes: settings.maxResponseBytes,
    retry,
    // The dynamic provider host passes stderr through to the engine, which shows it as progress.
    onRetrying: (message) => process.stderr.write(`${message}\n`),
  });

  // Each shared read is kept by its own rule. Every one forgets a failed read, so the next caller asks again.
  // The API: for the life of the process; what a server is does not change under it.
  const apiMode = singleFlight<ApiMode>({ keepMs: Infinity, now });
  // The metadata: for snapshotMaxAgeMs, and forgotten when this process writes.
  const snapshot = singleFlight<MetadataSnapshot>({ keepMs: settings.snapshotMaxAgeMs, now });
  // The inconsistent objects: like the metadata, of which they are a view.
  const inconsistent = singleFlight<readonly InconsistentObject[]>({ keepMs: settings.snapshotMaxAgeMs, now });
  // Each remote schema: for the life of the process; the provider never writes one.
  const remoteSchemas = keyedSingleFlight<string, RemoteSchemaLookup>({ keepMs: Infinity, now });
  // The sources and each one's catalog: for the life of the process; the provider writes only relationships.
  const sources = singleFlight<MetadataDocument>({ keepMs: Infinity, now });
  const catalogs = keyedSingleFlight<string, SourceCatalogLookup>({ keepMs: Infinity, now });

  // A write may change what was read, and what was read while it was under way may describe the
  // metadata before it: both are forgotten when a write starts and again when it ends.
  const forgetWhatWasRead = () => {
    snapshot.invalidate();
    inconsistent.invalidate();
  };

  /**
   * A shared read, for one caller: its failure is told to each caller that shared it under that
   * caller's own operation and resource, never under the one whose call started it.
   */
  const shared = async <T>(read: Promise<T>, context: CallContext): Promise<T> => {
    try {
      return await read;
    } catch (error) {
      throw forCaller(error, context);
    }
  };

  const api = (context: CallContext) =>
    shared(
      apiMode.get(async () => (settings.api === "auto" ? chooseApi("auto", await client.version(context)) : settings.api)),
      context,
    );

  const unexpectedAnswer = (context: CallContext, command: string, what: string, uncertain: boolean) =>
    hasuraError({ endpoint, code: "unexpected-answer", error: what, uncertain }, { ...context, command }, [adminSecret]);

  const exportOnce = async (context: CallContext): Promise<MetadataSnapshot> => {
    const request = exportRequest(await api(context));
    const started = performance.now();
    const body = await client.read(request.path, request.body, { ...context, command: "export_metadata" });
    options.onExported?.(performance.now() - started);
    const parsed = parseExportAnswer(body, request.path === "/v1/metadata" ? "versioned" : "bare");
    if (!parsed.ok) throw unexpectedAnswer(context, "export_metadata", parsed.reason, false);
    return parsed.value;
  };

  // The newest resource_version this process has seen here, read or written: metadata never goes back,
  // so an answer below it comes from behind (a replica that lags) and is read again before it is believed.
  let newest: number | undefined;
  const exportMetadata = async (context: CallContext): Promise<MetadataSnapshot> => {
    const first = await exportOnce(context);
    if (!isBehind(newest, first)) {
      newest = newestVersion(newest, first);
      return first;
    }
    await clock.sleep(recheckPauseMs);
    const second = await exportOnce(context);
    if (isBehind(newest, second)) {
      warnOnce(
        `behind ${endpoint}`,
        `Hasura at ${endpoint} answered export_metadata at resource_version ${String(second.resourceVersion)}, twice, after this run had seen ${String(newest)}: metadata never goes back, so a server behind it lags (a replica behind a load balancer?), or its metadata was restored. Its answer is taken as it is.`,
      );
      newest = second.resourceVersion;
      return second;
    }
    newest = newestVersion(newest, second);
    return second;
  };
  // The second looks under way or done, by the answer they doubt, so that every caller doubting it shares one.
  const rechecks = new WeakMap<MetadataSnapshot, Promise<MetadataSnapshot>>();

  const askInconsistencies = async (context: CallContext): Promise<readonly InconsistentObject[]> => {
    const request = inconsistenciesRequest(await api(context));
    const body = await client.read(request.path, request.body, { ...context, command: "get_inconsistent_metadata" });
    const parsed = parseInconsistencies(body);
    if (!parsed.ok) throw unexpectedAnswer(context, "get_inconsistent_metadata", parsed.reason, false);
    return parsed.value;
  };

  const lookUpRemoteSchema = async (name: string, context: CallContext): Promise<RemoteSchemaLookup> => {
    if ((await api(context)) === "query") return { kind: "unsupported" };
    const request = introspectRemoteSchemaRequest(name);
    try {
      return { kind: "found", introspection: await client.read(request.path, request.body, { ...context, command: "introspect_remote_schema" }) };
    } catch (error) {
      // Hasura answers a name it does not know with 400 not-exists.
      if (isHasuraError(error) && error.code === "not-exists") return { kind: "missing" };
      throw error;
    }
  };

  const readSources = (context: CallContext) =>
    shared(
      sources.get(async () => sourcesPart((await snapshot.get(() => exportMetadata(context))).metadata)),
      context,
    );

  const readCatalog = async (source: string, context: CallContext): Promise<SourceCatalogLookup> => {
    const metadata = await readSources(context);
    const kind = sourceKind(metadata, source);
    if (metadata.sources !== undefined && !metadata.sources.some((candidate) => candidate.name === source)) return { kind: "missing" };
    if ((await api(context)) === "query") return { kind: "unsupported", why: "Hasura 1.x's /v1/query API" };
    const request = readOnlySqlRequest(kind ?? "postgres", source, catalogSql(catalogScope(metadata, source)));
    if (request === undefined) return { kind: "unsupported", why: `a ${kind} source, whose run_sql is not Postgres's` };
    const body = await client.read(request.path, request.body, { ...context, command: String(request.body.type) });
    const parsed = catalogOfRunSqlAnswer(body);
    if (!parsed.ok) throw unexpectedAnswer(context, String(request.body.type), parsed.reason, false);
    return { kind: "found", catalog: parsed.value };
  };

  return {
    endpoint,
    settings,
    retry,
    api,
    observe: (context, options = {}) =>
      shared(
        snapshot.get(() => exportMetadata(context), options),
        context,
      ),
    write: async (request, context) => {
      forgetWhatWasRead();
      try {
        const body = await client.write(request.path, request.body, context);
        if (!isWriteAcknowledged(body)) throw unexpectedAnswer(context, String(request.body.type), `it says ${describeBody(body)}`, true);
      } finally {
        forgetWhatWasRead();
      }
    },
    remember: (known) => {
      forgetWhatWasRead();
      newest = newestVersion(newest, known);
      snapshot.set(known);
    },
    recheck: (doubted, context) => {
      let second = rechecks.get(doubted);
      if (second === undefined) {
        second = clock.sleep(recheckPauseMs).then(() => snapshot.get(() => exportMetadata(context), { fresh: true }));
        rechecks.set(doubted, second);
      }
      return shared(second, context);
    },
    inconsistencies: (context) =>
      shared(
        inconsistent.get(() => askInconsistencies(context)),
        context,
      ),
    remoteSchema: (name, context) =>
      shared(
        remoteSchemas.get(name, () => lookUpRemoteSchema(name, context)),
        context,
      ),
    sources: readSources,
    sourceCatalog: (source, context) =>
      shared(
        catalogs.get(source, () => readCatalog(source, context)),
        context,
      ),
    close: () => client.close(),
  };
}

/** An answer body for a message, whole: the error redacts it first and only then shortens it, so no part of a secret survives a cut. */
function describeBody(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text === undefined ? "an empty answer" : text;
}
