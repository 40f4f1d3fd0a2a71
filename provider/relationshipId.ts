import type { TableRelationshipKey as RelationshipKey } from "../model";

/**
 * The resource ID: `source/schema/table/name`, each part URI-encoded so that a `/` inside a name
 * cannot shift the parts. This is also what `pulumi import` and the `import` option take.
 */
export function formatRelationshipId(key: RelationshipKey): string {
  return [key.source, key.table.schema, key.table.name, key.name].map(encodeURIComponent).join("/");
}

/** The key an ID names, or an error that shows the expected form. */
export function parseRelationshipId(id: string): RelationshipKey {
  const parts = id.split("/");
  if (parts.length !== 4 || parts.some((part) => part === "")) {
    throw new Error(`"${id}" is not a remote relationship ID. Use source/schema/table/name, such as default/public/users/userMessages.`);
  }
  const [source, schema, table, name] = parts.map(decodeURIComponent);
  return { source, table: { schema, name: table }, name };
}
