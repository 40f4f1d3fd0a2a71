/**
 * What Hasura itself needs for the change an `up` of N relationships makes, sent straight to the
 * server as `hasura metadata apply` would: one `replace_metadata` (version 2) of the end state, one
 * rebuild. Also one `export_metadata` of the end state (what a refresh needs), and the
 * `replace_metadata` back to the start state (what a destroy needs).
 */
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../model";
import { exportRequest, replaceMetadataRequest } from "../provider/hasura/requests";
import { hasuraCall } from "../scripts/hasuraAdmin";
import type { RunningHasuraServer } from "../server";
import { measure } from "./measure";
import type { DirectFigures } from "./results";

/** The metadata document as `export_metadata` version 2 answers it, without its resource_version. */
export async function exportDocument(server: RunningHasuraServer, adminSecret: string): Promise<JsonObject> {
  const request = exportRequest("metadata");
  const answer = (await hasuraCall(server.url, adminSecret, request.body, request.path)) as { metadata: JsonObject };
  return answer.metadata;
}

/** With the server at `start`: replaces it with `end`, exports it, replaces it back, each measured; checks it is at `start` again. */
export async function measureDirect(server: RunningHasuraServer, adminSecret: string, start: JsonObject, end: JsonObject): Promise<DirectFigures> {
  const replace = (metadata: JsonObject) => {
    const request = replaceMetadataRequest(metadata, server.stats().resourceVersion);
    return hasuraCall(server.url, adminSecret, request.body, request.path);
  };
  const replaceToEnd = await measure(server, () => replace(end));
  const exportMetadata = await measure(server, () => exportDocument(server, adminSecret));
  const replaceToStart = await measure(server, () => replace(start));
  if (!isDeepStrictEqual(await exportDocument(server, adminSecret), start))
    throw new Error("The server's metadata is not back at the start state after replace_metadata.");
  return { exportMetadata, replaceToEnd, replaceToStart, documentBytes: Buffer.byteLength(JSON.stringify(end)) };
}
