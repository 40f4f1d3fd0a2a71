import type { RemoteRelationshipInputs } from "../inputs/schema";
import type { RemoteSchemaRelationshipInputs } from "../inputs/remoteSchemaRelationshipSchema";
import { importIdNamesThisRelationship, importIdNamesThisRemoteSchemaRelationship } from "./importIdNamesThisRelationship";
import { joinVariablesDeclared } from "./joinVariablesDeclared";
import { oneFieldPerLevel } from "./oneFieldPerLevel";
import { oneTarget } from "./oneTarget";
import { oneTargetOfRemoteSchemaRelationship } from "./oneTargetOfRemoteSchemaRelationship";
import type { Rule, TreeInputs } from "./rule";

export type { Rule, RuleContext, RuleIssue, TreeInputs } from "./rule";

/** Where a `RemoteRelationship` keeps its remote field tree and join fields. */
export const remoteRelationshipTree: TreeInputs<RemoteRelationshipInputs> = {
  treeInput: "remoteField",
  treePath: ["remoteField"],
  tree: (inputs) => inputs.remoteField,
  joinFieldsInput: "hasuraFields",
  joinFieldsName: "hasuraFields",
  joinFields: (inputs) => inputs.hasuraFields,
};

/** The rules `check` runs on a `RemoteRelationship` after its schema, in order. None needs the network. */
export const remoteRelationshipRules: readonly Rule<RemoteRelationshipInputs>[] = Object.freeze([
  oneTarget,
  oneFieldPerLevel(remoteRelationshipTree),
  joinVariablesDeclared(remoteRelationshipTree),
  importIdNamesThisRelationship,
]);

/** Where a `RemoteSchemaRelationship` keeps its remote field tree and join fields: inside `toRemoteSchema`. */
export const remoteSchemaRelationshipTree: TreeInputs<RemoteSchemaRelationshipInputs> = {
  treeInput: "toRemoteSchema",
  treePath: ["toRemoteSchema", "remoteField"],
  tree: (inputs) => inputs.toRemoteSchema?.remoteField,
  joinFieldsInput: "toRemoteSchema",
  joinFieldsName: "toRemoteSchema.lhsFields",
  joinFields: (inputs) => inputs.toRemoteSchema?.lhsFields,
};

/** The rules `check` runs on a `RemoteSchemaRelationship` after its schema, in order. */
export const remoteSchemaRelationshipRules: readonly Rule<RemoteSchemaRelationshipInputs>[] = Object.freeze([
  oneTargetOfRemoteSchemaRelationship,
  oneFieldPerLevel(remoteSchemaRelationshipTree),
  joinVariablesDeclared(remoteSchemaRelationshipTree),
  importIdNamesThisRemoteSchemaRelationship,
]);
