import { isEnumType, isScalarType, isSpecifiedScalarType, type GraphQLSchema } from "graphql";
import type { RemoteSchemaFailure } from "../../model";
import { quotedList } from "../inputs/messageText";

/** Where a resource keeps what a fix names, as messages name it, and what its join fields are. */
export interface FixPlaces {
  /** The remote schema joined: `remoteSchema` or `toRemoteSchema.remoteSchema`. */
  readonly remoteSchema: string;
  /** The remote field tree: `remoteField` or `toRemoteSchema.remoteField`. */
  readonly remoteField: string;
  /** The join fields: `hasuraFields` or `toRemoteSchema.lhsFields`. */
  readonly joinFields: string;
  /** What the join fields are: `columns or computed fields of the table`, `fields of type "User"`. */
  readonly joinFieldsAre: string;
}

/**
 * What to do about each reason Hasura gives, pointing at the input to change (as the resource
 * names it) and listing what the remote schema offers where a name was not found, ten at most.
 */
export function fixFor(failure: RemoteSchemaFailure, schema: GraphQLSchema, places: FixPlaces): string {
  const reason = failure.reason;
  const offered = failure.offered;
  switch (reason.kind) {
    case "RemoteSchemaNotFound":
      return `Add the remote schema to Hasura first, or fix ${places.remoteSchema}.`;
    case "CouldntFindRemoteField":
      return `Use a field of ${JSON.stringify(reason.typeName)} in ${places.remoteField}${offered === undefined || offered.names.length === 0 ? "" : `: ${quotedList(offered.names)}`}.`;
    case "FieldNotFoundInRemoteSchema":
      return "The remote schema has no query root: check the remote schema in Hasura.";
    case "NoSuchArgumentForRemote":
      if (offered === undefined) return "Remove it, or use a name the remote schema has here.";
      if (offered.names.length === 0) return `${JSON.stringify(offered.owner)} takes no ${offered.what}: remove it.`;
      return `Remove it, or use one of the ${offered.what} of ${JSON.stringify(offered.owner)}: ${quotedList(offered.names)}.`;
    case "TypeNotFound":
      return `The remote schema does not define it: reload the remote schema in Hasura, or fix ${places.remoteField}.`;
    case "JoinFieldNonExistent":
      return `Use ${places.joinFieldsAre} in ${places.joinFields}${reason.allowed.length === 0 ? "" : `: ${quotedList(reason.allowed)}`}.`;
    case "ExpectedTypeButGot":
      return expectedTypeFix(reason.expected, schema, places);
    case "InvalidType":
      return "Give a value of the shape the remote schema expects here.";
    case "InvalidVariable":
      return `Add ${JSON.stringify(reason.name)} to ${places.joinFields}, or use one of them.`;
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

/**
 * Hasura reads the arguments' JSON as GraphQL literals of the built-in scalars only: a string is
 * always a String, never an enum value or a custom scalar, so no literal can give those; a join
 * variable can, since Hasura passes the join field's value as a variable of the argument's own type.
 */
function expectedTypeFix(expected: string, schema: GraphQLSchema, places: FixPlaces): string {
  const type = schema.getType(expected);
  const instead = `pass it through a join variable (a "$field" of ${places.joinFields}), or leave the argument out`;
  if (isEnumType(type)) return `Hasura cannot take an enum value written in a remote relationship's arguments (it reads every string as a String): ${instead}.`;
  if (isScalarType(type) && !isSpecifiedScalarType(type)) {
    return `Hasura takes only Int, Float, String, Boolean and ID values written in a remote relationship's arguments, never a ${JSON.stringify(expected)}: ${instead}.`;
  }
  return `Give a value of type ${JSON.stringify(expected)} here, or a join variable.`;
}
