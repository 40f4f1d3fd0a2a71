import {
  findRemoteSchemaRelationship,
  remoteSchemaNames,
  withRemoteSchemaRelationship,
  type HeldRelationship,
  type RemoteSchemaRelationshipKey,
} from "../../../model";
import { remoteSchemaRelationshipRequest } from "../../hasura/requests";
import type { Step } from "../../plans";
import type { Change } from "../../runtime/converge";
import { formatRemoteSchemaRelationshipId } from "./id";

/** A change to the relationship on a remote schema's type that `key` names, planned by `plan`, for the observe-plan-write loops. */
export function change(key: RemoteSchemaRelationshipKey, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change {
  const id = formatRemoteSchemaRelationshipId(key);
  return {
    context: { operation, relationship: id },
    find: (metadata) => findRemoteSchemaRelationship(metadata, key),
    // Hasura answers success to a create on a remote schema it does not have, and stores nothing.
    plan: (held, metadata) => {
      const step = plan(held);
      if (step.kind !== "write" || step.write.kind === "delete" || remoteSchemaNames(metadata).includes(key.remoteSchema)) return step;
      return {
        kind: "fail",
        message: `Remote schema "${key.remoteSchema}" does not exist in Hasura, so remote schema relationship "${id}" cannot be defined on its type. Add the remote schema to Hasura first, or fix remoteSchema.`,
      };
    },
    request: (mode, write, resourceVersion) => remoteSchemaRelationshipRequest(mode, key, write, resourceVersion),
    edit: (metadata, write) =>
      withRemoteSchemaRelationship(metadata, key, write.kind === "delete" ? undefined : { format: "definition", target: write.target }),
  };
}
