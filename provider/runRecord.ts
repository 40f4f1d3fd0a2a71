/**
 * What this engine run has made Hasura hold, so that no delete of the same run removes it.
 *
 * The engine starts one dynamic provider host per run and sends it every step of the run, so the
 * host's module state is the run. Within one run a relationship is deleted after something else made
 * it hold only when two resources name it: a replacement's "delete original" after its "create
 * replacement" of the same ID (a replacement left pending by a failed delete-first replacement of an
 * earlier release, or any replacement whose new inputs name the same relationship), or a resource
 * renamed in the program without an alias (the new one is created, then the old one deleted). In
 * each case the relationship belongs to the resource that now holds it, and the delete must leave it
 * alone. No run creates and then legitimately deletes the same relationship.
 *
 * Only a host the engine started keeps a record: the tests, the bench and scripts drive the provider
 * object through what would be many runs in one process, and there a delete does what it says.
 */
import { engineAddress } from "./runtime/engineLog";

/** One relationship at one Hasura: the endpoint in canonical form, the kind's noun and the ID. */
export interface HeldAt {
  readonly endpoint: string;
  readonly noun: string;
  readonly id: string;
}

/** The relationships one run has created, adopted, imported, updated or moved, per endpoint. */
export class RunRecord {
  /** The endpoints each relationship (noun and ID) was made to hold at. */
  private readonly held = new Map<string, Set<string>>();

  /** Notes that this run made `at` hold: a later delete of it in this run is skipped. */
  hold(at: HeldAt): void {
    const key = keyOf(at);
    const endpoints = this.held.get(key) ?? new Set<string>();
    endpoints.add(at.endpoint);
    this.held.set(key, endpoints);
  }

  /**
   * The endpoints this run made the relationship hold at. A delete at another endpoint may still be
   * of the same Hasura under another name: the caller asks Hasura before it deletes.
   */
  endpointsHolding(relationship: Omit<HeldAt, "endpoint">): readonly string[] {
    return [...(this.held.get(keyOf(relationship)) ?? [])];
  }
}

function keyOf(relationship: Omit<HeldAt, "endpoint">): string {
  return JSON.stringify([relationship.noun, relationship.id]);
}

/** The record of this process's run when the engine started it; undefined in any other process. */
export const thisRun: RunRecord | undefined = engineAddress() === undefined ? undefined : new RunRecord();
