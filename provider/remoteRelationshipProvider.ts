import type * as dynamic from "@pulumi/pulumi/dynamic";
import { findTableRelationship, tableRelationshipInconsistency, tableRelationshipLabel, type RelationshipTarget } from "../model";
import { remoteRelationshipDiff } from "./diff";
import { remoteRelationshipInputs } from "./inputs/check";
import { targetOf, type RemoteRelationshipInputs } from "./inputs/schema";
import { formatRelationshipId, parseRelationshipId } from "./relationshipId";
import { relationshipProvider, type RelationshipKind, type RelationshipOutputs } from "./relationshipProvider";
import { currentSettings } from "./runtime/runtime";
import { tableRelationshipChange } from "./tableRelationshipChange";
import { liveFailures } from "./validation/liveValidation";

/** The resource's outputs: every input under the same name, canonical, and Hasura's reason when it is inconsistent. */
export type RemoteRelationshipOutputs = RelationshipOutputs<RemoteRelationshipInputs>;

/** A relationship on a table of a database source, to a remote schema or to another source's table. */
const remoteRelationshipKind: RelationshipKind<RemoteRelationshipInputs, ReturnType<typeof parseRelationshipId>> = {
  noun: "remote relationship",
  inputs: remoteRelationshipInputs,
  diff: remoteRelationshipDiff,
  keyOf: (inputs) => ({ source: inputs.source, table: inputs.table, name: inputs.name }),
  label: tableRelationshipLabel,
  formatId: formatRelationshipId,
  parseId: parseRelationshipId,
  targetOf,
  liveInputs: (endpoint, key, target) => ({ endpoint, ...key, ...inputsOfTarget(target) }),
  find: findTableRelationship,
  change: tableRelationshipChange,
  inconsistency: tableRelationshipInconsistency,
  liveFailures: (inputs, scope) => liveFailures(inputs, scope, currentSettings().validateLive),
};

/** The inputs that say what the relationship joins to, as this resource names them. */
function inputsOfTarget(target: RelationshipTarget): Pick<RemoteRelationshipInputs, "hasuraFields" | "remoteSchema" | "remoteField" | "toSource"> {
  if (target.kind === "toSource") {
    const { relationshipType, source, table, fieldMapping } = target;
    return { toSource: { relationshipType, source, table, fieldMapping: { ...fieldMapping } } };
  }
  return { hasuraFields: [...target.lhsFields], remoteSchema: target.remoteSchema, remoteField: target.remoteField };
}

/** The dynamic provider behind `RemoteRelationship`. */
export const remoteRelationshipProvider = relationshipProvider(remoteRelationshipKind) satisfies dynamic.ResourceProvider<
  RemoteRelationshipInputs,
  RemoteRelationshipOutputs
>;
