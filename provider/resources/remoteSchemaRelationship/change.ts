import {
  findRemoteSchemaRelationship,
  remoteSchemaNames,
  withRemoteSchemaRelationship,
  type HeldRelationship,
  type RemoteSchemaRelationshipKey,
} from "../../../model";
import type { Fixes } from "../../hasura/errors";
import { remoteSchemaRelationshipRequest } from "../../hasura/requests";
import type { Step } from "../../plans";
import type { Change } from "../../runtime/change";
import { formatRemoteSchemaRelationshipId } from "./id";

const noun = "remote schema relationship";

/** What the user fixes when Hasura refuses a relationship on a remote schema's type, by Hasura's code and by what it joins. */
function fixesFor(key: RemoteSchemaRelationshipKey, target: "toRemoteSchema" | "toSource" | undefined): Fixes {
  const place = { "not-exists": `Add remote schema "${key.remoteSchema}" with type "${key.typeName}" to Hasura first, or fix remoteSchema or typeName.` };
  if (target === undefined) return place;
  const definition =
    target === "toSource"
      ? `Fix toSource.source, toSource.table or toSource.fieldMapping: the source and its table must be tracked in Hasura, and fieldMapping must join fields of type "${key.typeName}" to columns of that table.`
      : `Fix toRemoteSchema.remoteSchema, toRemoteSchema.remoteField or toRemoteSchema.lhsFields: the remote schema must exist in Hasura, remoteField must match it, and each $variable must be one of lhsFields, fields of type "${key.typeName}".`;
  return { ...place, "invalid-configuration": definition };
}

/** A change to the relationship on a remote schema's type that `key` names, planned by `plan`, for the write path. */
export function change(key: RemoteSchemaRelationshipKey, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change {
  const id = formatRemoteSchemaRelationshipId(key);
  return {
    context: { operation, resource: { noun, id } },
    // A remote schema's metadata is no source's: its commands make Hasura read no catalog again.
    commandClass: "remote-schema",
    find: (metadata) => findRemoteSchemaRelationship(metadata, key),
    // Hasura answers success to a create on a remote schema it does not have, and stores nothing.
    plan: (held, metadata) => {
      const step = plan(held);
      if (step.kind !== "write" || step.write.kind === "delete" || remoteSchemaNames(metadata).includes(key.remoteSchema)) return step;
      return {
        kind: "fail",
        code: "remote-schema-missing",
        message: `Remote schema "${key.remoteSchema}" does not exist in Hasura, so ${noun} "${id}" cannot be defined on its type. Add the remote schema to Hasura first, or fix remoteSchema.`,
      };
    },
    request: (mode, write, resourceVersion) => remoteSchemaRelationshipRequest(mode, key, write, resourceVersion),
    edit: (metadata, write) =>
      withRemoteSchemaRelationship(metadata, key, write.kind === "delete" ? undefined : { format: "definition", target: write.target }),
    fixes: (write) => fixesFor(key, write.kind === "delete" ? undefined : write.target.kind),
  };
}
