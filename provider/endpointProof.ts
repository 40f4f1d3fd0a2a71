/**
 * At `check`, before a move is planned: an existing relationship whose endpoint changes is moved by
 * `update`, which must read both Hasuras (and write at the new one) with their admin secrets. So a
 * preview proves now that both answer an admin's `export_metadata`, and fails naming `endpoint` when
 * one does not: a mistyped endpoint is a failed preview, never a plan that `up` cannot carry out.
 */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { errorMessage } from "../model";
import { checkReadsOf } from "./runtime/checkReads";
import { gatewayFor } from "./runtime/runtime";
import { capitalized } from "./subject";

/** The endpoints of a move and what it moves, for messages. */
export interface MovePlan {
  readonly noun: string;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** The failures of a planned move: none when both Hasuras can be read. */
export async function moveFailures(plan: MovePlan): Promise<CheckFailure[]> {
  const context = { operation: "check", resource: { noun: plan.noun, id: plan.id } };
  const unreadable = async (endpoint: string) => {
    try {
      // With check's own deadline, and not asked again once it gave no answer: a preview of many moves to a silent Hasura waits once.
      await checkReadsOf(gatewayFor(endpoint)).observe(context);
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  };
  const [atNew, atOld] = [await unreadable(plan.to), await unreadable(plan.from)];
  if (atNew !== undefined) {
    return [
      {
        property: "endpoint",
        reason:
          `${capitalized(plan.noun)} "${plan.id}" would move from ${plan.from} to ${plan.to}, but Hasura at ${plan.to} cannot be read: ${atNew} ` +
          `Nothing will be changed. Fix endpoint (a mistyped \`hasura:endpoint\`: \`pulumi config set hasura:endpoint ${plan.from}\` keeps it where it is).`,
      },
    ];
  }
  if (atOld !== undefined) {
    return [
      {
        property: "endpoint",
        reason:
          `${capitalized(plan.noun)} "${plan.id}" would move from ${plan.from} to ${plan.to}, but Hasura at ${plan.from}, where it is now, cannot be read: ${atOld} ` +
          `A move reads both to tell whether they are one Hasura before deleting at ${plan.from}. Make ${plan.from} reachable (or configure its admin secret); ` +
          `if it is gone for good, remove the resource from the state (\`pulumi state delete URN\`) and run \`pulumi up\`, which creates it at ${plan.to}.`,
      },
    ];
  }
  return [];
}
