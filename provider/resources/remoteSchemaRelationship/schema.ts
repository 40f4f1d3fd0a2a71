/**
 * The inputs of a `RemoteSchemaRelationship`: a relationship defined on a type of a remote schema
 * (Hasura v2.5+), joined to another remote schema (`toRemoteSchema`) or to a table of a database
 * source (`toSource`). Parsing gives them in canonical form, as for `RemoteRelationship`.
 */
import { z } from "zod";
import type { RelationshipTarget } from "../../../model";
import { endpoint, joinFieldsOf, nameOf, remoteField, requiredString, toSourceOf } from "../../inputs/fields";
import { quoteKeys } from "../../inputs/messageText";

/** The sentence that lists the inputs, for a message about one that is not among them. */
export const inputList =
  "The inputs are endpoint, remoteSchema, typeName, name, toRemoteSchema or toSource, and adoptExisting (camelCase), and importId, which the import option sets.";

const toRemoteSchema = z.strictObject(
  {
    remoteSchema: requiredString("toRemoteSchema.remoteSchema", '"orders-api"'),
    lhsFields: joinFieldsOf("toRemoteSchema.lhsFields", "the type's fields", "field of the type"),
    remoteField,
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown key ${quoteKeys(issue)} in toRemoteSchema. Give {remoteSchema, lhsFields, remoteField}.`
        : "toRemoteSchema must be an object {remoteSchema, lhsFields, remoteField}.",
  },
);

/** The schema of a `RemoteSchemaRelationship`'s inputs; parsing gives them in canonical form. */
export const inputsSchema = z.strictObject(
  {
    endpoint,
    remoteSchema: requiredString("remoteSchema", '"users-api"'),
    typeName: nameOf("typeName", '"User"'),
    name: nameOf("name", '"orders"'),
    toRemoteSchema: toRemoteSchema.optional(),
    toSource: toSourceOf("toSource").optional(),
    adoptExisting: z.boolean({ error: "adoptExisting must be true or false." }).optional(),
    importId: z.string({ error: 'The import ID must be a string, such as "users-api/User/orders".' }).optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown input ${quoteKeys(issue)}. ${inputList}` : "The inputs must be an object."),
  },
);

/** The inputs after `check`: canonical. They are also the outputs. */
export type RemoteSchemaRelationshipInputs = z.output<typeof inputsSchema>;

/** What the relationship joins to, from canonical inputs that passed check (the one-target rule made sure there is one). */
export function targetOf(inputs: RemoteSchemaRelationshipInputs): RelationshipTarget {
  if (inputs.toSource !== undefined) return { kind: "toSource", ...inputs.toSource };
  if (inputs.toRemoteSchema === undefined) throw new Error("A remote schema relationship's inputs passed check without a target; check refuses them.");
  const { remoteSchema, lhsFields, remoteField } = inputs.toRemoteSchema;
  return { kind: "toRemoteSchema", remoteSchema, lhsFields, remoteField };
}

/** The inputs that say what the relationship joins to, as this resource names them. */
export function inputsOfTarget(target: RelationshipTarget): Pick<RemoteSchemaRelationshipInputs, "toRemoteSchema" | "toSource"> {
  if (target.kind === "toSource") {
    const { relationshipType, source, table, fieldMapping } = target;
    return { toSource: { relationshipType, source, table, fieldMapping: { ...fieldMapping } } };
  }
  return { toRemoteSchema: { remoteSchema: target.remoteSchema, lhsFields: [...target.lhsFields], remoteField: target.remoteField } };
}
