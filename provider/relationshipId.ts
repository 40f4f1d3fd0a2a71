/**
 * Resource IDs, each part URI-encoded so that a `/` inside a name cannot shift the parts. They are
 * also what the `import` option takes.
 */
import type { RemoteSchemaRelationshipKey, TableRelationshipKey } from "../model";

function parts(id: string, count: number, form: string, example: string): string[] {
  const notAnId = (why: string) => new Error(`"${id}" is not a ${form} ID${why}. Use ${example}.`);
  const split = id.split("/");
  if (split.length !== count || split.some((part) => part === "")) throw notAnId("");
  return split.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw notAnId(`: ${JSON.stringify(part)} is not URI-encoded (a "%" must start an escape such as %2F; write a literal "%" as %25)`);
    }
  });
}

/** A `RemoteRelationship`'s ID: `source/schema/table/name`. */
export function formatRelationshipId(key: TableRelationshipKey): string {
  return [key.source, key.table.schema, key.table.name, key.name].map(encodeURIComponent).join("/");
}

/** The key a `RemoteRelationship` ID names, or an error that shows the expected form. */
export function parseRelationshipId(id: string): TableRelationshipKey {
  const [source, schema, table, name] = parts(id, 4, "remote relationship", "source/schema/table/name, such as default/public/users/userMessages");
  return { source, table: { schema, name: table }, name };
}

/** A `RemoteSchemaRelationship`'s ID: `remoteSchema/typeName/name`. */
export function formatRemoteSchemaRelationshipId(key: RemoteSchemaRelationshipKey): string {
  return [key.remoteSchema, key.typeName, key.name].map(encodeURIComponent).join("/");
}

/** The key a `RemoteSchemaRelationship` ID names, or an error that shows the expected form. */
export function parseRemoteSchemaRelationshipId(id: string): RemoteSchemaRelationshipKey {
  const [remoteSchema, typeName, name] = parts(id, 3, "remote schema relationship", "remoteSchema/typeName/name, such as users-api/User/orders");
  return { remoteSchema, typeName, name };
}
