/** The side a relationship joins from: what its join fields may be, for the checks of join fields and the messages about them. Pure. */
import { tableText, type CatalogColumn } from "../../model";
import type { TableSide } from "./tableChecks";

/** The side a relationship joins from, as its join fields (`hasuraFields`, the keys of `fieldMapping`) name it. */
export interface JoinSide {
  /** How messages name it: `"profiles"`, `type "User"`. */
  readonly name: string;
  /** What its join fields are, for the fix: `columns or computed fields of "profiles"`, `fields of type "User"`. */
  readonly joinFieldsAre: string;
  /** What the join fields may be; undefined when they are not known (and then not checked). */
  readonly joinFields?: readonly string[];
  /** Why Hasura cannot join on `field`, when it is something of this side Hasura does not join on (a computed field that takes arguments). */
  whyNotJoinable(field: string): string | undefined;
  /** The side's columns with their types, for the comparison of join types; absent for a remote schema's type. */
  readonly columns?: readonly CatalogColumn[];
}

/** A table as the side a relationship joins from: its columns and the computed fields Hasura joins on. */
export function tableJoinSide(side: TableSide): JoinSide {
  const name = JSON.stringify(tableText(side.table));
  return {
    name,
    joinFieldsAre: `columns or computed fields of ${name}`,
    joinFields: side.joinFields,
    whyNotJoinable: (field) => side.computedFields.find((computed) => computed.name === field)?.notJoinable,
    columns: side.columns,
  };
}

/** A remote schema's type as the side a relationship joins from: its fields without arguments. */
export function typeJoinSide(typeName: string, fields: readonly string[]): JoinSide {
  const name = `type ${JSON.stringify(typeName)}`;
  return { name, joinFieldsAre: `fields of ${name}`, joinFields: fields, whyNotJoinable: () => undefined };
}
