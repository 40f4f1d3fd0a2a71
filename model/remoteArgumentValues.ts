/**
 * The argument values of one remote field call checked against the remote schema's input types,
 * then the "stripping" pass that renames the input object types a relationship fills in, both as
 * Hasura does (`validateRemoteArguments`, `validateType`, `isTypeCoercible`, `stripInMap`,
 * `stripValue`, `stripObject` in RemoteSchema/SchemaCache/RemoteRelationship.hs). Each check
 * answers the first failure with the path to the offending key or value, or undefined; none throws.
 * Hasura's types carry nullability as a flag, so non-null wrappers are looked through everywhere.
 */
import { getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputField, type GraphQLInputType } from "graphql";
import { isGraphqlName } from "./graphqlName";
import { isJsonObject, type JsonObject, type JsonValue } from "./json";
import type { RemoteArguments } from "./remoteField";
import type { ValidationError } from "./validationError";

/** A path from the relationship's target down to a key or value: object keys and list indexes. */
export type TargetPath = readonly (string | number)[];

/**
 * What the remote schema has where a name was not found, so that a fix can list them: the fields of
 * a type, the arguments of a field, the fields of an input object.
 */
export interface Offered {
  readonly what: "fields" | "arguments" | "input fields";
  /** The type, field or input object they belong to. */
  readonly owner: string;
  readonly names: readonly string[];
}

/** A failure found at a place in the target, with what the schema offers there when the failure is a name it does not have. */
export interface FoundFailure {
  readonly reason: ValidationError;
  readonly path: TargetPath;
  readonly offered?: Offered;
}

/** What value checks need: the variables the join provides, and the names renamed input types are made of. */
export interface ValueContext {
  readonly variables: ReadonlySet<string>;
  readonly lhsIdentifier: string;
  readonly relationshipName: string;
}

function at(path: TargetPath, reason: ValidationError): FoundFailure {
  return { reason, path };
}

function stripNonNull(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

function baseName(type: GraphQLInputType): string {
  return getNamedType(type).name;
}

// The scalar types Hasura lets a literal fill an `ID` argument with (the input coercion of ID).
const idJoinable = ["ID", "Int", "String", "bigint", "smallint", "uuid"];

function checkCoercible(actual: string, expected: GraphQLInputType, path: TargetPath): FoundFailure | undefined {
  const expectedBase = baseName(expected);
  if (expectedBase === "ID") return idJoinable.includes(actual) ? undefined : at(path, { kind: "IDTypeJoin", typeName: actual });
  // A literal is never a list, so its nesting level is 0 and always coerces (a singleton may
  // stand for a list); only the base types have to agree. So an Int is no Float, and a string
  // is no enum value or custom scalar.
  return actual === expectedBase ? undefined : at(path, { kind: "ExpectedTypeButGot", expected: expectedBase, actual });
}

/** One value against the type the remote schema expects (Hasura's `validateType`). */
function validateValue(context: ValueContext, value: JsonValue, expected: GraphQLInputType, path: TargetPath): FoundFailure | undefined {
  if (typeof value === "string" && value.startsWith("$")) {
    // Hasura does not check the join field's type against the argument's, only that it is joined.
    const variable = value.slice(1);
    return context.variables.has(variable) ? undefined : at(path, { kind: "InvalidVariable", name: variable });
  }
  if (typeof value === "number") return checkCoercible(Number.isInteger(value) ? "Int" : "Float", expected, path);
  if (typeof value === "boolean") return checkCoercible("Boolean", expected, path);
  if (typeof value === "string") return checkCoercible("String", expected, path);
  if (value === null) return at(path, { kind: "NullNotAllowedHere" });
  if (Array.isArray(value)) return validateList(context, value, expected, path);
  return validateObject(context, value, expected, path);
}

function validateList(context: ValueContext, value: JsonValue[], expected: GraphQLInputType, path: TargetPath): FoundFailure | undefined {
  if (value.length > 1) return at(path, { kind: "UnsupportedMultipleElementLists" });
  const outer = stripNonNull(expected);
  if (!isListType(outer)) return at(path, { kind: "InvalidType", typeName: baseName(expected), detail: "is not a list type" });
  return value.length === 0 ? undefined : validateValue(context, value[0], outer.ofType, [...path, 0]);
}

function validateObject(context: ValueContext, value: JsonObject, expected: GraphQLInputType, path: TargetPath): FoundFailure | undefined {
  // Hasura looks the object up by its base type, so an object for a list of input objects passes
  // here and is refused by the stripping pass.
  const named = getNamedType(expected);
  for (const [key, item] of Object.entries(value)) {
    const keyPath = [...path, key];
    // Hasura names the offending key, not the type, in this message.
    if (!isInputObjectType(named)) return at(keyPath, { kind: "InvalidType", typeName: key, detail: "not an input object type" });
    const field = Object.prototype.hasOwnProperty.call(named.getFields(), key) ? named.getFields()[key] : undefined;
    if (field === undefined) {
      const offered: Offered = { what: "input fields", owner: named.name, names: Object.keys(named.getFields()) };
      return { reason: { kind: "NoSuchArgumentForRemote", name: key }, path: keyPath, offered };
    }
    const failure = validateValue(context, item, field.type, keyPath);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/** The provided arguments of one call of the field `fieldName`, at `path` (Hasura's `validateRemoteArguments`). */
export function validateArguments(
  context: ValueContext,
  fieldName: string,
  expected: readonly GraphQLArgument[],
  provided: RemoteArguments,
  path: TargetPath,
): FoundFailure | undefined {
  for (const [name, value] of Object.entries(provided)) {
    const argument = expected.find((candidate) => candidate.name === name);
    if (argument === undefined) {
      const offered: Offered = { what: "arguments", owner: fieldName, names: expected.map((candidate) => candidate.name) };
      return { reason: { kind: "NoSuchArgumentForRemote", name }, path: [...path, name], offered };
    }
    const failure = validateValue(context, value, argument.type, [...path, name]);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/** Hasura's `lhsIdentifierToGraphQLName`: every character but ASCII letters and digits becomes `_`. */
export function lhsIdentifierGraphqlName(identifier: string): string {
  return identifier.replace(/[^A-Za-z0-9]/g, "_");
}

function checkRenamable(context: ValueContext, path: TargetPath): FoundFailure | undefined {
  // Hasura renames each stripped input object type after the LHS entity and the relationship,
  // so both must make a GraphQL name (`renameTypeForRelationship`).
  if (!isGraphqlName(lhsIdentifierGraphqlName(context.lhsIdentifier))) return at(path, { kind: "InvalidGraphQLName", text: context.lhsIdentifier });
  if (!isGraphqlName(context.relationshipName)) return at(path, { kind: "InvalidGraphQLName", text: context.relationshipName });
  return undefined;
}

function stripValue(context: ValueContext, type: GraphQLInputType, value: JsonValue, path: TargetPath): FoundFailure | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) return at(path, { kind: "UnsupportedMultipleElementLists" });
    if (value.length === 0) return undefined;
    const outer = stripNonNull(type);
    if (!isListType(outer)) return at(path, { kind: "InvalidGTypeForStripping", typeName: baseName(type) });
    return stripValue(context, outer.ofType, value[0], [...path, 0]);
  }
  if (!isJsonObject(value)) return undefined;
  const named = stripNonNull(type);
  if (isListType(named) || !isInputObjectType(named)) return at(path, { kind: "InvalidGTypeForStripping", typeName: baseName(type) });
  return checkRenamable(context, path) ?? stripArguments(context, Object.values(named.getFields()), value, path);
}

/** The stripping pass over the arguments (or input fields) that have values, in the schema's order (Hasura's `stripInMap`). */
export function stripArguments(
  context: ValueContext,
  definitions: readonly (GraphQLArgument | GraphQLInputField)[],
  provided: RemoteArguments,
  path: TargetPath,
): FoundFailure | undefined {
  for (const definition of definitions) {
    if (!Object.prototype.hasOwnProperty.call(provided, definition.name)) continue;
    const failure = stripValue(context, definition.type, provided[definition.name], [...path, definition.name]);
    if (failure !== undefined) return failure;
  }
  return undefined;
}
