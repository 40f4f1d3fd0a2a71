/**
 * Resolves the right-hand side of one remote relationship (Hasura's `buildRemoteFieldInfo`,
 * Hasura/RQL/DDL/RemoteRelationship.hs): a remote schema (validated by the shared model's
 * `validateToRemoteSchema`) or a table of a database source (the shared model's
 * `validateToSource`). Answers the failure text, or undefined when the relationship is consistent. Pure.
 */
import type { GraphQLSchema } from "graphql";
import { errorToTextV1, validateToRemoteSchema, validateToSource, type QualifiedTable } from "../../model";
import type { RemoteRelationship } from "../metadata/records";
import type { Profile } from "./inconsistency";

/** The LHS of a relationship: how Hasura names it in messages and which fields it can join on. */
export interface LhsEntity {
  identifier: string;
  joinFields: readonly string[];
}

/** What resolving a relationship may look at: consistent remote schemas, resolved sources and their tracked tables. */
export interface TargetWorld {
  profile: Profile;
  remoteSchemas: ReadonlyMap<string, GraphQLSchema>;
  /** The sources that resolved, by name, with their kind. */
  sources: ReadonlyMap<string, string>;
  /** Columns of a tracked, existing table; undefined when the table is not in the schema cache. */
  trackedColumns(source: string, table: QualifiedTable): readonly string[] | undefined;
}

/** The reason `relationship` on `lhs` is inconsistent, or undefined when it resolves. */
export function relationshipFailure(relationship: RemoteRelationship, lhs: LhsEntity, world: TargetWorld): string | undefined {
  const target = relationship.definition.target;
  if (target.kind === "toSource") {
    return validateToSource(target, lhs.joinFields, {
      sourceKind: (source) => world.sources.get(source),
      table: (source, table) => {
        const columns = world.trackedColumns(source, table);
        return columns === undefined ? { tracked: false } : { tracked: true, columns };
      },
    })?.text;
  }
  const failure = validateToRemoteSchema(target, relationship.name, lhs, world.remoteSchemas.get(target.remoteSchema));
  if (failure === undefined) return undefined;
  return world.profile === "v2" ? failure.text : errorToTextV1(failure.reason);
}
