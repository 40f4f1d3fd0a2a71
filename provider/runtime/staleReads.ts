/**
 * When an answer of `export_metadata` deserves a second look before it is believed. Hasura behind a load
 * balancer may be several servers, one of them a replica that lags: its answer is well formed and
 * Hasura's, and one read cannot tell it from the truth. Two signs can: a `resource_version` lower than
 * one this process has already seen (metadata never goes back), and a relationship gone from an answer
 * (a refresh would drop it from the state). Either is read again, after a short pause, from the same
 * endpoint; what the second read says is believed.
 */
import { listRemoteSchemaRelationships, listTableRelationships, type MetadataDocument, type MetadataSnapshot } from "../../model";

/** How long to wait before the second look: long enough for a replica to catch up, short enough not to be noticed. */
export const recheckPauseMs = 1_000;

/** The clock a gateway ages its answers by and pauses with; tests give one that does not wait. */
export interface GatewayClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The machine's own clock. */
export const systemClock: GatewayClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** True when `answer` is older than the newest metadata this process has seen (`newest`, a resource_version). */
export function isBehind(newest: number | undefined, answer: MetadataSnapshot): boolean {
  return newest !== undefined && answer.resourceVersion !== undefined && answer.resourceVersion < newest;
}

/** The newest resource_version of the two; undefined while neither has one (the /v1/query API has none). */
export function newestVersion(newest: number | undefined, answer: MetadataSnapshot): number | undefined {
  if (answer.resourceVersion === undefined) return newest;
  return newest === undefined ? answer.resourceVersion : Math.max(newest, answer.resourceVersion);
}

/** True when the document holds no remote relationship of any kind: what a reset Hasura, or a replica far behind, answers. */
export function holdsNoRelationship(metadata: MetadataDocument): boolean {
  return listTableRelationships(metadata).length === 0 && listRemoteSchemaRelationships(metadata).length === 0;
}

/** What a refresh says when a Hasura holds no remote relationship at all, twice: it is believed, and the user told what it may mean. */
export function noneHeldWarning(endpoint: string): string {
  return (
    `Hasura at ${endpoint} holds no remote relationship at all (read twice, a second apart), so refresh drops from the state every one it read there. ` +
    "If its metadata was reset, `pulumi up` makes them again; if a server behind that endpoint lags (a replica behind a load balancer), run `pulumi refresh` again once it has caught up."
  );
}
