/**
 * A proxy in front of a Hasura that the test steers: it passes requests on and records each one (its
 * command and the admin secret it carried), or plays a Hasura that accepts connections and never
 * answers, or a lagging replica that answers `export_metadata` with an older document.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the proxy saw. */
export interface SeenRequest {
  /** `GET /v1/version`, or the metadata command type. */
  readonly type: string;
  readonly adminSecret: string | undefined;
}

/** How the proxy answers. */
export type GateMode =
  | { readonly kind: "pass" }
  /** Reads each request and never answers it, keeping the connection open. */
  | { readonly kind: "silent" }
  /** Reads each request of command `type` and never answers it; passes everything else on. */
  | { readonly kind: "silentFor"; readonly type: string }
  /** Answers the next `times` export_metadata calls with `body` (another export's answer), and passes everything else on. */
  | { readonly kind: "stale"; readonly body: string; times: number };

/** The running proxy. */
export interface GateProxy {
  readonly url: string;
  readonly seen: SeenRequest[];
  mode: GateMode;
  stop(): Promise<void>;
}

/** Starts the proxy on port 0 in front of `target`, passing everything on. */
export async function startGateProxy(target: string): Promise<GateProxy> {
  const seen: SeenRequest[] = [];
  const state: { mode: GateMode } = { mode: { kind: "pass" } };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const secret = request.headers["x-hasura-admin-secret"];
    seen.push({ type: request.method === "GET" ? `GET ${request.url}` : typeOf(body), adminSecret: typeof secret === "string" ? secret : undefined });
    const mode = state.mode;
    if (mode.kind === "silent" || (mode.kind === "silentFor" && typeOf(body) === mode.type)) return;
    if (mode.kind === "stale" && mode.times > 0 && typeOf(body) === "export_metadata") {
      mode.times -= 1;
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(mode.body);
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (typeof secret === "string") headers["x-hasura-admin-secret"] = secret;
    const answer = await fetch(`${target}${request.url}`, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    get mode() {
      return state.mode;
    },
    set mode(next) {
      state.mode = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function typeOf(body: string): string {
  try {
    const type = (JSON.parse(body) as { type?: unknown }).type;
    return typeof type === "string" ? type : "?";
  } catch {
    return "?";
  }
}
