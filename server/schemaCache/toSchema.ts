/**
 * Validates a relationship to a remote schema against that schema's introspection, in Hasura's
 * order (`validateToSchemaRelationship`): join fields exist on the LHS entity and are GraphQL
 * names, then each level of the remote field path exists, its arguments exist and their values
 * type-check, then the stripping pass. Pure: no I/O, throws `ValidationFailure`.
 */
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { isGraphQLName } from "../metadata/parseRemoteField";
import type { FieldCall, ToSchemaDefinition } from "../metadata/records";
import { stripArguments, validateArguments, type ValueContext } from "./argumentValues";
import { invalid } from "./validationErrors";

/** The LHS of a relationship: how Hasura names it in messages and which fields it can join on. */
export interface LhsEntity {
  identifier: string;
  joinFields: readonly string[];
}

function checkJoinFields(definition: ToSchemaDefinition, lhs: LhsEntity): void {
  for (const field of definition.lhsFields) {
    if (!lhs.joinFields.includes(field)) invalid({ kind: "JoinFieldNonExistent", lhs: lhs.identifier, field, allowed: lhs.joinFields });
  }
  for (const field of definition.lhsFields) {
    if (!isGraphQLName(field)) invalid({ kind: "InvalidGraphQLName", text: field });
  }
}

function nextObjectType(current: GraphQLObjectType, call: FieldCall, context: ValueContext): GraphQLObjectType {
  const field = current.getFields()[call.name];
  if (field === undefined) invalid({ kind: "CouldntFindRemoteField", name: call.name, typeName: current.name });
  validateArguments(context, field.args, call.arguments);
  stripArguments(context, field.args, call.arguments);
  const base = getNamedType(field.type);
  // A leaf (or abstract) type keeps the walk at the current object, as Hasura does. Hasura's
  // third case ("only output type is expected") cannot arise: graphql-js output fields only
  // ever have output types.
  return isObjectType(base) ? base : current;
}

/** Validates `definition` for relationship `name` on `lhs` against `schema`; throws on the first failure. */
export function validateToSchema(definition: ToSchemaDefinition, name: string, lhs: LhsEntity, schema: GraphQLSchema): void {
  checkJoinFields(definition, lhs);
  const queryRoot = schema.getQueryType();
  if (queryRoot === null || queryRoot === undefined) invalid({ kind: "FieldNotFoundInRemoteSchema", name: "Query" });
  const context: ValueContext = { variables: new Set(definition.lhsFields), lhsIdentifier: lhs.identifier, relationshipName: name };
  let current: GraphQLObjectType = queryRoot;
  for (const call of definition.remoteField) current = nextObjectType(current, call, context);
}
