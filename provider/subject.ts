/**
 * One relationship as the lifecycle steps that span more than one call see it: named for messages,
 * found in a metadata document, and changed through the observe-plan-write loop.
 */
import type { HeldRelationship, MetadataDocument } from "../model";
import type { Step } from "./plans";
import type { Change } from "./runtime/change";

/** A relationship of one kind, by its key. */
export interface Subject {
  /** `remote relationship` or `remote schema relationship`. */
  readonly noun: string;
  /** The ID, as the state and the `import` option write it: `default/public/users/messages`. */
  readonly id: string;
  /** What Hasura holds under this relationship's name in a metadata document. */
  find(metadata: MetadataDocument): HeldRelationship | undefined;
  /** A change of this relationship, planned by `plan` from what Hasura holds. */
  change(operation: string, plan: (held: HeldRelationship | undefined) => Step): Change;
}

/** A noun at the start of a sentence: `Remote relationship`. */
export function capitalized(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
