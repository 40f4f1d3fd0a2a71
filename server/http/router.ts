/**
 * The HTTP server: routes Hasura's paths (`/v1/metadata`, `/v1/query`, `/v1/version`, `/healthz`)
 * and the local control paths. A server in Hasura 1.x mode has no `/v1/metadata`, as 1.3 had none.
 */
import { createServer, type Server } from "node:http";
import { apiError, type ApiError } from "../base/apiError";
import type { Profile } from "../schemaCache/inconsistency";
import { handleApi, type ApiContext } from "./api";
import { handleLocal, type LocalContext } from "./local";
import { sendError, sendJson } from "./respond";

/** Everything the router dispatches to. */
export interface RouterContext {
  api: ApiContext;
  local: LocalContext;
  profile: Profile;
  serverVersion: string;
}

function notFound(): ApiError {
  return apiError({ status: 404, code: "not-found", error: "resource does not exist", path: [] });
}

/** Creates (but does not start) the HTTP server. */
export function createRouter(context: RouterContext): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = `${request.method ?? "GET"} ${path}`;
    const work = (async () => {
      if (path.startsWith("/_local/")) return handleLocal(context.local, path, request, response);
      switch (route) {
        case "GET /healthz":
          context.api.stats.request(route);
          response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
          return response.end("OK");
        case "GET /v1/version":
          context.api.stats.request(route);
          return sendJson(response, 200, { version: context.serverVersion });
        case "POST /v1/query":
          return handleApi(context.api, "/v1/query", request, response);
        case "POST /v2/query":
          // Hasura 1.3 had no /v2/query.
          if (context.profile === "v1") return sendError(response, notFound(), false);
          return handleApi(context.api, "/v2/query", request, response);
        case "POST /v1/metadata":
          if (context.profile === "v1") return sendError(response, notFound(), false);
          return handleApi(context.api, "/v1/metadata", request, response);
        default:
          return sendError(response, notFound(), false);
      }
    })();
    work.catch((error: unknown) => {
      if (!response.headersSent) sendError(response, apiError({ status: 500, code: "unexpected", error: `internal error: ${String(error)}`, path: [] }), true);
      else response.destroy();
    });
  });
}
