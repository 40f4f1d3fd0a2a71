import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  findRemoteSchemaRelationship,
  remoteSchemaRelationshipInconsistency,
  remoteSchemaRelationshipLabel,
  type RelationshipTarget,
  type RemoteSchemaRelationshipKey,
} from "../model";
import type { DiffSpec } from "./diff";
import type { InputsKind } from "./inputs/check";
import {
  remoteSchemaRelationshipInputList,
  remoteSchemaRelationshipInputsSchema,
  remoteSchemaTargetOf,
  type RemoteSchemaRelationshipInputs,
} from "./inputs/remoteSchemaRelationshipSchema";
import { formatRemoteSchemaRelationshipId, parseRemoteSchemaRelationshipId } from "./relationshipId";
import { relationshipProvider, type RelationshipKind, type RelationshipOutputs } from "./relationshipProvider";
import { remoteSchemaRelationshipChange } from "./remoteSchemaRelationshipChange";
import { remoteSchemaRelationshipRules } from "./rules";
import { currentSettings } from "./runtime/runtime";
import { remoteSchemaRelationshipLiveFailures } from "./validation/liveValidation";

/** The resource's outputs: every input under the same name, canonical, and Hasura's reason when it is inconsistent. */
export type RemoteSchemaRelationshipOutputs = RelationshipOutputs<RemoteSchemaRelationshipInputs>;

const inputs: InputsKind<RemoteSchemaRelationshipInputs> = {
  schema: remoteSchemaRelationshipInputsSchema,
  rules: remoteSchemaRelationshipRules,
  inputList: remoteSchemaRelationshipInputList,
};

/** Identity `endpoint, remoteSchema, typeName, name`; target `toRemoteSchema` or `toSource`. */
const diff: DiffSpec = {
  schema: remoteSchemaRelationshipInputsSchema,
  identity: ["endpoint", "remoteSchema", "typeName", "name"],
  definition: ["toRemoteSchema", "toSource"],
};

/** The inputs that say what the relationship joins to, as this resource names them. */
function inputsOfTarget(target: RelationshipTarget): Pick<RemoteSchemaRelationshipInputs, "toRemoteSchema" | "toSource"> {
  if (target.kind === "toSource") {
    const { relationshipType, source, table, fieldMapping } = target;
    return { toSource: { relationshipType, source, table, fieldMapping: { ...fieldMapping } } };
  }
  return { toRemoteSchema: { remoteSchema: target.remoteSchema, lhsFields: [...target.lhsFields], remoteField: target.remoteField } };
}

/** A relationship on a type of a remote schema (Hasura v2.5+), to another remote schema or to a table of a database source. */
const remoteSchemaRelationshipKind: RelationshipKind<RemoteSchemaRelationshipInputs, RemoteSchemaRelationshipKey> = {
  noun: "remote schema relationship",
  inputs,
  diff,
  keyOf: (given) => ({ remoteSchema: given.remoteSchema, typeName: given.typeName, name: given.name }),
  label: remoteSchemaRelationshipLabel,
  formatId: formatRemoteSchemaRelationshipId,
  parseId: parseRemoteSchemaRelationshipId,
  targetOf: remoteSchemaTargetOf,
  liveInputs: (endpoint, key, target) => ({ endpoint, ...key, ...inputsOfTarget(target) }),
  find: findRemoteSchemaRelationship,
  change: remoteSchemaRelationshipChange,
  inconsistency: remoteSchemaRelationshipInconsistency,
  liveFailures: (given, scope) => remoteSchemaRelationshipLiveFailures(given, scope, currentSettings().validateLive),
};

/** The dynamic provider behind `RemoteSchemaRelationship`. */
export const remoteSchemaRelationshipProvider = relationshipProvider(remoteSchemaRelationshipKind) satisfies dynamic.ResourceProvider<
  RemoteSchemaRelationshipInputs,
  RemoteSchemaRelationshipOutputs
>;
