import { isDeepStrictEqual } from "node:util";
import type { StoredRelationship } from "./hasuraMetadata";
import type { RelationshipDefinition, RelationshipInputs } from "./model";
import { relationshipLabel } from "./normalize";
import type { WriteKind } from "./hasuraRequests";

/** The next step towards the wanted state, decided from what Hasura holds now. */
export type Step =
  | { readonly kind: "done"; readonly adopted?: boolean }
  | { readonly kind: "write"; readonly write: WriteKind }
  | { readonly kind: "fail"; readonly message: string };

/** True when Hasura holds exactly this join, whichever format it was stored in. */
export function sameDefinition(stored: StoredRelationship | undefined, wanted: RelationshipDefinition): boolean {
  if (stored?.kind !== "remote-schema") return false;
  const { hasuraFields, remoteSchema, remoteField } = stored.definition;
  return isDeepStrictEqual(
    { hasuraFields, remoteSchema, remoteField },
    { hasuraFields: wanted.hasuraFields, remoteSchema: wanted.remoteSchema, remoteField: wanted.remoteField },
  );
}

/**
 * Create never overwrites silently, although Hasura's create would: an identical relationship is
 * adopted (which also makes a retried create safe); a different one is an error unless
 * `adoptExisting` says to take it over.
 */
export function planCreate(stored: StoredRelationship | undefined, wanted: RelationshipInputs): Step {
  if (stored === undefined) return { kind: "write", write: "create" };
  if (sameDefinition(stored, wanted)) return { kind: "done", adopted: true };
  if (wanted.adoptExisting === true) return { kind: "write", write: "update" };
  const what = stored.kind === "remote-schema" ? `joins remote schema "${stored.definition.remoteSchema}" differently` : "is not a remote schema relationship";
  return {
    kind: "fail",
    message:
      `Remote relationship "${relationshipLabel(wanted)}" already exists in Hasura at ${wanted.endpoint} and ${what}; it was not overwritten. ` +
      "To manage it, import it (the `import` resource option with its ID, or `pulumi import`), or set adoptExisting: true to take it over and overwrite it with these inputs.",
  };
}

/**
 * Import takes over an existing relationship only when it is provably the one the inputs describe,
 * and writes nothing: the same checks the engine's own import makes.
 */
export function planImport(stored: StoredRelationship | undefined, wanted: RelationshipInputs): Step {
  const subject = `Cannot import remote relationship "${relationshipLabel(wanted)}" from Hasura at ${wanted.endpoint}`;
  if (stored === undefined) return { kind: "fail", message: `${subject}: it does not exist. Check the import ID, or drop the import option to create it.` };
  if (sameDefinition(stored, wanted)) return { kind: "done", adopted: true };
  const live = stored.kind === "remote-schema" ? describe(stored.definition) : "a relationship that is not a remote schema join";
  return {
    kind: "fail",
    message: `${subject}: the inputs to import do not match the existing relationship, which holds ${live}, while the inputs give ${describe(wanted)}. Make the inputs match it to import it, then change them in a later update.`,
  };
}

function describe(definition: RelationshipDefinition): string {
  return `hasuraFields ${JSON.stringify(definition.hasuraFields)}, remoteSchema ${JSON.stringify(definition.remoteSchema)}, remoteField ${JSON.stringify(definition.remoteField)}`;
}

/** Update writes the whole new definition, unless Hasura holds it already; a missing relationship is an error. */
export function planUpdate(stored: StoredRelationship | undefined, wanted: RelationshipInputs): Step {
  if (stored === undefined) {
    return {
      kind: "fail",
      message:
        `Remote relationship "${relationshipLabel(wanted)}" does not exist in Hasura at ${wanted.endpoint} anymore, so it cannot be updated; it was probably deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
    };
  }
  return sameDefinition(stored, wanted) ? { kind: "done" } : { kind: "write", write: "update" };
}

/** Delete of a relationship that is gone already is done. */
export function planDelete(stored: StoredRelationship | undefined): Step {
  return stored === undefined ? { kind: "done" } : { kind: "write", write: "delete" };
}
