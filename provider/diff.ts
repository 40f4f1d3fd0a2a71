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
 * A change of identity is another relationship: a replacement that lists the changed properties. A
 * change of the target is an update in place, switching between targets too (Hasura's update
 * replaces the whole definition). `adoptExisting` and `importId` only steer `create` and are never a
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
  const replaces = spec.identity.filter(changed);
  if (replaces.length > 0) {
    // A new endpoint may be the same Hasura under another name: deleting first means the create that
    // follows can never be undone by the old resource's delete.
    return { changes: true, replaces, deleteBeforeReplace: replaces.includes("endpoint") };
  }
  const definition = Object.keys(spec.schema.shape).filter((property) => !spec.identity.includes(property) && !steeringInputs.includes(property));
  return { changes: definition.some(changed) };
}
