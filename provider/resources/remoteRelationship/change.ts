import { findTableRelationship, sourceKind, withTableRelationship, type HeldRelationship, type TableRelationshipKey } from "../../../model";
import { tableRelationshipRequest } from "../../hasura/requests";
import type { Step } from "../../plans";
import type { Change } from "../../runtime/converge";
import { formatRelationshipId } from "./id";

/** A change to the relationship on a table that `key` names, planned by `plan`, for the observe-plan-write loop. */
export function change(key: TableRelationshipKey, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change {
  return {
    context: { operation, relationship: formatRelationshipId(key) },
    find: (metadata) => findTableRelationship(metadata, key),
    plan,
    request: (mode, write, resourceVersion, metadata) => tableRelationshipRequest(mode, key, write, resourceVersion, sourceKind(metadata, key.source)),
    edit: (metadata, write) => withTableRelationship(metadata, key, write.kind === "delete" ? undefined : { format: "definition", target: write.target }),
  };
}
