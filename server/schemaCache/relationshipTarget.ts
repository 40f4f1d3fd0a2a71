/**
 * Resolves the right-hand side of one remote relationship (Hasura's `buildRemoteFieldInfo`,
 * Hasura/RQL/DDL/RemoteRelationship.hs): a remote schema (validated by the shared model's
 * `validateToRemoteSchema`) or a table of a database source. Answers the failure text, or
 * undefined when the relationship is consistent. Pure.
 */
import type { GraphQLSchema } from "graphql";
import { errorToTextV1, tableText, validateToRemoteSchema, type QualifiedTable, type ToSource } from "../../model";
import { dquote } from "../base/aeson";
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

/**
 * The kinds whose sources can be the target of a remote relationship (`supportsBeingRemoteRelationshipTarget`
 * is True for Postgres, Citus, Cockroach, MS SQL Server and BigQuery; MySQL's is False, and a data
 * connector's depends on its agent's capabilities).
 */
const targetKinds: ReadonlySet<string> = new Set(["postgres", "citus", "cockroach", "mssql", "bigquery"]);

/**
 * Hasura's checks, in its order: the source resolved, its kind can be a target, the table is
 * tracked there, then each mapping's LHS field and target column exist (`askFieldInfo`).
 */
function checkToSource(target: ToSource, lhs: LhsEntity, world: TargetWorld): string | undefined {
  const kind = world.sources.get(target.source);
  if (kind === undefined) return `source not found: ${dquote(target.source)}`;
  if (!targetKinds.has(kind)) return `source ${target.source} does not support being used as the target of a remote relationship`;
  const targetColumns = world.trackedColumns(target.source, target.table);
  if (targetColumns === undefined) return `table ${dquote(tableText(target.table))} does not exist in source: ${target.source}`;
  for (const [from, to] of Object.entries(target.fieldMapping)) {
    if (!lhs.joinFields.includes(from)) return `${dquote(from)} does not exist`;
    if (!targetColumns.includes(to)) return `${dquote(to)} does not exist`;
  }
  return undefined;
}

/** The reason `relationship` on `lhs` is inconsistent, or undefined when it resolves. */
export function relationshipFailure(relationship: RemoteRelationship, lhs: LhsEntity, world: TargetWorld): string | undefined {
  const target = relationship.definition.target;
  if (target.kind === "toSource") return checkToSource(target, lhs, world);
  const failure = validateToRemoteSchema(target, relationship.name, lhs, world.remoteSchemas.get(target.remoteSchema));
  if (failure === undefined) return undefined;
  return world.profile === "v2" ? failure.text : errorToTextV1(failure.reason);
}
