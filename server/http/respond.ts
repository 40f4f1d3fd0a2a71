/**
 * Small HTTP helpers: read a body, answer JSON, answer a Hasura error, reset a connection.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonValue } from "../../model";
import type { ApiError } from "../base/apiError";
import { errorJson } from "../base/errorJson";

/** Reads the whole request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Answers `body` as JSON with `status`. */
export function sendJson(response: ServerResponse, status: number, body: JsonValue): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Answers a Hasura error; `internal` is included for admin callers only. */
export function sendError(response: ServerResponse, error: ApiError, includeInternal: boolean): void {
  sendJson(response, error.status, errorJson(error, includeInternal));
}

/** Drops the connection without an answer, with a TCP reset where the platform allows it. */
export function resetConnection(request: IncomingMessage): void {
  const socket = request.socket as IncomingMessage["socket"] & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}
