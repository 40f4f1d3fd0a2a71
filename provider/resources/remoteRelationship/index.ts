/**
 * `RemoteRelationship`: a relationship on a table of a database source, to a remote schema or to a
 * table of another source. Everything the provider, `check` and the generator know of it is here.
 */
import { findTableRelationship, tableRelationshipInconsistency, type TableRelationshipKey } from "../../../model";
import { importIdNamesThisRelationship } from "../../rules/importIdNamesThisRelationship";
import { joinVariablesDeclared } from "../../rules/joinVariablesDeclared";
import { oneFieldPerLevel } from "../../rules/oneFieldPerLevel";
import type { TreeInputs } from "../../rules/rule";
import type { RelationshipKind } from "../kind";
import { change } from "./change";
import { formatRelationshipId, parseRelationshipId } from "./id";
import { liveChecks } from "./liveChecks";
import { oneTarget } from "./oneTarget";
import { inputList, inputsOfTarget, inputsSchema, targetOf, type RemoteRelationshipInputs } from "./schema";

export type { RemoteRelationshipInputs } from "./schema";

/** Where the remote field tree and its join fields are: `remoteField` and `hasuraFields`. */
const tree: TreeInputs<RemoteRelationshipInputs> = {
  paths: { remoteField: ["remoteField"], lhsFields: ["hasuraFields"] },
  read: (inputs) => ({ remoteField: inputs.remoteField, lhsFields: inputs.hasuraFields }),
};

/** The kind: identity `endpoint, source, table, name`; target `hasuraFields, remoteSchema, remoteField` or `toSource`. */
export const remoteRelationship: RelationshipKind<typeof inputsSchema, TableRelationshipKey> = {
  noun: "remote relationship",
  schema: inputsSchema,
  inputList,
  rules: Object.freeze([
    oneTarget,
    oneFieldPerLevel(tree),
    joinVariablesDeclared(tree),
    importIdNamesThisRelationship<RemoteRelationshipInputs>({
      keyInputs: ["source", "table", "name"],
      idOf: ({ source, table, name }) =>
        source === undefined || table === undefined || name === undefined ? undefined : formatRelationshipId({ source, table, name }),
    }),
  ]),
  identity: ["endpoint", "source", "table", "name"],
  keyOf: ({ source, table, name }) => ({ source, table, name }),
  formatId: formatRelationshipId,
  parseId: parseRelationshipId,
  targetOf,
  liveInputs: (endpoint, key, target) => ({ endpoint, ...key, ...inputsOfTarget(target) }),
  find: findTableRelationship,
  change,
  inconsistency: tableRelationshipInconsistency,
  liveIssues: liveChecks,
};
