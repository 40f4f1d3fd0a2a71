import { answerJson, listenLocally, passOn, readBody } from "./proxy";

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
  const listening = await listenLocally(async (request, response) => {
    const body = await readBody(request);
    counts.requests += 1;
    const fault = random() < state.rate ? Math.floor(random() * 3) : -1;
    if (fault === 0) {
      counts.failedBefore += 1;
      return answerJson(response, 503, '{"error":"injected","code":"unexpected","path":"$"}');
    }
    if (fault === 1) {
      counts.resetBefore += 1;
      request.socket.destroy();
      return;
    }
    const answer = await passOn(target, request, body);
    if (fault === 2) {
      counts.resetAfter += 1;
      request.socket.destroy();
      return;
    }
    answerJson(response, answer.status, answer.text);
  });
  return {
    url: listening.url,
    counts,
    get rate() {
      return state.rate;
    },
    set rate(next) {
      state.rate = next;
    },
    stop: listening.stop,
  };
}
