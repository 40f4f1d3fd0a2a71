/**
 * Reads what a live Hasura holds with the provider's own client and API choice: its metadata
 * (`export_metadata` on `/v1/metadata`, version 2, for Hasura v2.0.10 and newer, on `/v1/query` for
 * older servers) and what it cannot build (`get_inconsistent_metadata`). Every failure becomes one
 * line that says what to do.
 */
import { parseExportAnswer, parseInconsistencies, type InconsistentObject, type MetadataSnapshot } from "../model";
import { createHasuraClient } from "../provider/hasura/client";
import { isHasuraError, type HasuraError } from "../provider/hasura/errors";
import { chooseApi, exportRequest, inconsistenciesRequest, type ApiMode } from "../provider/hasura/requests";
import { defaultRetryPolicy } from "../provider/hasura/retryPolicy";
import { CommandError } from "./errors";

/** The metadata, what of it Hasura cannot build, and how it was read. */
export interface LiveHasura {
  readonly snapshot: MetadataSnapshot;
  /** Hasura's inconsistent objects, each with its reason. */
  readonly inconsistencies: readonly InconsistentObject[];
  readonly api: ApiMode;
  /** The server's version, when it says. */
  readonly version?: string;
}

const context = { operation: "read" };

/** Reads the whole metadata of the Hasura at `endpoint` and its inconsistencies; throws a CommandError with the fix. */
export async function readLiveHasura(endpoint: string, adminSecret: string | undefined): Promise<LiveHasura> {
  const client = createHasuraClient({
    endpoint,
    adminSecret,
    connectTimeoutMs: 10_000,
    requestTimeoutMs: 120_000,
    maxResponseBytes: 256 * 1024 * 1024,
    // One quick retry: a person is waiting, and a Hasura that is down stays down for a while.
    retry: defaultRetryPolicy({ maxRetries: 1 }),
  });
  try {
    const version = await client.version(context);
    const api = chooseApi("auto", version);
    const request = exportRequest(api);
    const answer = await client.read(request.path, request.body, { ...context, command: "export_metadata" });
    const parsed = parseExportAnswer(answer, api === "metadata" ? "versioned" : "bare");
    if (!parsed.ok) throw notHasura(endpoint, "export_metadata", parsed.reason);
    const inconsistencies = inconsistenciesRequest(api);
    const listed = parseInconsistencies(await client.read(inconsistencies.path, inconsistencies.body, { ...context, command: "get_inconsistent_metadata" }));
    if (!listed.ok) throw notHasura(endpoint, "get_inconsistent_metadata", listed.reason);
    return { snapshot: parsed.value, inconsistencies: listed.value, api, version };
  } catch (error) {
    throw isHasuraError(error) ? explain(error, endpoint, adminSecret !== undefined) : error;
  } finally {
    await client.close();
  }
}

function notHasura(endpoint: string, command: string, reason: string): CommandError {
  return new CommandError(`The answer of ${endpoint} to ${command} is not Hasura's: ${reason}. Check that --endpoint is Hasura's base URL.`);
}

/** A HasuraError as the bin's one line: what happened, then the fix. */
export function explain(error: HasuraError, endpoint: string, sentSecret: boolean): CommandError {
  if (error.code === "access-denied" || error.status === 401 || error.status === 403) {
    return new CommandError(
      sentSecret
        ? `Hasura at ${endpoint} refused the admin secret (${error.error}). Set HASURA_GRAPHQL_ADMIN_SECRET to the admin secret this Hasura runs with, and run again.`
        : `Hasura at ${endpoint} needs its admin secret (${error.error}). Set HASURA_GRAPHQL_ADMIN_SECRET to it, and run again.`,
    );
  }
  if (error.code === "transport") {
    return new CommandError(
      `Cannot reach Hasura at ${endpoint} (${error.error}). Check --endpoint (Hasura's base URL, such as http://localhost:8080) and that Hasura is running.`,
    );
  }
  if (error.code === "unexpected-answer" || error.status === 404) {
    return new CommandError(
      `${endpoint} did not answer as Hasura does (${error.error}). Check that --endpoint is Hasura's base URL, not a console or proxy page.`,
    );
  }
  const call = error.command ?? "export_metadata";
  // An answer with no Hasura error in it comes from something else: a web server, or a proxy whose Hasura is down.
  if (error.code.startsWith("http-")) {
    return new CommandError(
      `${endpoint} answered ${call} with HTTP ${error.status ?? error.code.slice("http-".length)} and no Hasura error (${error.error}). Check --endpoint (Hasura's base URL, such as http://localhost:8080) and that Hasura is running behind any proxy in front of it.`,
    );
  }
  return new CommandError(
    `Hasura at ${endpoint} refused ${call}: ${error.status ?? ""} ${error.code}: ${error.error.replace(/[^.!?]$/, "$&.")} Check Hasura's log for why, and run again.`,
  );
}
