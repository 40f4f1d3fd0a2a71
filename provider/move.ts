/**
 * A relationship whose endpoint changed, its identity otherwise the same: moved by `update`, in the
 * order that loses nothing. First Hasura is asked whether the two endpoints are one Hasura; then the
 * relationship is made to hold at the new endpoint; only then, and only when the old endpoint is
 * provably another Hasura, is it deleted there. A move that fails or is interrupted anywhere leaves
 * the state at the old endpoint, and the next `up` does it again from the start: the new Hasura then
 * holds it identically and adopts it.
 */
import { errorMessage } from "../model";
import { planCreate, planUpdate, type Wanted } from "./plans";
import { deleteRelationship } from "./deleteRelationship";
import { thisRun } from "./runRecord";
import { warn } from "./runtime/engineLog";
import { applyChange, gatewayFor } from "./runtime/runtime";
import { sameHasura } from "./sameHasura";
import type { Subject } from "./subject";

/** What a move did at the old endpoint. */
export type MoveOutcome = "deleted at the old endpoint" | "same Hasura";

/** Notes already printed, so that each pair of endpoints is explained once per process. */
const explained = new Set<string>();

/** Moves the relationship from `from` to `to` (both canonical), wanting `wanted` there. */
export async function moveRelationship(subject: Subject, from: string, to: string, wanted: Wanted): Promise<MoveOutcome> {
  const sameness = await sameHasura(from, to, { operation: "move", resource: { noun: subject.noun, id: subject.id } }).catch((error: unknown) => {
    throw cannotMove(subject, from, to, error);
  });
  if (sameness === "unsettled") {
    throw new Error(
      `Cannot move ${subject.noun} "${subject.id}" from ${from} to ${to}: the metadata of one of them kept changing while the two were compared, ` +
        "so it is not known whether they are one Hasura under two names. Nothing was changed. Run `pulumi up` again when no one else is changing the metadata.",
    );
  }
  if (sameness === "same") {
    // One Hasura under two names: the relationship is where it was; only its definition may change.
    await applyChange(
      to,
      subject.change("update", (held) => planUpdate(held, wanted)),
    );
    // What this process read through the old name is out of date now; other relationships of the run may still plan on it.
    await gatewayFor(from).observe({ operation: "move", resource: { noun: subject.noun, id: subject.id } }, { fresh: true });
    thisRun?.hold({ endpoint: to, noun: subject.noun, id: subject.id });
    thisRun?.hold({ endpoint: from, noun: subject.noun, id: subject.id });
    explainSameHasura(from, to);
    return "same Hasura";
  }
  // Another Hasura: the relationship is made to hold there as a create would (an identical one is
  // adopted, a different one refused unless adoptExisting), and only then deleted where it was.
  await applyChange(
    to,
    subject.change("create", (held) => planCreate(held, wanted)),
  );
  thisRun?.hold({ endpoint: to, noun: subject.noun, id: subject.id });
  await deleteRelationship(subject, from, "delete");
  return "deleted at the old endpoint";
}

function explainSameHasura(from: string, to: string): void {
  const pair = JSON.stringify([from, to]);
  if (explained.has(pair)) return;
  explained.add(pair);
  warn(
    `Hasura at ${from} and Hasura at ${to} answered with the same metadata at the same resource_version, so they are taken to be one Hasura under two names: ` +
      `the relationships moved from one name to the other were kept, not deleted at ${from}. If they are two Hasuras, delete those relationships at ${from} by hand.`,
  );
}

/** The error of a move that could not read one of the endpoints: nothing was changed, and what to do. */
function cannotMove(subject: Subject, from: string, to: string, error: unknown): Error {
  const what = errorMessage(error);
  return new Error(
    `Cannot move ${subject.noun} "${subject.id}" from ${from} to ${to}: both must be read to tell whether they are one Hasura, and: ${what} ` +
      `Nothing was changed; the relationship stays at ${from}. Fix the endpoint (or its admin secret), or set it back to ${from}. ` +
      `If Hasura at ${from} is gone for good, remove the resource from the state (\`pulumi state delete URN\`; \`pulumi stack --show-urns\` lists them) and run \`pulumi up\`, which creates it at ${to}.`,
  );
}
