import { findTableRelationship, sourceKind, withTableRelationship, type HeldRelationship, type TableRelationshipKey } from "../../../model";
import type { Fixes } from "../../hasura/errors";
import { tableRelationshipRequest } from "../../hasura/requests";
import type { Step } from "../../plans";
import type { Change } from "../../runtime/change";
import { formatRelationshipId } from "./id";

/** What the user fixes when Hasura refuses a relationship on a table, by Hasura's code and by what it joins. */
const placeFixes: Fixes = { "not-exists": "Track the table in Hasura first, or fix table or source." };
const toRemoteSchemaFixes: Fixes = {
  ...placeFixes,
  "invalid-configuration":
    "Fix remoteSchema, remoteField or hasuraFields: the remote schema must exist in Hasura, remoteField must match it, and each $variable must be one of hasuraFields.",
};
const toSourceFixes: Fixes = {
  ...placeFixes,
  "invalid-configuration":
    "Fix toSource.source, toSource.table or toSource.fieldMapping: the source and its table must be tracked in Hasura, and fieldMapping must join columns of this table to columns of that one.",
};

/** A change to the relationship on a table that `key` names, planned by `plan`, for the write path. */
export function change(key: TableRelationshipKey, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change {
  return {
    context: { operation, resource: { noun: "remote relationship", id: formatRelationshipId(key) } },
    // Hasura reads the catalog of the source whose metadata a command changed again.
    commandClass: `source:${key.source}`,
    find: (metadata) => findTableRelationship(metadata, key),
    plan,
    request: (mode, write, resourceVersion, metadata) => tableRelationshipRequest(mode, key, write, resourceVersion, sourceKind(metadata, key.source)),
    edit: (metadata, write) => withTableRelationship(metadata, key, write.kind === "delete" ? undefined : { format: "definition", target: write.target }),
    fixes: (write) => (write.kind === "delete" ? placeFixes : write.target.kind === "toSource" ? toSourceFixes : toRemoteSchemaFixes),
  };
}
