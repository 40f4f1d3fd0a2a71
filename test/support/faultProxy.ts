import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy did to the requests it saw. */
export interface FaultCounts {
  requests: number;
  /** Answered 503 without passing the request on. */
  failedBefore: number;
  /** Connection reset without passing the request on. */
  resetBefore: number;
  /** Passed on (a write applied), then the connection reset: the client never hears the answer. */
  resetAfter: number;
}

/** A proxy in front of a Hasura that, for a seeded random share of API requests, fails them in one of three ways. */
export interface FaultProxy {
  readonly url: string;
  readonly counts: FaultCounts;
  /** The share of requests that meet a fault, from 0 to 1. */
  rate: number;
  stop(): Promise<void>;
}

/** A small seeded random number generator (mulberry32), so that a soak run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the proxy on port 0 in front of `target`. */
export async function startFaultProxy(target: string, random: () => number, rate: number): Promise<FaultProxy> {
  const counts: FaultCounts = { requests: 0, failedBefore: 0, resetBefore: 0, resetAfter: 0 };
  const state = { rate };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    counts.requests += 1;
    const fault = random() < state.rate ? Math.floor(random() * 3) : -1;
    if (fault === 0) {
      counts.failedBefore += 1;
      response.writeHead(503, { "content-type": "application/json" });
      return response.end('{"error":"injected","code":"unexpected","path":"$"}');
    }
    if (fault === 1) {
      counts.resetBefore += 1;
      return request.socket.destroy();
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    const secret = request.headers["x-hasura-admin-secret"];
    if (typeof secret === "string") headers["x-hasura-admin-secret"] = secret;
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    const text = await answer.text();
    if (fault === 2) {
      counts.resetAfter += 1;
      return request.socket.destroy();
    }
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    get rate() {
      return state.rate;
    },
    set rate(next) {
      state.rate = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
