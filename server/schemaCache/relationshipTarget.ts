/**
 * Resolves the right-hand side of one remote relationship (Hasura's `buildRemoteFieldInfo`):
 * a remote schema (validated by `validateToSchema`) or a table of a database source. Answers the
 * failure text, or undefined when the relationship is consistent. Pure.
 */
import type { GraphQLSchema } from "graphql";
import { dquote } from "../base/aeson";
import { tableText, type QualifiedTable, type RemoteRelationship, type ToSourceDefinition } from "../metadata/records";
import { errorToText, errorToTextV1, ValidationFailure } from "./validationErrors";
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

function checkToSource(definition: ToSourceDefinition, lhs: LhsEntity, world: TargetWorld): string | undefined {
  if (!world.sources.has(definition.source)) return `source not found: ${dquote(definition.source)}`;
  const targetColumns = world.trackedColumns(definition.source, definition.table);
  if (targetColumns === undefined) return `table ${dquote(tableText(definition.table))} does not exist in source: ${definition.source}`;
  for (const [from, to] of definition.fieldMapping) {
    if (!lhs.joinFields.includes(from)) return `${dquote(from)} does not exist`;
    if (!targetColumns.includes(to)) return `${dquote(to)} does not exist`;
  }
  return undefined;
}

/** The reason `relationship` on `lhs` is inconsistent, or undefined when it resolves. */
export function relationshipFailure(relationship: RemoteRelationship, lhs: LhsEntity, world: TargetWorld): string | undefined {
  const definition = relationship.definition;
  if (definition.target === "source") return checkToSource(definition.toSource, lhs, world);
  const toText = world.profile === "v2" ? errorToText : errorToTextV1;
  const schema = world.remoteSchemas.get(definition.toSchema.remoteSchema);
  if (schema === undefined) return toText({ kind: "RemoteSchemaNotFound", name: definition.toSchema.remoteSchema });
  try {
    validateToSchema(definition.toSchema, relationship.name, lhs, schema);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationFailure) return toText(error.reason);
    throw error;
  }
}
