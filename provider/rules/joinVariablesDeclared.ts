import { isGraphqlName } from "../../model";
import { joinVariables } from "./joinVariables";
import type { Rule, TreeInputs } from "./rule";

/**
 * Join variables are declared.
 *
 * Every `$variable` in the arguments of the remote field tree names a valid GraphQL variable that is
 * one of the join fields; Hasura would otherwise reject the relationship only after writing it.
 */
export function joinVariablesDeclared<I>(at: TreeInputs<I>): Rule<I> {
  return (context) => {
    const tree = at.tree(context.inputs);
    if (tree === undefined || context.isUnknown(at.treeInput)) return;
    const fields = at.joinFields(context.inputs);
    const declared = fields === undefined || context.isUnknown(at.joinFieldsInput) ? undefined : new Set(fields);
    for (const variable of joinVariables(tree)) {
      const path = [...at.treePath, ...variable.path];
      if (!isGraphqlName(variable.name)) {
        context.report({ path, message: `"$${variable.name}" is not a valid join variable. After "$" give a column of the table, such as "$id".` });
      } else if (declared !== undefined && !declared.has(variable.name)) {
        const list = [...declared].map((field) => JSON.stringify(field)).join(", ");
        context.report({
          path,
          message: `Join variable "$${variable.name}" is not in ${at.joinFieldsName} (${list}). Add "${variable.name}" to ${at.joinFieldsName}, or use one of them.`,
        });
      }
    }
  };
}
