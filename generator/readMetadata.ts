/**
 * Reads a live Hasura's metadata with the provider's own client and API choice: `export_metadata` on
 * `/v1/metadata` (version 2) for Hasura v2.0.10 and newer, on `/v1/query` for older servers. Every
 * failure becomes one line that says what to do.
 */
import { parseExportAnswer, type MetadataSnapshot } from "../model";
import { createHasuraClient } from "../provider/hasura/client";
import { isHasuraError, type HasuraError } from "../provider/hasura/errors";
import { chooseApi, exportRequest, type ApiMode } from "../provider/hasura/requests";
import { defaultRetryPolicy } from "../provider/hasura/retryPolicy";
import { GeneratorError } from "./errors";

/** The metadata, and how it was read. */
export interface ReadMetadata {
  readonly snapshot: MetadataSnapshot;
  readonly api: ApiMode;
  /** The server's version, when it says. */
  readonly version?: string;
}

const context = { operation: "read" };

/** Reads the whole metadata of the Hasura at `endpoint`; throws a GeneratorError with the fix. */
export async function readMetadata(endpoint: string, adminSecret: string | undefined): Promise<ReadMetadata> {
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
    if (!parsed.ok) {
      throw new GeneratorError(
        `The answer of ${endpoint} to export_metadata is not Hasura's metadata: ${parsed.reason}. Check that --endpoint is Hasura's base URL.`,
      );
    }
    return { snapshot: parsed.value, api, version };
  } catch (error) {
    throw isHasuraError(error) ? explain(error, endpoint, adminSecret !== undefined) : error;
  } finally {
    await client.close();
  }
}

/** A HasuraError as the generator's one line: what happened, then the fix. */
export function explain(error: HasuraError, endpoint: string, sentSecret: boolean): GeneratorError {
  if (error.code === "access-denied" || error.status === 401 || error.status === 403) {
    return new GeneratorError(
      sentSecret
        ? `Hasura at ${endpoint} refused the admin secret (${error.error}). Set HASURA_GRAPHQL_ADMIN_SECRET to the admin secret this Hasura runs with, and run again.`
        : `Hasura at ${endpoint} needs its admin secret (${error.error}). Set HASURA_GRAPHQL_ADMIN_SECRET to it, and run again.`,
    );
  }
  if (error.code === "transport") {
    return new GeneratorError(
      `Cannot reach Hasura at ${endpoint} (${error.error}). Check --endpoint (Hasura's base URL, such as http://localhost:8080) and that Hasura is running.`,
    );
  }
  if (error.code === "unexpected-answer" || error.status === 404) {
    return new GeneratorError(
      `${endpoint} did not answer as Hasura does (${error.error}). Check that --endpoint is Hasura's base URL, not a console or proxy page.`,
    );
  }
  return new GeneratorError(`Hasura at ${endpoint} could not export its metadata: ${error.status ?? ""} ${error.code}: ${error.error}`);
}
