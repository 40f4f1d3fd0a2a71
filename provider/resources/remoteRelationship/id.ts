import type { TableRelationshipKey } from "../../../model";
import { idOf, idParts } from "../relationshipId";

/** A `RemoteRelationship`'s ID: `source/schema/table/name`. */
export function formatRelationshipId(key: TableRelationshipKey): string {
  return idOf([key.source, key.table.schema, key.table.name, key.name]);
}

/** The key a `RemoteRelationship` ID names, or an error that shows the expected form. */
export function parseRelationshipId(id: string): TableRelationshipKey {
  const [source, schema, table, name] = idParts(id, 4, "remote relationship", "source/schema/table/name, such as default/public/users/userMessages");
  return { source, table: { schema, name: table }, name };
}
