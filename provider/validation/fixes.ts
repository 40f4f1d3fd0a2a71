import type { GraphQLSchema } from "graphql";
import type { RemoteSchemaFailure } from "../../model";

/** What to do about each reason Hasura gives, naming what the remote schema offers where that is cheap to say. */
export function fixFor(failure: RemoteSchemaFailure, schema: GraphQLSchema): string {
  const reason = failure.reason;
  switch (reason.kind) {
    case "RemoteSchemaNotFound":
      return "Add the remote schema to Hasura first, or fix remoteSchema.";
    case "CouldntFindRemoteField": {
      const type = schema.getType(reason.typeName);
      const fields = type !== undefined && "getFields" in type ? Object.keys(type.getFields()) : [];
      const offer =
        fields.length === 0
          ? ""
          : ` It has ${fields
              .slice(0, 12)
              .map((name) => JSON.stringify(name))
              .join(", ")}${fields.length > 12 ? ", ..." : ""}.`;
      return `Use a field of ${JSON.stringify(reason.typeName)}.${offer}`;
    }
    case "FieldNotFoundInRemoteSchema":
      return "The remote schema has no query root: check the remote schema in Hasura.";
    case "NoSuchArgumentForRemote":
      return "Remove it, or use a name the remote schema has here.";
    case "TypeNotFound":
      return "The remote schema does not define it: reload the remote schema in Hasura, or fix remoteField.";
    case "JoinFieldNonExistent":
      return "Use columns or computed fields of the table in hasuraFields.";
    case "ExpectedTypeButGot":
      return `Give a value of type ${JSON.stringify(reason.expected)} here, or a join variable.`;
    case "InvalidType":
      return "Give a value of the shape the remote schema expects here.";
    case "InvalidVariable":
      return `Add "${reason.name}" to hasuraFields, or use one of them.`;
    case "NullNotAllowedHere":
      return "Give a value, or leave the argument out.";
    case "InvalidGTypeForStripping":
      return "Give a value of the shape the remote schema expects here.";
    case "UnsupportedMultipleElementLists":
      return "Hasura takes at most one element in a list here: keep one.";
    case "UnsupportedEnum":
      return "Hasura does not take enum values in remote relationship arguments: leave the argument out.";
    case "InvalidGraphQLName":
      return "Use a GraphQL name: letters, digits and underscores, not starting with a digit.";
    case "IDTypeJoin":
      return "Join an ID argument with an ID, Int, uuid or String value.";
  }
}
