import type { RemoteSchemaRelationshipInputs } from "../inputs/remoteSchemaRelationshipSchema";
import type { RemoteRelationshipInputs } from "../inputs/schema";
import { formatRelationshipId, formatRemoteSchemaRelationshipId } from "../relationshipId";
import type { Rule, RuleContext } from "./rule";

/**
 * The import ID names this relationship.
 *
 * An import takes over the relationship the inputs describe, so the ID given to the `import` option
 * must be the ID of these inputs.
 */
function importIdNames<I extends { readonly importId?: string }>(identity: readonly (keyof I & string)[], idOf: (inputs: I) => string, fix: string): Rule<I> {
  return (context: RuleContext<I>) => {
    const importId = context.inputs.importId;
    if (importId === undefined || identity.some((input) => context.inputs[input] === undefined || context.isUnknown(input))) return;
    const described = idOf(context.inputs as I);
    if (described === importId) return;
    context.report({
      path: ["importId"],
      message: `The import ID "${importId}" names another relationship than these inputs, which describe "${described}". Import the relationship the inputs describe, or fix ${fix}.`,
    });
  };
}

/** For a `RemoteRelationship`: `source/schema/table/name`. */
export const importIdNamesThisRelationship = importIdNames<RemoteRelationshipInputs>(
  ["source", "table", "name"],
  formatRelationshipId,
  "name, table or source",
);

/** For a `RemoteSchemaRelationship`: `remoteSchema/typeName/name`. */
export const importIdNamesThisRemoteSchemaRelationship = importIdNames<RemoteSchemaRelationshipInputs>(
  ["remoteSchema", "typeName", "name"],
  formatRemoteSchemaRelationshipId,
  "name, typeName or remoteSchema",
);
