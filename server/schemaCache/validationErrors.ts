/**
 * The reasons a relationship to a remote schema can fail validation, and their texts, as in
 * Hasura's `ValidationError` / `errorToText` (RemoteSchema/SchemaCache/RemoteRelationship.hs).
 * The quoting quirks (`"x"is not provided`, `type "Int"is not a list type`) are Hasura's own.
 */
import { dquote } from "../base/aeson";

/** One validation failure; the fields are what the message needs. */
export type ValidationError =
  | { kind: "RemoteSchemaNotFound"; name: string }
  | { kind: "CouldntFindRemoteField"; name: string; typeName: string }
  | { kind: "FieldNotFoundInRemoteSchema"; name: string }
  | { kind: "NoSuchArgumentForRemote"; name: string }
  | { kind: "TypeNotFound"; typeName: string }
  | { kind: "JoinFieldNonExistent"; lhs: string; field: string; allowed: readonly string[] }
  | { kind: "ExpectedTypeButGot"; expected: string; actual: string }
  | { kind: "InvalidType"; typeName: string; detail: string }
  | { kind: "InvalidVariable"; name: string }
  | { kind: "NullNotAllowedHere" }
  | { kind: "InvalidGTypeForStripping"; typeName: string }
  | { kind: "UnsupportedMultipleElementLists" }
  | { kind: "UnsupportedEnum" }
  | { kind: "InvalidGraphQLName"; text: string }
  | { kind: "IDTypeJoin"; typeName: string };

/**
 * Thrown inside validation, which stops at the first failure as Hasura's does; caught by the
 * schema-cache build and turned into an inconsistency.
 */
export type ValidationFailure = Error & { readonly name: "HasuraValidationFailure"; readonly reason: ValidationError };

/** Throws `reason` as a validation failure. */
export function invalid(reason: ValidationError): never {
  throw Object.assign(new Error(reason.kind), { name: "HasuraValidationFailure" as const, reason });
}

/** True for errors thrown by `invalid`, judged by shape. */
export function isValidationFailure(value: unknown): value is ValidationFailure {
  return value instanceof Error && value.name === "HasuraValidationFailure" && typeof (value as Partial<ValidationFailure>).reason === "object";
}

/** Hasura's `englishList`: `a`, `a or b`, `a, b, or c`. */
export function englishList(joiner: string, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} ${joiner} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, ${joiner} ${items[items.length - 1]}`;
}

function joinFieldText(lhs: string, field: string, allowed: readonly string[]): string {
  const help = allowed.length === 0 ? "" : `, the allowed fields are ${englishList("or", allowed.map(dquote))}`;
  // `<<>` and `<>>` are right-associative in Hasura, so the whole tail after "lhs entity" ends
  // up inside one more pair of quotes.
  return `field with name ${dquote(field)}is not provided by the lhs entity${dquote(`${dquote(lhs)}for defining a join condition${help}`)}`;
}

/** The message Hasura v2 gives for a validation failure. */
export function errorToText(reason: ValidationError): string {
  switch (reason.kind) {
    case "RemoteSchemaNotFound":
      return `remote schema with name ${dquote(reason.name)} not found`;
    case "CouldntFindRemoteField":
      return `remote field with name ${dquote(reason.name)} and type ${dquote(reason.typeName)} not found`;
    case "FieldNotFoundInRemoteSchema":
      return `field with name ${dquote(reason.name)} not found in remote schema`;
    case "NoSuchArgumentForRemote":
      return `argument with name ${dquote(reason.name)} not found in remote schema`;
    case "TypeNotFound":
      return `type with name ${dquote(reason.typeName)} not found`;
    case "JoinFieldNonExistent":
      return joinFieldText(reason.lhs, reason.field, reason.allowed);
    case "ExpectedTypeButGot":
      return `expected type ${dquote(reason.expected)} but got ${dquote(reason.actual)}`;
    case "InvalidType":
      return `type ${dquote(reason.typeName)}${reason.detail}`;
    case "InvalidVariable":
      return `variable ${dquote(reason.name)} is not found`;
    case "NullNotAllowedHere":
      return "null is not allowed here";
    case "InvalidGTypeForStripping":
      return `type ${dquote(reason.typeName)} is invalid for stripping`;
    case "UnsupportedMultipleElementLists":
      return "multiple elements in list value is not supported";
    case "UnsupportedEnum":
      return "enum value is not supported";
    case "InvalidGraphQLName":
      return `${dquote(reason.text)} is not a valid GraphQL identifier`;
    case "IDTypeJoin":
      return `Only ID, Int, uuid or String scalar types can be joined to the ID type, but received ${dquote(reason.typeName)}`;
  }
}

/** The message Hasura 1.3 gave; it differs only for a join field missing from the table. */
export function errorToTextV1(reason: ValidationError): string {
  if (reason.kind === "JoinFieldNonExistent") {
    return `cannot validate remote relationship because field with name ${dquote(reason.field)} not found in table ${dquote(reason.lhs)}`;
  }
  return errorToText(reason);
}
