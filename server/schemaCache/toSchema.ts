/**
 * Validates a relationship to a remote schema against that schema's introspection, in Hasura's
 * order (`validateToSchemaRelationship`): join fields exist on the LHS entity and are GraphQL
 * names, then each level of the remote field tree exists, its arguments exist and their values
 * type-check, then the stripping pass. Pure: no I/O, throws a validation failure.
 */
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { isGraphqlName, remoteFieldSteps, type RemoteFieldStep, type ToRemoteSchema } from "../../model";
import { stripArguments, validateArguments, type ValueContext } from "./argumentValues";
import { invalid } from "./validationErrors";

/** The LHS of a relationship: how Hasura names it in messages and which fields it can join on. */
export interface LhsEntity {
  identifier: string;
  joinFields: readonly string[];
}

function checkJoinFields(target: ToRemoteSchema, lhs: LhsEntity): void {
  for (const field of target.lhsFields) {
    if (!lhs.joinFields.includes(field)) invalid({ kind: "JoinFieldNonExistent", lhs: lhs.identifier, field, allowed: lhs.joinFields });
  }
  for (const field of target.lhsFields) {
    if (!isGraphqlName(field)) invalid({ kind: "InvalidGraphQLName", text: field });
  }
}

function nextObjectType(current: GraphQLObjectType, step: RemoteFieldStep, context: ValueContext): GraphQLObjectType {
  const field = current.getFields()[step.name];
  if (field === undefined) invalid({ kind: "CouldntFindRemoteField", name: step.name, typeName: current.name });
  validateArguments(context, field.args, step.arguments);
  stripArguments(context, field.args, step.arguments);
  const base = getNamedType(field.type);
  // A leaf (or abstract) type keeps the walk at the current object, as Hasura does. Hasura's
  // third case ("only output type is expected") cannot arise: graphql-js output fields only
  // ever have output types.
  return isObjectType(base) ? base : current;
}

/** Validates `target` for relationship `name` on `lhs` against `schema`; throws on the first failure. */
export function validateToSchema(target: ToRemoteSchema, name: string, lhs: LhsEntity, schema: GraphQLSchema): void {
  checkJoinFields(target, lhs);
  const queryRoot = schema.getQueryType();
  if (queryRoot === null || queryRoot === undefined) invalid({ kind: "FieldNotFoundInRemoteSchema", name: "Query" });
  const context: ValueContext = { variables: new Set(target.lhsFields), lhsIdentifier: lhs.identifier, relationshipName: name };
  let current: GraphQLObjectType = queryRoot;
  // The parsers allow one field per level, so the steps are the levels, root first.
  for (const step of remoteFieldSteps(target.remoteField)) current = nextObjectType(current, step, context);
}
