import { findRemoteSchemaRelationship, remoteSchemaRelationshipLabel, withRemoteSchemaRelationship, type HeldRelationship, type RemoteSchemaRelationshipKey } from "../model";
import { remoteSchemaRelationshipRequest } from "./hasura/requests";
import type { Step } from "./plans";
import type { Change } from "./runtime/converge";

/** A change to the relationship on a remote schema's type that `key` names, planned by `plan`, for the observe-plan-write loops. */
export function remoteSchemaRelationshipChange(key: RemoteSchemaRelationshipKey, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change {
  return {
    context: { operation, relationship: remoteSchemaRelationshipLabel(key) },
    find: (metadata) => findRemoteSchemaRelationship(metadata, key),
    plan,
    request: (mode, write, resourceVersion) => remoteSchemaRelationshipRequest(mode, key, write, resourceVersion),
    edit: (metadata, write) => withRemoteSchemaRelationship(metadata, key, write.kind === "delete" ? undefined : { format: "definition", target: write.target }),
  };
}
