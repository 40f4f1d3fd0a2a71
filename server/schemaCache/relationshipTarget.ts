/**
 * Resolves the right-hand side of one remote relationship (Hasura's `buildRemoteFieldInfo`):
 * a remote schema (validated by `validateToSchema`) or a table of a database source. Answers the
 * failure text, or undefined when the relationship is consistent. Pure.
 */
import type { GraphQLSchema } from "graphql";
import { tableText, type QualifiedTable, type ToSource } from "../../model";
import { dquote } from "../base/aeson";
import type { RemoteRelationship } from "../metadata/records";
import { errorToText, errorToTextV1, isValidationFailure } from "./validationErrors";
import type { Profile } from "./inconsistency";
import { validateToSchema, type LhsEntity } from "./toSchema";

/** What resolving a relationship may look at: consistent remote schemas and tracked tables. */
export interface TargetWorld {
  profile: Profile;
  remoteSchemas: ReadonlyMap<string, GraphQLSchema>;
  sources: ReadonlySet<string>;
  /** Columns of a tracked, existing table; undefined when the table is not in the schema cache. */
  trackedColumns(source: string, table: QualifiedTable): readonly string[] | undefined;
}

function checkToSource(target: ToSource, lhs: LhsEntity, world: TargetWorld): string | undefined {
  if (!world.sources.has(target.source)) return `source not found: ${dquote(target.source)}`;
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
  const toText = world.profile === "v2" ? errorToText : errorToTextV1;
  const schema = world.remoteSchemas.get(target.remoteSchema);
  if (schema === undefined) return toText({ kind: "RemoteSchemaNotFound", name: target.remoteSchema });
  try {
    validateToSchema(target, relationship.name, lhs, schema);
    return undefined;
  } catch (error) {
    if (isValidationFailure(error)) return toText(error.reason);
    throw error;
  }
}
