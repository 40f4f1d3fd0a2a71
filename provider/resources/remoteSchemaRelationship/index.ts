/**
 * `RemoteSchemaRelationship`: a relationship on a type of a remote schema (Hasura v2.5+), to another
 * remote schema or to a table of a database source. Everything the provider, `check` and the
 * generator know of it is here.
 */
import { findRemoteSchemaRelationship, remoteSchemaRelationshipInconsistency, type RemoteSchemaRelationshipKey } from "../../../model";
import { importIdNamesThisRelationship } from "../../rules/importIdNamesThisRelationship";
import { joinVariablesDeclared } from "../../rules/joinVariablesDeclared";
import { oneFieldPerLevel } from "../../rules/oneFieldPerLevel";
import type { TreeInputs } from "../../rules/rule";
import type { RelationshipKind } from "../kind";
import { change } from "./change";
import { formatRemoteSchemaRelationshipId, parseRemoteSchemaRelationshipId } from "./id";
import { liveChecks } from "./liveChecks";
import { oneTarget } from "./oneTarget";
import { inputList, inputsOfTarget, inputsSchema, targetOf, type RemoteSchemaRelationshipInputs } from "./schema";

export type { RemoteSchemaRelationshipInputs } from "./schema";

/** Where the remote field tree and its join fields are: inside `toRemoteSchema`. */
const tree: TreeInputs<RemoteSchemaRelationshipInputs> = {
  paths: { remoteField: ["toRemoteSchema", "remoteField"], lhsFields: ["toRemoteSchema", "lhsFields"] },
  read: (inputs) => ({ remoteField: inputs.toRemoteSchema?.remoteField, lhsFields: inputs.toRemoteSchema?.lhsFields }),
};

/** The kind: identity `endpoint, remoteSchema, typeName, name`; target `toRemoteSchema` or `toSource`. */
export const remoteSchemaRelationship: RelationshipKind<typeof inputsSchema, RemoteSchemaRelationshipKey> = {
  noun: "remote schema relationship",
  schema: inputsSchema,
  inputList,
  rules: Object.freeze([
    oneTarget,
    oneFieldPerLevel(tree),
    joinVariablesDeclared(tree),
    importIdNamesThisRelationship<RemoteSchemaRelationshipInputs>({
      keyInputs: ["remoteSchema", "typeName", "name"],
      idOf: ({ remoteSchema, typeName, name }) =>
        remoteSchema === undefined || typeName === undefined || name === undefined
          ? undefined
          : formatRemoteSchemaRelationshipId({ remoteSchema, typeName, name }),
    }),
  ]),
  identity: ["endpoint", "remoteSchema", "typeName", "name"],
  keyOf: ({ remoteSchema, typeName, name }) => ({ remoteSchema, typeName, name }),
  formatId: formatRemoteSchemaRelationshipId,
  parseId: parseRemoteSchemaRelationshipId,
  targetOf,
  liveInputs: (endpoint, key, target) => ({ endpoint, ...key, ...inputsOfTarget(target) }),
  find: findRemoteSchemaRelationship,
  change,
  inconsistency: remoteSchemaRelationshipInconsistency,
  liveIssues: liveChecks,
};
