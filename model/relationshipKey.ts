/** What identifies a remote relationship inside one Hasura: changing any part of it means another relationship. */
import type { QualifiedTable } from "./table";

/** A relationship defined on a table of a database source. */
export interface TableRelationshipKey {
  readonly source: string;
  readonly table: QualifiedTable;
  readonly name: string;
}

/** A relationship defined on a type of a remote schema (Hasura v2.5+). */
export interface RemoteSchemaRelationshipKey {
  readonly remoteSchema: string;
  readonly typeName: string;
  readonly name: string;
}

/** A table relationship as messages name it: `source.schema.table.name`. */
export function tableRelationshipLabel(key: TableRelationshipKey): string {
  return `${key.source}.${key.table.schema}.${key.table.name}.${key.name}`;
}

/** A remote schema relationship as messages name it: `remoteSchema.typeName.name`. */
export function remoteSchemaRelationshipLabel(key: RemoteSchemaRelationshipKey): string {
  return `${key.remoteSchema}.${key.typeName}.${key.name}`;
}
