import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { isDeepStrictEqual } from "node:util";
import { findJsonHazard, maxJsonDepth } from "../model";
import type { InputName, RemoteRelationshipInputs } from "./inputs/schema";
import { unknownValue } from "./inputs/unknowns";
import { upgradeOutputs } from "./state";

/** Properties whose change means another relationship, in the order diff reports them. */
export const identityProperties = ["endpoint", "source", "table", "name"] as const satisfies readonly InputName[];

/** Properties that Hasura's update operation changes in place. */
export const definitionProperties = ["hasuraFields", "remoteSchema", "remoteField"] as const satisfies readonly InputName[];

/**
 * Decides what a change of inputs means for the relationship, from old outputs and the new inputs
 * `check` made canonical. Old outputs of any earlier release are read in today's form first, so the
 * comparison is of like with like; the decision is the same either way round.
 *
 * A change of identity (`endpoint`, `source`, `table`, `name`) is another relationship: a replacement
 * that lists the changed properties. A change of `hasuraFields`, `remoteSchema` or `remoteField` is an
 * update in place. `adoptExisting` and `importId` only steer `create` and are never a change.
 */
export function diffRemoteRelationship(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): DiffResult {
  const before = upgradeOutputs(olds) ?? olds;
  const after = news;
  const changed = (property: InputName) => {
    const [old, next] = [(before as Partial<RemoteRelationshipInputs>)[property], (after as Partial<RemoteRelationshipInputs>)[property]];
    // A value too deep to compare safely (only a corrupted state holds one) counts as changed.
    const comparable = findJsonHazard(old, maxJsonDepth) === undefined && findJsonHazard(next, maxJsonDepth) === undefined;
    return old === unknownValue || next === unknownValue || !comparable || !isDeepStrictEqual(old, next);
  };
  const replaces = identityProperties.filter(changed);
  if (replaces.length > 0) {
    // A new endpoint may be the same Hasura under another name: deleting first means the create that
    // follows can never be undone by the old resource's delete.
    return { changes: true, replaces, deleteBeforeReplace: replaces.includes("endpoint") };
  }
  return { changes: definitionProperties.some(changed) };
}
