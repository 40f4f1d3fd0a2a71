import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { findJsonHazard, maxJsonDepth } from "../model";
import { unknownValue } from "./inputs/unknowns";
import { steeringInputs, upgradeOutputs } from "./state";

/** How a resource's inputs decide between no change, an update in place and a replacement. */
export interface DiffSpec {
  /** The schema its outputs are read with (old state included). */
  readonly schema: z.ZodObject;
  /**
   * Properties whose change means another relationship, in the order diff reports them. Every other
   * input but the steering ones (`adoptExisting`, `importId`) is the definition, which Hasura's
   * update operation changes in place.
   */
  readonly identity: readonly string[];
}

/**
 * Decides what a change of inputs means for the relationship, from old outputs and the new inputs
 * `check` made canonical. Old outputs of any earlier release are read in today's form first, so the
 * comparison is of like with like; the decision is the same either way round.
 *
 * A change of identity (besides the endpoint) is another relationship: a create-first replacement
 * that lists the changed properties. A change of the endpoint alone is a move, and a change of the
 * target an update, both in place (Hasura's update replaces the whole definition, switching between
 * targets too). `adoptExisting` and `importId` only steer `create` and are never a
 * change.
 */
export function diffInputs(spec: DiffSpec, olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): DiffResult {
  const before: Readonly<Record<string, unknown>> = upgradeOutputs(spec.schema, olds) ?? olds;
  const changed = (property: string) => {
    const [old, next] = [before[property], news[property]];
    // A value too deep to compare safely (only a corrupted state holds one) counts as changed.
    const comparable = findJsonHazard(old, maxJsonDepth) === undefined && findJsonHazard(next, maxJsonDepth) === undefined;
    return old === unknownValue || next === unknownValue || !comparable || !isDeepStrictEqual(old, next);
  };
  // The endpoint says where the relationship lives, not which one it is: a new endpoint alone is a
  // move, done in place by `update` (ensured at the new Hasura first, deleted at the old one only when
  // that is provably another Hasura), so that no failure or interruption part way loses it.
  const replaces = spec.identity.filter((property) => property !== "endpoint" && changed(property));
  if (replaces.length > 0) {
    // Another relationship: created first, then the old one deleted. Never delete-first: a delete of
    // the original never removes what this run created (see provider/runRecord.ts), and the old
    // relationship stays until the new one exists.
    const moved = changed("endpoint") ? ["endpoint"] : [];
    return { changes: true, replaces: [...moved, ...replaces], deleteBeforeReplace: false };
  }
  return { changes: changed("endpoint") || definitionInputs(spec).some(changed) };
}

/** The inputs Hasura's update changes in place: every input but the identity and the steering ones. */
export function definitionInputs(spec: DiffSpec): string[] {
  return Object.keys(spec.schema.shape).filter((property) => !spec.identity.includes(property) && !steeringInputs.includes(property));
}
