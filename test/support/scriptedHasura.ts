import http from "node:http";
import type { AddressInfo } from "node:net";

/** One answer of a scripted server: status, headers and body, or a body sent a byte at a time. */
export interface ScriptedAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Send the body one byte every `dripMs`, after the headers. */
  readonly dripMs?: number;
}

/** What the script is asked: the path and the metadata command type of one request. */
export interface ScriptedRequest {
  readonly path: string;
  readonly type: string | undefined;
  readonly body: unknown;
}

/** A `node:http` server on port 0 that answers each request as a script says, counting what it was asked. */
export interface ScriptedHasura {
  readonly url: string;
  /** How many requests of each command type came (`GET /v1/version` for the version). */
  readonly asked: Record<string, number>;
  /** How many answers sent a byte at a time were sent whole. */
  readonly dripsFinished: number;
  /** The x-hasura-admin-secret header of each request, in order (undefined where none was sent). */
  readonly secretsSeen: (string | undefined)[];
  script: (request: ScriptedRequest) => ScriptedAnswer;
  stop(): Promise<void>;
}

/** Starts a scripted server; by default it answers as an empty Hasura v2 would. */
export async function startScriptedHasura(script: (request: ScriptedRequest) => ScriptedAnswer): Promise<ScriptedHasura> {
  const asked: Record<string, number> = {};
  const state = { script, dripsFinished: 0 };
  const secretsSeen: (string | undefined)[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const type = request.method === "GET" ? `GET ${request.url}` : (body as { type?: string } | undefined)?.type;
    asked[type ?? "?"] = (asked[type ?? "?"] ?? 0) + 1;
    const secret = request.headers["x-hasura-admin-secret"];
    secretsSeen.push(typeof secret === "string" ? secret : undefined);
    const answer = state.script({ path: request.url ?? "", type, body });
    response.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
    const payload = answer.body ?? "";
    if (answer.dripMs === undefined) return response.end(payload);
    for (const character of payload) {
      if (response.destroyed) return;
      response.write(character);
      await new Promise((resolve) => setTimeout(resolve, answer.dripMs));
    }
    state.dripsFinished += 1;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    get dripsFinished() {
      return state.dripsFinished;
    },
    secretsSeen,
    get script() {
      return state.script;
    },
    set script(next) {
      state.script = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A well-formed `export_metadata` (v2) answer holding one relationship `held` on public.profiles, or none. */
export function exportAnswer(held?: string): ScriptedAnswer {
  const relationships =
    held === undefined
      ? {}
      : {
          remote_relationships: [
            {
              name: held,
              definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
            },
          ],
        };
  const metadata = {
    version: 3,
    sources: [{ name: "default", kind: "postgres", tables: [{ table: { schema: "public", name: "profiles" }, ...relationships }], configuration: {} }],
  };
  return { body: JSON.stringify({ resource_version: 7, metadata }) };
}
