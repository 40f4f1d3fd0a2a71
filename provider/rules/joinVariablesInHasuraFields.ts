import { isGraphqlName } from "../../model";
import { joinVariables } from "./joinVariables";
import type { RelationshipRule } from "./rule";

/**
 * Join variables are declared.
 *
 * Every `$variable` in the arguments of `remoteField` names a valid GraphQL variable that is listed in
 * `hasuraFields`; Hasura would otherwise reject the relationship only after writing it.
 */
export const joinVariablesInHasuraFields: RelationshipRule = (context) => {
  const { remoteField, hasuraFields } = context.inputs;
  if (remoteField === undefined || context.isUnknown("remoteField")) return;
  const declared = hasuraFields === undefined || context.isUnknown("hasuraFields") ? undefined : new Set(hasuraFields);
  for (const variable of joinVariables(remoteField)) {
    const path = ["remoteField", ...variable.path];
    if (!isGraphqlName(variable.name)) {
      context.report({
        path,
        message: `"$${variable.name}" is not a valid join variable. After "$" give a column of the table, such as "$id".`,
      });
    } else if (declared !== undefined && !declared.has(variable.name)) {
      context.report({
        path,
        message: `Join variable "$${variable.name}" is not in hasuraFields (${[...declared].map((field) => JSON.stringify(field)).join(", ")}). Add "${variable.name}" to hasuraFields, or use one of them.`,
      });
    }
  }
};
