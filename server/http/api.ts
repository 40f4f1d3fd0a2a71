/**
 * `POST /v1/metadata` and `POST /v1/query` in Hasura's order: injected failures first (they stand
 * for trouble in front of the server), then authentication (401), the JSON body (`invalid-json`),
 * the command parse (`parse-failed`), the admin-role check (`access-denied`), and only then the
 * command under the metadata lock, with connection resets and answer delays injected around it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { parseRequest } from "../commands/parseRequest";
import type { Engine } from "../engine/engine";
import type { Endpoint } from "../engine/state";
import { apiError, err400, isApiError, type ApiError } from "../base/apiError";
import type { Faults } from "../harness/faults";
import { errorMessage, isJsonObject, type JsonValue } from "../../model";
import type { Profile } from "../schemaCache/inconsistency";
import type { StatsRecorder } from "../harness/stats";
import { authenticate } from "./auth";
import { readBody, resetConnection, sendError, sendJson } from "./respond";

/** What the API handler needs from the server. */
export interface ApiContext {
  engine: Engine;
  faults: Faults;
  stats: StatsRecorder;
  profile: Profile;
  adminSecret?: string;
}

function injectedFailure(status: number, body: JsonValue, engine: Engine): ApiError {
  if (status === 409) {
    const sent = isJsonObject(body) && typeof body.resource_version === "number" ? body.resource_version : engine.resourceVersion - 1;
    return apiError({ status: 409, code: "conflict", error: `metadata resource version referenced (${sent}) did not match current version`, path: [] });
  }
  if (status === 401) return apiError({ status: 401, code: "access-denied", error: "invalid x-hasura-admin-secret/x-hasura-access-key", path: [] });
  return apiError({ status, code: status >= 500 ? "unexpected" : "bad-request", error: `injected fault: HTTP ${status}`, path: [] });
}

/** The body as JSON, or the `invalid-json` error to answer once the caller is authenticated. */
function parseBody(text: string): { json: JsonValue } | { error: ApiError } {
  try {
    const json: JsonValue = JSON.parse(text);
    return { json };
  } catch (error) {
    return { error: err400("invalid-json", `Error in $: ${errorMessage(error)}`) };
  }
}

function requestType(body: JsonValue): string {
  if (isJsonObject(body) && typeof body.type === "string") return body.type;
  return "<unparsed>";
}

/** Handles one API request end to end. */
export async function handleApi(context: ApiContext, endpoint: Endpoint, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = parseBody(await readBody(request));
  context.stats.request(`${endpoint} ${"json" in body ? requestType(body.json) : "<unparsed>"}`);
  const failure = context.faults.takeFailure();
  if (failure !== undefined) {
    context.stats.fault("failed");
    return sendError(response, injectedFailure(failure, "json" in body ? body.json : null, context.engine), true);
  }
  const auth = authenticate(request.headers, context.adminSecret);
  if ("error" in auth) return sendError(response, auth.error, false);
  const isAdmin = auth.role === "admin";
  if ("error" in body) return sendError(response, body.error, isAdmin);
  let parsed;
  try {
    parsed = parseRequest(body.json, endpoint, context.profile);
  } catch (error) {
    if (isApiError(error)) return sendError(response, error, isAdmin);
    throw error;
  }
  if (!isAdmin) return sendError(response, apiError({ status: 400, code: "access-denied", error: "restricted access : admin only", path: ["args"] }), false);
  const isWrite = parsed.command.modifiesMetadata;
  if (isWrite && context.faults.takeReset("before-write")) {
    context.stats.fault("resetBeforeWrite");
    return resetConnection(request);
  }
  const outcome = await context.engine.execute(endpoint, parsed.command, parsed.resourceVersion);
  if (isWrite && context.faults.takeReset("after-write")) {
    context.stats.fault("resetAfterWrite");
    return resetConnection(request);
  }
  const delay = context.faults.answerDelay();
  if (delay > 0) {
    context.stats.fault("delayed");
    await sleep(delay);
  }
  if ("error" in outcome) return sendError(response, outcome.error, true);
  sendJson(response, 200, outcome.body);
}
