/**
 * Checks the literal and variable values of a remote relationship's arguments against the
 * remote schema's input types, then the "stripping" pass that rewrites argument types, both as
 * Hasura does (`validateType`, `isTypeCoercible`, `stripInMap` in RemoteSchema/SchemaCache/
 * RemoteRelationship.hs). Hasura's types carry nullability as a flag, so non-null wrappers are
 * looked through everywhere.
 */
import { getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputField, type GraphQLInputType } from "graphql";
import { isGraphqlName, isJsonObject, type JsonObject, type JsonValue, type RemoteArguments } from "../../model";
import { invalid } from "./validationErrors";

/** What value checks need: the variables the join provides, and names for renamed input types. */
export interface ValueContext {
  variables: ReadonlySet<string>;
  lhsIdentifier: string;
  relationshipName: string;
}

function stripNonNull(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

function baseName(type: GraphQLInputType): string {
  return getNamedType(type).name;
}

function unwrapList(type: GraphQLInputType): GraphQLInputType {
  const inner = stripNonNull(type);
  return isListType(inner) ? inner.ofType : type;
}

// The scalar types Hasura lets a join variable or literal fill an `ID` argument with.
const idJoinable = ["ID", "Int", "String", "bigint", "smallint", "uuid"];

function checkCoercible(actual: string, expected: GraphQLInputType): void {
  const expectedBase = baseName(expected);
  if (expectedBase === "ID") {
    if (!idJoinable.includes(actual)) invalid({ kind: "IDTypeJoin", typeName: actual });
    return;
  }
  // A literal is never a list, so its nesting level is 0 and always coerces (a singleton may
  // stand for a list); only the base types have to agree.
  if (actual !== expectedBase) invalid({ kind: "ExpectedTypeButGot", expected: expectedBase, actual });
}

/** Validates one argument value against the type the remote schema expects (Hasura's `validateType`). */
export function validateValue(context: ValueContext, value: JsonValue, expected: GraphQLInputType): void {
  if (typeof value === "string" && value.startsWith("$")) {
    const variable = value.slice(1);
    if (!context.variables.has(variable)) invalid({ kind: "InvalidVariable", name: variable });
  } else if (typeof value === "number") {
    checkCoercible(Number.isInteger(value) ? "Int" : "Float", expected);
  } else if (typeof value === "boolean") {
    checkCoercible("Boolean", expected);
  } else if (typeof value === "string") {
    checkCoercible("String", expected);
  } else if (value === null) {
    invalid({ kind: "NullNotAllowedHere" });
  } else if (Array.isArray(value)) {
    if (value.length > 1) invalid({ kind: "UnsupportedMultipleElementLists" });
    if (!isListType(stripNonNull(expected))) invalid({ kind: "InvalidType", typeName: baseName(expected), detail: "is not a list type" });
    for (const item of value) validateValue(context, item, unwrapList(expected));
  } else {
    validateObject(context, value, expected);
  }
}

function validateObject(context: ValueContext, value: JsonObject, expected: GraphQLInputType): void {
  const named = getNamedType(expected);
  for (const [name, item] of Object.entries(value)) {
    // Hasura names the offending key, not the type, in this message.
    if (!isInputObjectType(named)) invalid({ kind: "InvalidType", typeName: name, detail: "not an input object type" });
    const field = named.getFields()[name];
    if (field === undefined) invalid({ kind: "NoSuchArgumentForRemote", name });
    validateValue(context, item, field.type);
  }
}

/** Validates the provided arguments of one field call (Hasura's `validateRemoteArguments`). */
export function validateArguments(context: ValueContext, expected: readonly GraphQLArgument[], provided: RemoteArguments): void {
  for (const [name, value] of Object.entries(provided)) {
    const argument = expected.find((candidate) => candidate.name === name);
    if (argument === undefined) invalid({ kind: "NoSuchArgumentForRemote", name });
    validateValue(context, value, argument.type);
  }
}

function checkRenamable(context: ValueContext): void {
  // Hasura renames each stripped input object type after the LHS entity and the relationship,
  // so both must make a GraphQL name.
  const lhsName = context.lhsIdentifier.replace(/[^\p{L}\p{N}]/gu, "_");
  if (!isGraphqlName(lhsName)) invalid({ kind: "InvalidGraphQLName", text: context.lhsIdentifier });
  if (!isGraphqlName(context.relationshipName)) invalid({ kind: "InvalidGraphQLName", text: context.relationshipName });
}

function stripValue(context: ValueContext, type: GraphQLInputType, value: JsonValue): void {
  if (Array.isArray(value)) {
    if (value.length > 1) invalid({ kind: "UnsupportedMultipleElementLists" });
    if (value.length === 0) return;
    const outer = stripNonNull(type);
    if (!isListType(outer)) invalid({ kind: "InvalidGTypeForStripping", typeName: baseName(type) });
    stripValue(context, outer.ofType, value[0]);
  } else if (isJsonObject(value)) {
    const named = stripNonNull(type);
    if (isListType(named) || !isInputObjectType(named)) invalid({ kind: "InvalidGTypeForStripping", typeName: baseName(type) });
    checkRenamable(context);
    stripArguments(context, Object.values(named.getFields()), value);
  }
}

/** The stripping pass over the arguments that have values (Hasura's `stripInMap`). */
export function stripArguments(context: ValueContext, definitions: readonly (GraphQLArgument | GraphQLInputField)[], provided: RemoteArguments): void {
  for (const definition of definitions) {
    if (Object.prototype.hasOwnProperty.call(provided, definition.name)) stripValue(context, definition.type, provided[definition.name]);
  }
}
