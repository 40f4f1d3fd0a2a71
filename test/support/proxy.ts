/**
 * What the test proxies in front of a Hasura share (gateProxy, interferingProxy, faultProxy): reading a
 * request, passing it on with its admin secret, and listening on a free local port until stopped.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A proxy listening on 127.0.0.1. */
export interface Listening {
  readonly url: string;
  stop(): Promise<void>;
}

/** The whole body of `request`. */
export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Sends `request` (its method, path, admin secret and `body`) on to `target`, and answers its status and text. */
export async function passOn(target: string, request: http.IncomingMessage, body: Buffer): Promise<{ readonly status: number; readonly text: string }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const secret = request.headers["x-hasura-admin-secret"];
  if (typeof secret === "string") headers["x-hasura-admin-secret"] = secret;
  const answer = await fetch(`${target}${request.url}`, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
  return { status: answer.status, text: await answer.text() };
}

/** Writes a JSON answer. */
export function answerJson(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(text);
}

/** Starts `handle` on a free port of 127.0.0.1; stopping closes every connection still open. */
export async function listenLocally(handle: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>): Promise<Listening> {
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
