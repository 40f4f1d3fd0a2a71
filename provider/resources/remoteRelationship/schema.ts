/**
 * The inputs of a `RemoteRelationship`, as a zod schema whose transforms give them their one canonical
 * form: the table qualified, the source defaulted, sets sorted, argument keys ordered, the endpoint
 * reduced to Hasura's base URL. `check` parses with it once; every later method trusts the result.
 * Messages name the input and say how to fix it. The target is a remote schema (`remoteSchema`,
 * `remoteField`, `hasuraFields`) or a table of a database source (`toSource`); a rule checks there
 * is exactly one.
 */
import { z } from "zod";
import { defaultSource, type RelationshipTarget } from "../../../model";
import { endpoint, joinFieldsOf, nameOf, remoteField, requiredString, tableOf, toSourceOf } from "../../inputs/fields";
import { quote, quoteKeys } from "../../inputs/messageText";

/** The sentence that lists the inputs, for a message about one that is not among them. */
export const inputList =
  "The inputs are endpoint, source, table, name, hasuraFields, remoteSchema and remoteField (or toSource), and adoptExisting (camelCase), and importId, which the import option sets.";

/** The schema of a `RemoteRelationship`'s inputs; parsing gives them in canonical form. */
export const inputsSchema = z.strictObject(
  {
    endpoint,
    source: requiredString("source", '"default"')
      .optional()
      .transform((value) => value ?? defaultSource),
    table: tableOf("table"),
    name: nameOf("name", '"userMessages"'),
    hasuraFields: joinFieldsOf("hasuraFields", "the table's columns or computed fields", "column or computed field of the table").optional(),
    remoteSchema: requiredString("remoteSchema", '"messages-api"').optional(),
    remoteField: remoteField.optional(),
    toSource: toSourceOf("toSource").optional(),
    adoptExisting: z.boolean({ error: "adoptExisting must be true or false." }).optional(),
    importId: z
      .string({ error: 'The import ID must be a string, such as "default/public/users/userMessages".' })
      .regex(/^[^/]+\/[^/]+\/[^/]+\/[^/]+$/, {
        error: (issue) =>
          `The import ID ${quote(issue.input)} is not a remote relationship ID. Use source/schema/table/name, such as "default/public/users/userMessages".`,
      })
      .optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown input ${quoteKeys(issue)}. ${inputList}` : "The inputs must be an object."),
  },
);

/** The inputs after `check`: canonical, with defaults filled in. They are also the outputs. */
export type RemoteRelationshipInputs = z.output<typeof inputsSchema>;

/**
 * What the relationship joins to, from canonical inputs that passed check (the one-target rule made
 * sure a remote schema target has all three of its inputs).
 */
export function targetOf(inputs: RemoteRelationshipInputs): RelationshipTarget {
  if (inputs.toSource !== undefined) return { kind: "toSource", ...inputs.toSource };
  const { remoteSchema, hasuraFields, remoteField } = inputs;
  if (remoteSchema === undefined || hasuraFields === undefined || remoteField === undefined) {
    throw new Error("A remote relationship's inputs passed check without a target; check refuses them.");
  }
  return { kind: "toRemoteSchema", remoteSchema, lhsFields: hasuraFields, remoteField };
}

/** The inputs that say what the relationship joins to, as this resource names them. */
export function inputsOfTarget(target: RelationshipTarget): Pick<RemoteRelationshipInputs, "hasuraFields" | "remoteSchema" | "remoteField" | "toSource"> {
  if (target.kind === "toSource") {
    const { relationshipType, source, table, fieldMapping } = target;
    return { toSource: { relationshipType, source, table, fieldMapping: { ...fieldMapping } } };
  }
  return { hasuraFields: [...target.lhsFields], remoteSchema: target.remoteSchema, remoteField: target.remoteField };
}
