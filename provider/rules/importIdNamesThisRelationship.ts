import { formatRelationshipId } from "../relationshipId";
import type { RelationshipRule } from "./rule";

/**
 * The import ID names this relationship.
 *
 * An import takes over the relationship the inputs describe, so the ID given to the `import` option
 * must be `source/schema/table/name` of these inputs.
 */
export const importIdNamesThisRelationship: RelationshipRule = (context) => {
  const { importId, source, table, name } = context.inputs;
  if (importId === undefined || source === undefined || table === undefined || name === undefined) return;
  if (context.isUnknown("source") || context.isUnknown("table") || context.isUnknown("name")) return;
  const described = formatRelationshipId({ source, table, name });
  if (described === importId) return;
  context.report({
    path: ["importId"],
    message: `The import ID "${importId}" names another relationship than these inputs, which describe "${described}". Import the relationship the inputs describe, or fix name, table or source.`,
  });
};
