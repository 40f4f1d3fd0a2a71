/**
 * The server's own control endpoints, outside Hasura's namespace and behind the admin secret:
 * `GET /_local/stats`, `POST /_local/stats/reset`, `GET /_local/faults`, `POST /_local/faults`,
 * `POST /_local/remote-schema-sdl` (`{name, sdl}`: an environment remote schema server serves
 * another schema from now on).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorMessage, isJsonObject, type JsonValue } from "../../model";
import { apiError } from "../base/apiError";
import { parseFaultSpec, type Faults } from "../harness/faults";
import type { ServerStats } from "../harness/stats";
import { authenticate } from "./auth";
import { readBody, sendError, sendJson } from "./respond";

/** What the control endpoints act on. */
export interface LocalContext {
  adminSecret?: string;
  faults: Faults;
  stats(): ServerStats;
  resetStats(): void;
  setRemoteSchemaSdl(name: string, sdl: string): void;
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

async function updateFaults(context: LocalContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let spec;
  try {
    spec = parseFaultSpec(JSON.parse(await readBody(request)));
  } catch (error) {
    return sendError(response, badRequest(errorMessage(error)), true);
  }
  if (spec.clear === true) context.faults.clear();
  context.faults.apply(spec);
  sendJson(response, 200, toJson(context.faults.pending()));
}

function badRequest(message: string) {
  return apiError({ status: 400, code: "bad-request", error: message, path: [] });
}

async function setRemoteSchemaSdl(context: LocalContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const body: unknown = JSON.parse(await readBody(request));
    if (!isJsonObject(body) || typeof body.name !== "string" || typeof body.sdl !== "string") throw new Error("expected {name, sdl}, both strings");
    context.setRemoteSchemaSdl(body.name, body.sdl);
  } catch (error) {
    return sendError(response, badRequest(errorMessage(error)), true);
  }
  sendJson(response, 200, { message: "success" });
}

/** Handles a request under `/_local/`; answers 404 for unknown paths there. */
export async function handleLocal(context: LocalContext, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const auth = authenticate(request.headers, context.adminSecret);
  if ("error" in auth) return sendError(response, auth.error, false);
  if (auth.role !== "admin")
    return sendError(response, apiError({ status: 400, code: "access-denied", error: "restricted access : admin only", path: [] }), false);
  const route = `${request.method ?? "GET"} ${path}`;
  switch (route) {
    case "GET /_local/stats":
      return sendJson(response, 200, toJson(context.stats()));
    case "POST /_local/stats/reset":
      context.resetStats();
      return sendJson(response, 200, { message: "success" });
    case "GET /_local/faults":
      return sendJson(response, 200, toJson(context.faults.pending()));
    case "POST /_local/faults":
      return updateFaults(context, request, response);
    case "POST /_local/remote-schema-sdl":
      return setRemoteSchemaSdl(context, request, response);
    default:
      return sendError(response, apiError({ status: 404, code: "not-found", error: "resource does not exist", path: [] }), false);
  }
}
