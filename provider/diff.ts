import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { isDeepStrictEqual } from "node:util";
import { definitionProperties, identityProperties } from "./model";
import { inputNormalizers } from "./normalize";
import { unknownValue } from "./unknowns";

type Property = (typeof identityProperties)[number] | (typeof definitionProperties)[number];

/**
 * Decides what a change of inputs means for the relationship, from old outputs (or old inputs) and
 * new inputs, in any mix of normalized and raw forms. Pure and symmetric: the engine also calls it
 * during refresh with the live state on one side.
 *
 * A change of identity (`endpoint`, `source`, `table`, `name`) is another relationship: a replacement
 * that lists the changed properties. A change of `hasuraFields`, `remoteSchema` or `remoteField` is an
 * update in place. `adoptExisting` and `importId` only steer `create` and are never a change.
 */
export function diffRelationship(olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>): DiffResult {
  const changed = (property: Property) => !sameValue(property, olds[property], news[property]);
  const replaces = identityProperties.filter(changed);
  const updates = definitionProperties.filter(changed);
  if (replaces.length > 0) {
    // A new endpoint may be the same Hasura under another name: deleting first means the create that
    // follows can never be undone by the old resource's delete.
    return { changes: true, replaces, deleteBeforeReplace: replaces.includes("endpoint") };
  }
  return { changes: updates.length > 0 };
}

function sameValue(property: Property, old: unknown, next: unknown): boolean {
  if (old === unknownValue || next === unknownValue) return false;
  return isDeepStrictEqual(normalized(property, old), normalized(property, next));
}

/** Normalizes one property for comparison; a value of the wrong shape compares as itself. */
function normalized(property: Property, value: unknown): unknown {
  if (value === undefined && property !== "source") return undefined;
  try {
    return (inputNormalizers[property] as (raw: unknown) => unknown)(value);
  } catch {
    return value;
  }
}
