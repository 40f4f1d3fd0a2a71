/**
 * A proxy in front of a Hasura that the test steers: it passes requests on and records each one (its
 * command and the admin secret it carried), or plays a Hasura that accepts connections and never
 * answers, or a lagging replica that answers `export_metadata` with an older document.
 */
import { answerJson, listenLocally, passOn, readBody } from "./proxy";

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
  const listening = await listenLocally(async (request, response) => {
    const raw = await readBody(request);
    const body = raw.toString();
    const secret = request.headers["x-hasura-admin-secret"];
    seen.push({ type: request.method === "GET" ? `GET ${request.url}` : typeOf(body), adminSecret: typeof secret === "string" ? secret : undefined });
    const mode = state.mode;
    if (mode.kind === "silent" || (mode.kind === "silentFor" && typeOf(body) === mode.type)) return;
    if (mode.kind === "stale" && mode.times > 0 && typeOf(body) === "export_metadata") {
      mode.times -= 1;
      return answerJson(response, 200, mode.body);
    }
    const answer = await passOn(target, request, raw);
    answerJson(response, answer.status, answer.text);
  });
  return {
    url: listening.url,
    seen,
    get mode() {
      return state.mode;
    },
    set mode(next) {
      state.mode = next;
    },
    stop: listening.stop,
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
