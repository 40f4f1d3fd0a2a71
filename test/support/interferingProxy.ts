import { answerJson, listenLocally, passOn, readBody } from "./proxy";

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
  const listening = await listenLocally(async (request, response) => {
    const body = await readBody(request);
    if (state.interferences === 0 && matches(body.toString())) {
      state.interferences += 1;
      await interfere();
    }
    const answer = await passOn(target, request, body);
    answerJson(response, answer.status, answer.text);
  });
  return {
    url: listening.url,
    get interferences() {
      return state.interferences;
    },
    stop: listening.stop,
  };
}
