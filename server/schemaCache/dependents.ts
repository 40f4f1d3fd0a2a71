/**
 * Which consistent objects depend on a remote schema or a table, named as Hasura's
 * `reportSchemaObj` names them, for `dependency-error` answers. Only objects in the schema cache
 * record dependencies, so inconsistent relationships never block a removal.
 */
import { sameTable, tableText, type QualifiedTable, type StoredDefinition } from "../../model";
import { dquote } from "../base/aeson";
import { purgeObject } from "../metadata/purge";
import type { Metadata } from "../metadata/records";
import { schemaRelationshipId, tableRelationshipId } from "./build";
import type { InconsistentObject } from "./inconsistency";

/** A dependent object: its report text and how to drop it from metadata (for cascades). */
export interface Dependent {
  text: string;
  drop(metadata: Metadata): void;
}

function joinsRemoteSchema(definition: StoredDefinition, remoteSchema: string): boolean {
  return definition.target.kind === "toRemoteSchema" && definition.target.remoteSchema === remoteSchema;
}

function consistent(inconsistencies: readonly InconsistentObject[], id: string): boolean {
  return !inconsistencies.some((object) => object.id === id);
}

function tableRelationshipDependents(
  metadata: Metadata,
  inconsistencies: readonly InconsistentObject[],
  matches: (definition: StoredDefinition) => boolean,
): Dependent[] {
  const found: Dependent[] = [];
  for (const source of metadata.sources) {
    for (const table of source.tables) {
      for (const relationship of table.remoteRelationships) {
        const text = tableText(table.table);
        if (!matches(relationship.definition) || !consistent(inconsistencies, tableRelationshipId(source.name, text, relationship.name))) continue;
        found.push({
          text: `remote relationship ${text}.${relationship.name} in source ${dquote(source.name)}`,
          drop: (target) => purgeObject(target, { kind: "tableRelationship", source: source.name, table: table.table, name: relationship.name }),
        });
      }
    }
  }
  return found;
}

/** Objects that depend on remote schema `name`, sorted as Hasura sorts them. */
export function remoteSchemaDependents(metadata: Metadata, inconsistencies: readonly InconsistentObject[], name: string): string[] {
  const tableTexts = tableRelationshipDependents(metadata, inconsistencies, (d) => joinsRemoteSchema(d, name)).map((d) => d.text);
  // Relationships defined on the remote schema depend on it as much as those joining to it.
  const schemaTexts = metadata.remoteSchemas
    .filter((schema) => schema.name === name)
    .flatMap((schema) => schema.remoteRelationships.flatMap((type) => type.relationships.map((relationship) => ({ schema, type, relationship }))))
    .filter(({ schema, type, relationship }) => consistent(inconsistencies, schemaRelationshipId(schema.name, type.typeName, relationship.name)))
    .map(({ schema, type, relationship }) => `remote_relationship ${relationship.name} on type ${type.typeName} in remote schema ${schema.name}`);
  const joining = schemaRelationshipDependents(metadata, inconsistencies, (d) => joinsRemoteSchema(d, name)).map((d) => d.text);
  return [...new Set([...tableTexts, ...schemaTexts, ...joining])].sort();
}

function schemaRelationshipDependents(
  metadata: Metadata,
  inconsistencies: readonly InconsistentObject[],
  matches: (definition: StoredDefinition) => boolean,
): Dependent[] {
  const found: Dependent[] = [];
  for (const schema of metadata.remoteSchemas) {
    for (const type of schema.remoteRelationships) {
      for (const relationship of type.relationships) {
        if (!matches(relationship.definition) || !consistent(inconsistencies, schemaRelationshipId(schema.name, type.typeName, relationship.name))) continue;
        found.push({
          text: `remote_relationship ${relationship.name} on type ${type.typeName} in remote schema ${schema.name}`,
          drop: (target) => purgeObject(target, { kind: "schemaRelationship", remoteSchema: schema.name, typeName: type.typeName, name: relationship.name }),
        });
      }
    }
  }
  return found;
}

/** Relationships of other tables and of remote schemas' types that join to `table` of `source` (to_source targets). */
export function tableDependents(metadata: Metadata, inconsistencies: readonly InconsistentObject[], source: string, table: QualifiedTable): Dependent[] {
  const joinsTable = (d: StoredDefinition) => d.target.kind === "toSource" && d.target.source === source && sameTable(d.target.table, table);
  return [...tableRelationshipDependents(metadata, inconsistencies, joinsTable), ...schemaRelationshipDependents(metadata, inconsistencies, joinsTable)].sort(
    (a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}

/** Hasura's `reportDependentObjectsExist` message. */
export function dependencyMessage(texts: readonly string[]): string {
  return `cannot drop due to the following dependent objects: ${texts.join(", ")}`;
}
