/**
 * Whether two endpoints are one Hasura under two names (`http://127.0.0.1:8080` and
 * `http://localhost:8080`, a load balancer and one instance behind it), asked of Hasura itself before
 * anything is deleted at one of them for the sake of the other. A Hasura's metadata and its
 * `resource_version` are its own, so reads of both answer the question; the one thing a wrong answer
 * must never do is delete what the other name still needs, so every doubt comes out as "same" or as
 * an error, never as "different".
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isDeepStrictEqual } from "node:util";
import type { MetadataSnapshot } from "../model";
import type { CallContext } from "./hasura/errors";
import type { Gateway } from "./runtime/gateway";
import { gatewayFor } from "./runtime/runtime";

/** What reads of two endpoints say: one Hasura, two, or not settled (the metadata changed while it was read). */
export type Sameness = "same" | "different" | "unsettled";

/**
 * What one round of reads says: `first` read twice (`before` and `after`) around one read of `second`.
 * When `first` did not change in between (the same document at the same `resource_version`, which a
 * Hasura raises with every write), a `second` that answered anything else is another Hasura; one that
 * answered the same is taken for the same Hasura, however unlikely two Hasuras with identical metadata
 * at an identical version are, because that error only keeps a relationship that could have gone.
 */
export function compareReads(before: MetadataSnapshot, second: MetadataSnapshot, after: MetadataSnapshot): Sameness {
  if (!alike(before, after)) return "unsettled";
  return alike(before, second) ? "same" : "different";
}

function alike(a: MetadataSnapshot, b: MetadataSnapshot): boolean {
  return a.resourceVersion === b.resourceVersion && isDeepStrictEqual(a.metadata, b.metadata);
}

/**
 * The verdict of several rounds: any round that found both alike is "same"; "different" needs
 * `differentRounds` rounds that agree, since one instance of a Hasura behind a load balancer may
 * answer from a schema cache that has not caught up with another's write yet; otherwise unsettled.
 */
export function settle(rounds: readonly Sameness[], differentRounds: number): Sameness {
  if (rounds.includes("same")) return "same";
  return rounds.filter((round) => round === "different").length >= differentRounds ? "different" : "unsettled";
}

/** How the rounds are read: a fresh export of an endpoint, and the pause between rounds. */
export interface SamenessReads {
  read(endpoint: string): Promise<MetadataSnapshot>;
  pause(): Promise<void>;
}

/** Rounds of reads before the question is given up as unsettled. */
const maxRounds = 4;
/** Rounds that must agree on "different". */
const differentRounds = 2;
/**
 * The pause between rounds: longer than Hasura's default schema sync interval (1 s,
 * HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL), in which every instance catches up with a write.
 */
export const roundPauseMs = 1_500;

/**
 * Asks both endpoints until the rounds settle, or `maxRounds` are spent. A read that fails rejects
 * with its error: nothing can be concluded about a Hasura that cannot be read.
 */
export async function askSameness(first: string, second: string, reads: SamenessReads): Promise<Sameness> {
  const rounds: Sameness[] = [];
  for (let round = 0; round < maxRounds; round += 1) {
    if (round > 0) await reads.pause();
    const before = await reads.read(first);
    const other = await reads.read(second);
    const after = await reads.read(first);
    rounds.push(compareReads(before, other, after));
    const verdict = settle(rounds, differentRounds);
    if (verdict !== "unsettled") return verdict;
  }
  return "unsettled";
}

// A Hasura does not become another within a run: each pair is asked once per pair of gateways (new
// settings open new gateways, and ask again). A failed question is not kept: the next one asks again.
const verdicts = new WeakMap<Gateway, Map<Gateway, Promise<Sameness>>>();

/** Whether `first` and `second` are one Hasura, from fresh exports of both (see `askSameness`); asked once per pair per process. */
export function sameHasura(first: string, second: string, context: CallContext): Promise<Sameness> {
  const [a, b] = [first, second].sort().map(gatewayFor);
  const known = verdicts.get(a) ?? new Map<Gateway, Promise<Sameness>>();
  verdicts.set(a, known);
  let verdict = known.get(b);
  if (verdict === undefined) {
    verdict = askSameness(first, second, {
      read: (endpoint) => gatewayFor(endpoint).observe(context, { fresh: true }),
      pause: () => sleep(roundPauseMs).then(() => undefined),
    });
    known.set(b, verdict);
    verdict.catch(() => known.delete(b));
  }
  return verdict;
}
