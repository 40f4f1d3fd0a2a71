/**
 * The one way a relationship is deleted, by `delete` and by the last step of a move: never what this
 * run made hold (provider/runRecord.ts), and never "deleted" on Hasura's word alone.
 */
import { isHasuraError } from "./hasura/errors";
import { planDelete } from "./plans";
import { thisRun } from "./runRecord";
import { applyChange, gatewayFor } from "./runtime/runtime";
import { sameHasura } from "./sameHasura";
import type { Subject } from "./subject";

/** What a delete did: deleted (or found gone), or kept because this run made it hold. */
export type DeleteOutcome = "deleted" | "kept";

/**
 * Deletes the relationship at `endpoint` (canonical). One already gone (with its table or source too)
 * counts as deleted; one Hasura says does not exist while its metadata still holds it is an error.
 * One this run created, adopted, updated or moved here (or at another name of the same Hasura) is
 * kept: it belongs to the resource that made it hold.
 */
export async function deleteRelationship(subject: Subject, endpoint: string, operation: string): Promise<DeleteOutcome> {
  if (await heldThisRun(subject, endpoint, operation)) return "kept";
  const gateway = gatewayFor(endpoint);
  try {
    await applyChange(endpoint, subject.change(operation, planDelete));
    return "deleted";
  } catch (error) {
    if (!isHasuraError(error) || error.code !== "not-exists") throw error;
    // "Does not exist" counts as deleted only when Hasura's metadata agrees: on the /v1/query API
    // Hasura also answers so for a relationship it holds but cannot build (an inconsistent one).
    const context = { operation, resource: { noun: subject.noun, id: subject.id } };
    if (subject.find((await gateway.observe(context, { fresh: true })).metadata) === undefined) return "deleted";
    throw new Error(
      `Cannot delete ${subject.noun} "${subject.id}": Hasura at ${endpoint} answered that it does not exist, but its metadata still holds it. ` +
        "Hasura answers so for a relationship it cannot build (run `pulumi refresh` to see its inconsistency); on the /v1/query API only a whole-metadata write reaches it. " +
        "Remove it with the console's metadata actions or `hasura metadata inconsistency drop`, then run this again.",
    );
  }
}

/**
 * True when this run made the relationship hold at `endpoint`, or at another endpoint that Hasura shows
 * to be the same one. When that cannot be settled, nothing is deleted: the error says how to go on.
 */
async function heldThisRun(subject: Subject, endpoint: string, operation: string): Promise<boolean> {
  const elsewhere = thisRun?.endpointsHolding({ noun: subject.noun, id: subject.id }) ?? [];
  if (elsewhere.includes(endpoint)) return true;
  for (const other of elsewhere) {
    const sameness = await sameHasura(endpoint, other, { operation, resource: { noun: subject.noun, id: subject.id } });
    if (sameness === "same") return true;
    if (sameness === "unsettled") {
      throw new Error(
        `Cannot delete ${subject.noun} "${subject.id}" at ${endpoint}: this run has just made it hold at ${other}, and the metadata of both kept changing while they were compared, ` +
          "so it is not known whether they are one Hasura, and deleting could remove what was just made. Nothing was deleted. Run this again when no one else is changing the metadata.",
      );
    }
  }
  return false;
}
