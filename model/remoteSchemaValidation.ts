/**
 * Hasura's validation of a relationship to a remote schema (`to_remote_schema`, or the legacy flat
 * format) against that schema's introspection, in Hasura's order (`validateToSchemaRelationship` in
 * server/src-lib/Hasura/RemoteSchema/SchemaCache/RemoteRelationship.hs): the remote schema exists;
 * the join fields exist on the LHS entity, then are GraphQL names; the query root exists; then for
 * each level of the remote field tree, root first: the field exists on the current object type, its
 * arguments exist and their values type-check, then the stripping pass. Hasura stops at the first
 * failure, and so does this. Shared by the local server's schema-cache build and the provider's
 * `check`. Pure: no I/O, and a failure is an answer, never an exception.
 */
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { isGraphqlName } from "./graphqlName";
import type { RemoteField } from "./remoteField";
import type { ToRemoteSchema } from "./relationshipTarget";
import { stripArguments, validateArguments, type FoundFailure, type Offered, type TargetPath, type ValueContext } from "./remoteArgumentValues";
import { errorToText, type ValidationError } from "./validationError";

export type { Offered, TargetPath } from "./remoteArgumentValues";

/**
 * The entity a relationship is defined on: how Hasura names it (a table as `tableText` writes it,
 * or a remote schema's name) and the fields it can join on. `joinFields` undefined means they are
 * not known to the caller (the provider cannot see a table's columns); then their existence is not
 * checked, and everything else still is.
 */
export interface RemoteSchemaLhs {
  readonly identifier: string;
  readonly joinFields?: readonly string[];
}

/**
 * Why Hasura would refuse the relationship: the reason, its text as Hasura v2 words it, and where in
 * the target: `["remoteSchema"]`, `["lhsFields", 1]`, or `["remoteField", "user", "arguments",
 * "where", "id", "xyz"]` down to the offending key, value or list. A failure about the names input
 * types are renamed with (the LHS identifier or the relationship name, `InvalidGraphQLName`) points
 * at the input object that needed the rename.
 */
export interface RemoteSchemaFailure {
  readonly reason: ValidationError;
  readonly text: string;
  readonly path: TargetPath;
  /** What the remote schema has where a name was not found: a type's fields, a field's arguments, an input object's fields. */
  readonly offered?: Offered;
}

function checkJoinFields(target: ToRemoteSchema, lhs: RemoteSchemaLhs): FoundFailure | undefined {
  const { joinFields } = lhs;
  if (joinFields !== undefined) {
    const missing = target.lhsFields.findIndex((field) => !joinFields.includes(field));
    if (missing >= 0) {
      const reason: ValidationError = { kind: "JoinFieldNonExistent", lhs: lhs.identifier, field: target.lhsFields[missing], allowed: [...joinFields] };
      return { reason, path: ["lhsFields", missing] };
    }
  }
  // Each join field becomes a GraphQL variable of the same name (`hasuraFieldToVariable`).
  const invalid = target.lhsFields.findIndex((field) => !isGraphqlName(field));
  return invalid < 0 ? undefined : { reason: { kind: "InvalidGraphQLName", text: target.lhsFields[invalid] }, path: ["lhsFields", invalid] };
}

/**
 * Walks one level of the tree on `parent` and then each level below it. A field whose type is not
 * an object (a scalar, enum, interface or union) keeps the walk on `parent`, as in Hasura; Hasura's
 * "only output type is expected" cannot arise, graphql-js fields only ever have output types.
 */
function walkLevel(context: ValueContext, parent: GraphQLObjectType, level: RemoteField, path: TargetPath): FoundFailure | undefined {
  for (const [name, call] of Object.entries(level)) {
    const fieldPath = [...path, name];
    const fields = parent.getFields();
    const field = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    if (field === undefined) {
      const offered: Offered = { what: "fields", owner: parent.name, names: Object.keys(fields) };
      return { reason: { kind: "CouldntFindRemoteField", name, typeName: parent.name }, path: fieldPath, offered };
    }
    const argumentsPath = [...fieldPath, "arguments"];
    const failure =
      validateArguments(context, name, field.args, call.arguments, argumentsPath) ?? stripArguments(context, field.args, call.arguments, argumentsPath);
    if (failure !== undefined) return failure;
    if (call.field === undefined) continue;
    const base = getNamedType(field.type);
    const below = walkLevel(context, isObjectType(base) ? base : parent, call.field, [...fieldPath, "field"]);
    if (below !== undefined) return below;
  }
  return undefined;
}

function firstFailure(target: ToRemoteSchema, relationshipName: string, lhs: RemoteSchemaLhs, schema: GraphQLSchema | undefined): FoundFailure | undefined {
  if (schema === undefined) return { reason: { kind: "RemoteSchemaNotFound", name: target.remoteSchema }, path: ["remoteSchema"] };
  const joinFailure = checkJoinFields(target, lhs);
  if (joinFailure !== undefined) return joinFailure;
  const queryRoot = schema.getQueryType();
  if (queryRoot === null || queryRoot === undefined) return { reason: { kind: "FieldNotFoundInRemoteSchema", name: "Query" }, path: ["remoteField"] };
  const context: ValueContext = { variables: new Set(target.lhsFields), lhsIdentifier: lhs.identifier, relationshipName };
  return walkLevel(context, queryRoot, target.remoteField, ["remoteField"]);
}

/**
 * The first reason Hasura would refuse relationship `relationshipName` on `lhs` joining `target`,
 * with `schema` the remote schema as Hasura introspected it (undefined when Hasura has no remote
 * schema of that name); undefined when Hasura would accept it. Several failures are found in
 * Hasura's order, except that where Hasura walks a hash map (arguments, input object keys, the
 * join fields) this walks the order they were written in.
 */
export function validateToRemoteSchema(
  target: ToRemoteSchema,
  relationshipName: string,
  lhs: RemoteSchemaLhs,
  schema: GraphQLSchema | undefined,
): RemoteSchemaFailure | undefined {
  const found = firstFailure(target, relationshipName, lhs, schema);
  return found === undefined ? undefined : { ...found, text: errorToText(found.reason) };
}
