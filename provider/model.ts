/**
 * The shapes the provider works with, independent of Hasura's wire format.
 * Every value here is plain data so that it survives Pulumi's state and serialization.
 */

/** A JSON value, as Hasura accepts it inside remote field arguments. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A Postgres table qualified by its schema. */
export interface QualifiedTable {
  readonly schema: string;
  readonly name: string;
}

/** One level of a remote field tree: the arguments of this field and, optionally, the next level. */
export interface RemoteFieldCall {
  readonly arguments: { readonly [argument: string]: JsonValue };
  readonly field?: RemoteField;
}

/** A remote field tree: exactly one field name per level, ending at the joined remote field. */
export interface RemoteField {
  readonly [fieldName: string]: RemoteFieldCall;
}

/** What identifies a relationship inside one Hasura: changing any of it means another relationship. */
export interface RelationshipKey {
  readonly source: string;
  readonly table: QualifiedTable;
  readonly name: string;
}

/** What a relationship joins to: the part that Hasura's update operation can change in place. */
export interface RelationshipDefinition {
  readonly hasuraFields: readonly string[];
  readonly remoteSchema: string;
  readonly remoteField: RemoteField;
}

/** A whole relationship in one Hasura, normalized. */
export interface Relationship extends RelationshipKey, RelationshipDefinition {}

/** The resource's inputs after `check`: normalized, with defaults applied. */
export interface RelationshipInputs extends Relationship {
  readonly endpoint: string;
  /** Opt-in to take over a relationship that already exists with another definition, overwriting it. */
  readonly adoptExisting?: boolean;
  /** Set from the `import` resource option: create only takes over this existing, identical relationship. */
  readonly importId?: string;
}

/** The resource's outputs: every input under the same name, so that diff and update see the old inputs. */
export type RelationshipOutputs = RelationshipInputs;

/** Properties whose change means a different relationship, in the order diff reports them. */
export const identityProperties = ["endpoint", "source", "table", "name"] as const;

/** Properties that Hasura's update operation changes in place. */
export const definitionProperties = ["hasuraFields", "remoteSchema", "remoteField"] as const;
