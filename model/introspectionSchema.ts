/**
 * A remote schema as Hasura sees it, from Hasura's own introspection answer: `introspect_remote_schema`
 * answers the body the remote server gave Hasura's introspection query, `{"data": {"__schema": ...}}`,
 * which graphql-js's `buildClientSchema` turns into a schema (as Hasura's console does).
 */
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { errorMessage, findJsonHazard, isJsonObject, maxJsonDepth } from "./json";
import { hazardReason } from "./storedJson";

/** A schema, or why the answer is not one. */
export type IntrospectedRemoteSchema = { readonly ok: true; readonly schema: GraphQLSchema } | { readonly ok: false; readonly reason: string };

/**
 * Builds the schema of an introspection answer `{data: {__schema}}`; never throws: an answer that is
 * not an introspection, or not a schema graphql-js can build, says why in a sentence fragment.
 */
export function schemaFromIntrospection(answer: unknown): IntrospectedRemoteSchema {
  const hazard = findJsonHazard(answer, maxJsonDepth);
  if (hazard !== undefined) return { ok: false, reason: hazardReason(hazard) };
  const data = isJsonObject(answer) ? answer.data : undefined;
  if (!hasSchema(data)) return { ok: false, reason: "the answer has no data.__schema" };
  try {
    // The schema's constructor resolves every type's fields, so a broken reference fails here, not later.
    return { ok: true, schema: buildClientSchema(data) };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

/**
 * True when `data` has a `__schema` object: as much of an introspection as is checked here, since
 * `buildClientSchema` checks the rest itself and throws (caught above) where it is not one.
 */
function hasSchema(data: unknown): data is IntrospectionQuery {
  return isJsonObject(data) && isJsonObject(data.__schema);
}
