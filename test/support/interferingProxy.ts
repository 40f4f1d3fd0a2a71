import http from "node:http";
import type { AddressInfo } from "node:net";

/** A proxy in front of a Hasura that lets another client write first, once, before a chosen request passes. */
export interface InterferingProxy {
  readonly url: string;
  /** How many times the other client wrote. */
  readonly interferences: number;
  stop(): Promise<void>;
}

/**
 * Starts the proxy on port 0 in front of `target`. The first request whose body `matches` waits for
 * `interfere` (another client's write, straight to Hasura) and only then passes on: it then carries a
 * stale `resource_version`, as when someone edits the metadata between the provider's read and write.
 */
export async function startInterferingProxy(target: string, matches: (body: string) => boolean, interfere: () => Promise<unknown>): Promise<InterferingProxy> {
  const state = { interferences: 0 };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    if (state.interferences === 0 && matches(body)) {
      state.interferences += 1;
      await interfere();
    }
    const headers = { "content-type": "application/json", "x-hasura-admin-secret": String(request.headers["x-hasura-admin-secret"] ?? "") };
    const answer = await fetch(`${target}${request.url}`, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get interferences() {
      return state.interferences;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
