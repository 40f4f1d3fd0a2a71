import { importIdNamesThisRelationship } from "./importIdNamesThisRelationship";
import { joinVariablesInHasuraFields } from "./joinVariablesInHasuraFields";
import { oneFieldPerLevel } from "./oneFieldPerLevel";
import type { RelationshipRule } from "./rule";

export type { RelationshipRule, RuleContext, RuleIssue } from "./rule";

/** The rules `check` runs after the schema, in order. None needs the network. */
export const relationshipRules: readonly RelationshipRule[] = Object.freeze([oneFieldPerLevel, joinVariablesInHasuraFields, importIdNamesThisRelationship]);
