import { isObjectType, type GraphQLSchema } from "graphql";

/**
 * The fields a relationship on a remote schema's type can join on: the type's fields without
 * arguments, as Hasura takes them; or Hasura's reason when the type cannot carry a relationship.
 */
export function remoteSchemaTypeJoinFields(
  schema: GraphQLSchema,
  schemaName: string,
  typeName: string,
): { readonly ok: true; readonly fields: string[] } | { readonly ok: false; readonly reason: string } {
  const type = schema.getType(typeName);
  if (type === undefined || type === null) return { ok: false, reason: `no type named "${typeName}" defined in remote schema "${schemaName}"` };
  if (!isObjectType(type)) return { ok: false, reason: "remote relationships on a remote schema can only be defined on object types" };
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.length === 0)
    .map((field) => field.name);
  return { ok: true, fields };
}

/** The object types of a remote schema, sorted: the types a relationship on a remote schema's type can be defined on. */
export function objectTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .map((type) => type.name)
    .sort();
}
