/**
 * What to do about one relationship, decided from what Hasura holds now: pure functions, the same
 * whether the change is then sent on its own or folded into a whole-document write.
 */
import { describeTarget, sameTarget, tableText, type HeldRelationship, type RelationshipTarget } from "../model";
import type { Write } from "./hasura/requests";

/** Why a plan refuses to go on: a stable code for each of the provider's own refusals. */
export type RefusalCode =
  /** Create met a different relationship under the same name. */
  | "exists-different"
  /** Import of a relationship Hasura does not hold. */
  | "import-missing"
  /** Import of a relationship that does not match the inputs. */
  | "import-mismatch"
  /** Update of a relationship Hasura no longer holds. */
  | "update-missing"
  /** A relationship on the type of a remote schema Hasura does not hold. */
  | "remote-schema-missing";

/** The next step towards the wanted state. */
export type Step =
  | { readonly kind: "done"; readonly adopted?: boolean }
  | { readonly kind: "write"; readonly write: Write }
  | { readonly kind: "fail"; readonly code: RefusalCode; readonly message: string };

/** A refusal by the plan, as the error the caller hears: the provider's own decision, with its code, not Hasura's answer. */
export type PlanRefusal = Error & { readonly name: "PlanRefusal"; readonly code: RefusalCode };

/** The error for a refusing step. */
export function planRefusal(step: Step & { readonly kind: "fail" }): PlanRefusal {
  return Object.assign(new Error(step.message), { name: "PlanRefusal" as const, code: step.code });
}

/** The relationship a plan is about, as messages name it, and where. */
export interface PlanSubject {
  /** The kind's noun: `remote relationship` or `remote schema relationship`. */
  readonly noun: string;
  /** The resource's ID: `default/public/users/messages` or `teams/Team/members`. */
  readonly id: string;
  readonly endpoint: string;
}

/** What a change wants: the target, and whether an existing different one may be overwritten. */
export interface Wanted extends PlanSubject {
  readonly target: RelationshipTarget;
  readonly adoptExisting?: boolean;
}

/** True when Hasura holds exactly this join, whichever format it was stored in. */
export function holdsTarget(held: HeldRelationship | undefined, target: RelationshipTarget): boolean {
  return held?.kind === "understood" && sameTarget(held.stored.target, target);
}

/**
 * Create never overwrites silently, although Hasura's create would: an identical relationship is
 * adopted (which also makes a retried create safe); a different one is an error unless
 * `adoptExisting` says to take it over.
 */
export function planCreate(held: HeldRelationship | undefined, wanted: Wanted): Step {
  if (held === undefined) return { kind: "write", write: { kind: "create", target: wanted.target } };
  if (holdsTarget(held, wanted.target)) return { kind: "done", adopted: true };
  if (wanted.adoptExisting === true) return { kind: "write", write: { kind: "update", target: wanted.target } };
  return {
    kind: "fail",
    code: "exists-different",
    message:
      `${capitalized(wanted.noun)} "${wanted.id}" already exists in Hasura at ${wanted.endpoint} and ${differently(held)}; it was not overwritten. ` +
      "To manage it, import it (the `import` resource option with its ID, or `pulumi import`), or set adoptExisting: true to take it over and overwrite it with these inputs.",
  };
}

function differently(held: HeldRelationship): string {
  if (held.kind === "unrecognized") return `is in a form this provider cannot read (${held.reason})`;
  const target = held.stored.target;
  return target.kind === "toRemoteSchema"
    ? `joins remote schema "${target.remoteSchema}" differently`
    : `joins table "${tableText(target.table)}" of source "${target.source}" differently`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Import takes over an existing relationship only when it is provably the one the inputs describe,
 * and writes nothing: the same checks the engine's own import makes.
 */
export function planImport(held: HeldRelationship | undefined, wanted: Wanted): Step {
  const subject = `Cannot import ${wanted.noun} "${wanted.id}" from Hasura at ${wanted.endpoint}`;
  if (held === undefined) {
    return { kind: "fail", code: "import-missing", message: `${subject}: it does not exist. Check the import ID, or drop the import option to create it.` };
  }
  if (holdsTarget(held, wanted.target)) return { kind: "done", adopted: true };
  const live = held.kind === "understood" ? describeTarget(held.stored.target) : `a definition this provider cannot read (${held.reason})`;
  return {
    kind: "fail",
    code: "import-mismatch",
    message: `${subject}: the inputs to import do not match the existing relationship, which holds ${live}, while the inputs give ${describeTarget(wanted.target)}. Make the inputs match it to import it, then change them in a later update.`,
  };
}

/** Update writes the whole new definition, unless Hasura holds it already; a missing relationship is an error. */
export function planUpdate(held: HeldRelationship | undefined, wanted: Wanted): Step {
  if (held === undefined) {
    return {
      kind: "fail",
      code: "update-missing",
      message:
        `${capitalized(wanted.noun)} "${wanted.id}" does not exist in Hasura at ${wanted.endpoint} anymore, so it cannot be updated; it was probably deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
    };
  }
  return holdsTarget(held, wanted.target) ? { kind: "done" } : { kind: "write", write: { kind: "update", target: wanted.target } };
}

/** Delete of a relationship that is gone already is done; one Hasura holds in any form is deleted. */
export function planDelete(held: HeldRelationship | undefined): Step {
  return held === undefined ? { kind: "done" } : { kind: "write", write: { kind: "delete" } };
}
