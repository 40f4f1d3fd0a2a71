import { isGraphqlName } from "../../model";
import { quote, quotedList } from "../inputs/messageText";
import { joinVariables } from "./joinVariables";
import type { Rule, TreeInputs } from "./rule";

/**
 * Join variables are declared.
 *
 * Every `$variable` in the arguments of the remote field tree names a valid GraphQL variable that is
 * one of the join fields; Hasura would otherwise reject the relationship only after writing it.
 */
export function joinVariablesDeclared<I>(at: TreeInputs<I>): Rule<I> {
  const joinFieldsName = at.paths.lhsFields.join(".");
  return (context) => {
    const { remoteField, lhsFields } = at.read(context.inputs);
    if (remoteField === undefined || context.isUnknown(at.paths.remoteField[0])) return;
    const declared = lhsFields === undefined || context.isUnknown(at.paths.lhsFields[0]) ? undefined : new Set(lhsFields);
    for (const variable of joinVariables(remoteField)) {
      const path = [...at.paths.remoteField, ...variable.path];
      if (!isGraphqlName(variable.name)) {
        context.report({
          code: "invalid-join-variable",
          path,
          message: `${quote(`$${variable.name}`)} is not a valid join variable. After "$" give a field listed in ${joinFieldsName}, such as "$id".`,
        });
      } else if (declared !== undefined && !declared.has(variable.name)) {
        context.report({
          code: "undeclared-join-variable",
          path,
          message: `Join variable ${quote(`$${variable.name}`)} is not in ${joinFieldsName} (${quotedList([...declared])}). Add ${quote(variable.name)} to ${joinFieldsName}, or use one of them.`,
        });
      }
    }
  };
}
