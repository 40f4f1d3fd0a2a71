/**
 * Removing one object from the metadata, as Hasura's `purgeMetadataObj` does it
 * (Hasura/RQL/DDL/Metadata.hs, with the `drop*InMetadata` modifiers it calls): a source, a tracked
 * table (with everything on it), a table's remote relationship or computed field, a remote schema (with the
 * relationships defined on it), or a relationship on a remote schema's type, whose type entry
 * stays, with no relationships left, as `dropRemoteSchemaRemoteRelationshipInMetadata` leaves it.
 * An object that is not there is left alone. Mutates `metadata`.
 */
import { sameTable } from "../../model";
import type { Metadata, MetadataObjectRef } from "./records";

/** Removes the object `ref` names from `metadata`. */
export function purgeObject(metadata: Metadata, ref: MetadataObjectRef): void {
  switch (ref.kind) {
    case "source":
      metadata.sources = metadata.sources.filter((source) => source.name !== ref.source);
      return;
    case "table": {
      const source = metadata.sources.find((candidate) => candidate.name === ref.source);
      if (source !== undefined) source.tables = source.tables.filter((table) => !sameTable(table.table, ref.table));
      return;
    }
    case "tableRelationship": {
      const table = metadata.sources.find((source) => source.name === ref.source)?.tables.find((candidate) => sameTable(candidate.table, ref.table));
      if (table !== undefined) table.remoteRelationships = table.remoteRelationships.filter((relationship) => relationship.name !== ref.name);
      return;
    }
    case "computedField": {
      const table = metadata.sources.find((source) => source.name === ref.source)?.tables.find((candidate) => sameTable(candidate.table, ref.table));
      if (table !== undefined) table.computedFields = (table.computedFields ?? []).filter((field) => field.name !== ref.name);
      return;
    }
    case "remoteSchema":
      metadata.remoteSchemas = metadata.remoteSchemas.filter((schema) => schema.name !== ref.name);
      return;
    case "schemaRelationship": {
      const type = metadata.remoteSchemas
        .find((schema) => schema.name === ref.remoteSchema)
        ?.remoteRelationships.find((candidate) => candidate.typeName === ref.typeName);
      if (type !== undefined) type.relationships = type.relationships.filter((relationship) => relationship.name !== ref.name);
      return;
    }
  }
}
