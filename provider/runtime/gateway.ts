/**
 * One Hasura endpoint as the provider process sees it: its HTTP client, the API it is called through
 * (decided once), its snapshot of the metadata shared by reads, and its writes, one at a time and,
 * where Hasura allows, many changes in one.
 */
import { parseExportAnswer, parseInconsistencies, type InconsistentObject, type MetadataDocument, type MetadataSnapshot } from "../../model";
import { createHasuraClient, type CallContext, type HasuraClient } from "../hasura/client";
import { isWriteAcknowledged } from "../hasura/answers";
import { hasuraError, isHasuraError } from "../hasura/errors";
import { chooseApi, exportRequest, inconsistenciesRequest, introspectRemoteSchemaRequest, type ApiMode, type HasuraRequest } from "../hasura/requests";
import { defaultRetryPolicy } from "../hasura/retryPolicy";
import type { Step } from "../plans";
import { createCoalescer } from "./coalescer";
import { convergeAlone, type Change } from "./converge";
import type { ProviderSettings } from "./settings";

/** What the provider methods use to talk to one Hasura. */
export interface Gateway {
  readonly endpoint: string;
  readonly settings: ProviderSettings;
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
   * Hasura's inconsistent objects, asked once for all the reads of one operation: shared and kept
   * like the snapshot, and forgotten after a write.
   */
  inconsistencies(context: CallContext): Promise<readonly InconsistentObject[]>;
  /**
   * The remote schema named `name` as Hasura sees it (`introspect_remote_schema`), asked once per
   * process however many relationships use it; `missing` when Hasura has no such remote schema,
   * `unsupported` on the /v1/query API (Hasura 1.x), which cannot be asked.
   */
  remoteSchema(name: string, context: CallContext): Promise<RemoteSchemaLookup>;
  /** Applies one relationship's change: observe, plan, write, until done; folded together with others where Hasura allows. */
  apply(change: Change): Promise<Step>;
  /** Runs `work` when every earlier exclusive work on this endpoint from this process has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What Hasura says of a remote schema: its introspection answer, or that it has none by that name. */
export type RemoteSchemaLookup = { readonly kind: "found"; readonly introspection: unknown } | { readonly kind: "missing" } | { readonly kind: "unsupported" };

/** Opens the gateway to one endpoint; nothing is sent until a method is called. */
export function openGateway(endpoint: string, settings: ProviderSettings): Gateway {
  const client: HasuraClient = createHasuraClient({
    endpoint,
    adminSecret: settings.adminSecret,
    connectTimeoutMs: settings.connectTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxResponseBytes: settings.maxResponseBytes,
    retry: defaultRetryPolicy({ maxRetries: settings.maxRetries }),
    // The dynamic provider host passes stderr through to the engine, which shows it as progress.
    onRetry: (message) => process.stderr.write(`${message}\n`),
  });
  let mode: Promise<ApiMode> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  let cached: { readonly snapshot: MetadataSnapshot; readonly at: number } | undefined;
  let reading: Promise<MetadataSnapshot> | undefined;
  const remoteSchemas = new Map<string, Promise<RemoteSchemaLookup>>();
  let inconsistent: { readonly objects: Promise<readonly InconsistentObject[]>; readonly at: number } | undefined;
  // Bumped whenever what this process knows of the metadata changes under it: when a write starts and
  // when it ends (whatever its outcome), and when a write's result is remembered. A read that was
  // sent in an earlier generation may describe the metadata before the write; it answers its own
  // caller (who asked while the write was under way) but is not kept for anyone after.
  let generation = 0;
  const forgetWhatWasRead = () => {
    generation += 1;
    cached = undefined;
    reading = undefined;
    inconsistent = undefined;
  };

  const askInconsistencies = async (context: CallContext): Promise<readonly InconsistentObject[]> => {
    const request = inconsistenciesRequest(await api(context));
    const body = await client.read(request.path, request.body, { ...context, command: "get_inconsistent_metadata" });
    const parsed = parseInconsistencies(body);
    if (!parsed.ok) throw unexpectedAnswer({ ...context, command: "get_inconsistent_metadata" }, parsed.reason, false);
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

  const api = (context: CallContext) => {
    if (mode === undefined) {
      mode = settings.api === "auto" ? client.version(context).then((version) => chooseApi("auto", version)) : Promise.resolve(settings.api);
      // A failed version call is not remembered: the next call asks again.
      mode.catch(() => (mode = undefined));
    }
    return mode;
  };

  const exportNow = async (context: CallContext): Promise<MetadataSnapshot> => {
    const sentIn = generation;
    const request = exportRequest(await api(context));
    const body = await client.read(request.path, request.body, { ...context, command: "export_metadata" });
    const parsed = parseExportAnswer(body, request.path === "/v1/metadata" ? "versioned" : "bare");
    if (!parsed.ok) throw unexpectedAnswer({ ...context, command: "export_metadata" }, parsed.reason, false);
    if (generation === sentIn) cached = { snapshot: parsed.value, at: Date.now() };
    return parsed.value;
  };

  const unexpectedAnswer = (context: CallContext, what: string, uncertain: boolean) =>
    hasuraError({ ...context, endpoint, code: "unexpected-answer", error: what, uncertain }, [settings.adminSecret]);

  const gateway: Gateway = {
    endpoint,
    settings,
    api,
    observe: (context, options = {}) => {
      if (!options.fresh && cached !== undefined && Date.now() - cached.at < settings.snapshotMaxAgeMs) return Promise.resolve(cached.snapshot);
      if (!options.fresh && reading !== undefined) return reading;
      const read = exportNow(context);
      reading = read;
      const done = () => {
        if (reading === read) reading = undefined;
      };
      read.then(done, done);
      return read;
    },
    write: async (request, context) => {
      // Whatever happens, what this process knew of the metadata is out of date now, and so is
      // anything read while the write was under way.
      forgetWhatWasRead();
      try {
        const body = await client.write(request.path, request.body, context);
        if (!isWriteAcknowledged(body)) throw unexpectedAnswer({ ...context, command: String(request.body.type) }, `it says ${describeBody(body)}`, true);
      } finally {
        forgetWhatWasRead();
      }
    },
    remember: (snapshot) => {
      forgetWhatWasRead();
      cached = { snapshot, at: Date.now() };
    },
    inconsistencies: (context) => {
      if (inconsistent === undefined || Date.now() - inconsistent.at >= settings.snapshotMaxAgeMs) {
        const objects = askInconsistencies(context);
        const entry = { objects, at: Date.now() };
        inconsistent = entry;
        objects.catch(() => {
          if (inconsistent === entry) inconsistent = undefined;
        });
      }
      return inconsistent.objects;
    },
    remoteSchema: (name, context) => {
      let lookup = remoteSchemas.get(name);
      if (lookup === undefined) {
        lookup = lookUpRemoteSchema(name, context);
        remoteSchemas.set(name, lookup);
        // A failed lookup is not remembered: the next relationship asks again.
        lookup.catch(() => remoteSchemas.delete(name));
      }
      return lookup;
    },
    apply: (change) => coalescer.submit(change),
    exclusive: <T>(work: () => Promise<T>) => {
      const run = tail.then(work, work);
      tail = run.catch(() => undefined);
      return run;
    },
    close: () => client.close(),
  };
  const coalescer = createCoalescer(gateway, (change) => convergeAlone(gateway, change));
  return gateway;
}

/** An answer body for a message, whole: the error redacts it first and only then shortens it, so no part of a secret survives a cut. */
function describeBody(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text === undefined ? "an empty answer" : text;
}

/** The metadata after this process replaced it with `metadata` at `resourceVersion`: Hasura stores it as sent and adds one to the version. */
export function snapshotAfterReplace(metadata: MetadataDocument, resourceVersion: number): MetadataSnapshot {
  return { metadata, resourceVersion: resourceVersion + 1 };
}
