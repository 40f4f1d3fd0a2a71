import type { RemoteSchemaRelationshipKey } from "../../../model";
import { idOf, idParts } from "../relationshipId";

/** A `RemoteSchemaRelationship`'s ID: `remoteSchema/typeName/name`. */
export function formatRemoteSchemaRelationshipId(key: RemoteSchemaRelationshipKey): string {
  return idOf([key.remoteSchema, key.typeName, key.name]);
}

/** The key a `RemoteSchemaRelationship` ID names, or an error that shows the expected form. */
export function parseRemoteSchemaRelationshipId(id: string): RemoteSchemaRelationshipKey {
  const [remoteSchema, typeName, name] = idParts(id, 3, "remote schema relationship", "remoteSchema/typeName/name, such as users-api/User/orders");
  return { remoteSchema, typeName, name };
}
