/**
 * Folds many relationship changes into one metadata document: the pure half of a coalesced write.
 * Each change is planned exactly as it would be alone (adopt identical, refuse different, update of
 * a missing one says so, delete of a missing one is done), against the document as the changes
 * before it left it.
 */
import type { MetadataDocument } from "../../model";
import type { Step } from "../plans";
import type { Change } from "./change";

/** What became of one change in a batch plan. */
export type BatchOutcome<C extends Change = Change> =
  | { readonly change: C; readonly kind: "settled"; readonly step: Step & { readonly kind: "done" | "fail" } }
  | { readonly change: C; readonly kind: "written"; readonly step: Step & { readonly kind: "write" } }
  | { readonly change: C; readonly kind: "alone"; readonly step: Step & { readonly kind: "write" } };

/** The document with every write folded in, and each change's outcome, in the order given. */
export interface BatchPlan<C extends Change = Change> {
  readonly metadata: MetadataDocument;
  readonly outcomes: readonly BatchOutcome<C>[];
}

/**
 * Plans every change against `metadata` in turn. A change whose place is not in the document (its
 * table or source is not tracked) is left to be sent `alone`, so that Hasura's own answer names the
 * problem.
 */
export function planBatch<C extends Change>(metadata: MetadataDocument, changes: readonly C[]): BatchPlan<C> {
  let document = metadata;
  const outcomes = changes.map((change): BatchOutcome<C> => {
    const step = change.plan(change.find(document), document);
    if (step.kind !== "write") return { change, kind: "settled", step };
    const edit = change.edit(document, step.write);
    if (!edit.ok) return { change, kind: "alone", step };
    document = edit.metadata;
    return { change, kind: "written", step };
  });
  return { metadata: document, outcomes };
}
