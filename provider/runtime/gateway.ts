/**
 * One Hasura endpoint as the provider process sees it: its HTTP client, the API it is called through
 * (decided once), its snapshot of the metadata shared by reads, and its writes, one at a time and,
 * where Hasura allows, many changes in one.
 */
import { parseExportAnswer, type JsonObject, type MetadataSnapshot } from "../../model";
import { createHasuraClient, type CallContext, type HasuraClient } from "../hasura/client";
import { isWriteAcknowledged } from "../hasura/answers";
import { hasuraError } from "../hasura/errors";
import { chooseApi, exportRequest, type ApiMode, type HasuraRequest } from "../hasura/requests";
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
  /** Applies one relationship's change: observe, plan, write, until done; folded together with others where Hasura allows. */
  apply(change: Change): Promise<Step>;
  /** Runs `work` when every earlier exclusive work on this endpoint from this process has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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

  const api = (context: CallContext) => {
    if (mode === undefined) {
      mode = settings.api === "auto" ? client.version(context).then((version) => chooseApi("auto", version)) : Promise.resolve(settings.api);
      // A failed version call is not remembered: the next call asks again.
      mode.catch(() => (mode = undefined));
    }
    return mode;
  };

  const exportNow = async (context: CallContext): Promise<MetadataSnapshot> => {
    const request = exportRequest(await api(context));
    const body = await client.read(request.path, request.body, { ...context, command: "export_metadata" });
    const parsed = parseExportAnswer(body, request.path === "/v1/metadata" ? "versioned" : "bare");
    if (!parsed.ok) throw unexpectedAnswer({ ...context, command: "export_metadata" }, parsed.reason, false);
    cached = { snapshot: parsed.value, at: Date.now() };
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
      // Whatever happens, what this process knew of the metadata is out of date now.
      cached = undefined;
      const body = await client.write(request.path, request.body, context);
      if (!isWriteAcknowledged(body)) throw unexpectedAnswer({ ...context, command: String(request.body.type) }, `it says ${describeBody(body)}`, true);
    },
    remember: (snapshot) => {
      cached = { snapshot, at: Date.now() };
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

/** A short, safe description of an answer body for a message. */
function describeBody(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text === undefined ? "an empty answer" : text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** The metadata after this process replaced it with `metadata` at `resourceVersion`: Hasura stores it as sent and adds one to the version. */
export function snapshotAfterReplace(metadata: JsonObject, resourceVersion: number): MetadataSnapshot {
  return { metadata, resourceVersion: resourceVersion + 1 };
}
