/**
 * One Hasura endpoint as the provider process sees it: its HTTP client, the API it is called through
 * (decided once), and its queue of writes. Every resource of the process shares it.
 */
import { parseExportAnswer, type MetadataSnapshot } from "../../model";
import { createHasuraClient, type CallContext, type HasuraClient } from "../hasura/client";
import { hasuraError } from "../hasura/errors";
import { chooseApi, exportRequest, type ApiMode, type HasuraRequest } from "../hasura/requests";
import { defaultRetryPolicy } from "../hasura/retryPolicy";
import type { ProviderSettings } from "./settings";

/** What the provider methods use to talk to one Hasura. */
export interface Gateway {
  readonly endpoint: string;
  readonly settings: ProviderSettings;
  /** The API this endpoint is called through: the setting, or what its `/v1/version` says. */
  api(context: CallContext): Promise<ApiMode>;
  /** The whole metadata now, with the `resource_version` it was read at; an answer that is not Hasura's is an error. */
  observe(context: CallContext): Promise<MetadataSnapshot>;
  /** Sends one metadata write; never retried here, since only a re-read can tell whether it applied. */
  write(request: HasuraRequest, context: CallContext): Promise<unknown>;
  /**
   * Runs `work` when every earlier exclusive work on this endpoint from this process has finished.
   * Hasura applies metadata writes one at a time behind one lock anyway; queueing them here as well
   * means the engine's parallel creates do not race each other's `resource_version` into 409s.
   */
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
    retry: defaultRetryPolicy({ maxRetries: settings.maxRetries }),
    // The dynamic provider host passes stderr through to the engine, which shows it as progress.
    onRetry: (message) => process.stderr.write(`${message}\n`),
  });
  let mode: Promise<ApiMode> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  const api = (context: CallContext) => {
    if (mode === undefined) {
      mode = settings.api === "auto" ? client.version(context).then((version) => chooseApi("auto", version)) : Promise.resolve(settings.api);
      // A failed version call is not remembered: the next call asks again.
      mode.catch(() => (mode = undefined));
    }
    return mode;
  };

  return {
    endpoint,
    settings,
    api,
    observe: async (context) => {
      const request = exportRequest(await api(context));
      const body = await client.read(request.path, request.body, context);
      const parsed = parseExportAnswer(body, request.path === "/v1/metadata" ? "versioned" : "bare");
      if (parsed.ok) return parsed.value;
      throw hasuraError({ ...context, endpoint, code: "unexpected-answer", error: `export_metadata did not answer with Hasura's metadata: ${parsed.reason}` });
    },
    write: (request, context) => client.write(request.path, request.body, context),
    exclusive: <T>(work: () => Promise<T>) => {
      const run = tail.then(work, work);
      tail = run.catch(() => undefined);
      return run;
    },
    close: () => client.close(),
  };
}
