import * as pulumi from "@pulumi/pulumi";
import type { QualifiedTable, RelationshipType, RemoteField, RemoteFieldCall, TableRef, ToSource } from "../model";
import { engineProps } from "./engineProps";
import { guardInputs } from "./inputGuard";

/** A table of the source: `"users"` (schema public) or `{schema, name}`. */
export type TableArgs = TableRef;

/** One level of the remote field tree: the field's arguments (`"$column"` values are join keys) and the next level. */
export type RemoteFieldCallArgs = RemoteFieldCall;

/** The remote field tree, one field name per level, ending at the field to join. */
export type RemoteFieldArgs = RemoteField;

/** A table of a database source to join: an object (one row) or array (many rows) relationship, `fieldMapping` from this side's fields to its columns. */
export interface ToSourceArgs {
  readonly relationshipType: pulumi.Input<RelationshipType>;
  readonly source: pulumi.Input<string>;
  readonly table: pulumi.Input<TableArgs>;
  readonly fieldMapping: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The inputs of a `RemoteRelationship`: the arguments of Hasura's `create_remote_relationship`, in camelCase. */
export interface RemoteRelationshipArgs {
  /** The relationship's name: a GraphQL name, the field it adds to the table's type. */
  readonly name: pulumi.Input<string>;
  /** The tracked table the relationship is defined on. */
  readonly table: pulumi.Input<TableArgs>;
  /** The database source of the table; `default` when not given. */
  readonly source?: pulumi.Input<string>;
  /** Columns or computed fields of the table used as join keys; every `$variable` in `remoteField` must be one. With `remoteSchema` and `remoteField`. */
  readonly hasuraFields?: pulumi.Input<pulumi.Input<string>[]>;
  /** The remote schema to join, as added to Hasura. With `hasuraFields` and `remoteField`. */
  readonly remoteSchema?: pulumi.Input<string>;
  /** The remote field tree ending at the joined field, as in Hasura's `remote_field`. With `hasuraFields` and `remoteSchema`. */
  readonly remoteField?: pulumi.Input<RemoteFieldArgs>;
  /** Instead of a remote schema: a table of another database source, joined by `fieldMapping` (Hasura's `to_source`). */
  readonly toSource?: pulumi.Input<ToSourceArgs>;
  /** Hasura's base URL; the stack config `hasura:endpoint` when not given. */
  readonly endpoint?: pulumi.Input<string>;
  /** Take over a relationship that exists with another definition, overwriting it. Off by default: create refuses instead. */
  readonly adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A Hasura remote relationship: a tracked table joined to a remote schema, managed through Hasura's
 * metadata API. Its ID is `source/schema/table/name`, which is also what the `import` option takes.
 *
 * It is a dynamic resource (type `pulumi-nodejs:dynamic/hasura:RemoteRelationship`, run by Pulumi's
 * dynamic provider host) that writes its own `__provider` reference instead of letting
 * `pulumi.dynamic.Resource` serialize the provider's code into the state (see provider/handle.ts).
 */
export class RemoteRelationship extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly table: pulumi.Output<QualifiedTable>;
  declare readonly source: pulumi.Output<string>;
  declare readonly hasuraFields: pulumi.Output<string[] | undefined>;
  declare readonly remoteSchema: pulumi.Output<string | undefined>;
  declare readonly remoteField: pulumi.Output<RemoteFieldArgs | undefined>;
  declare readonly toSource: pulumi.Output<Omit<ToSource, "kind"> | undefined>;
  declare readonly endpoint: pulumi.Output<string>;
  declare readonly adoptExisting: pulumi.Output<boolean | undefined>;
  /** The ID given to the `import` option, when the relationship was taken over that way. */
  declare readonly importId: pulumi.Output<string | undefined>;
  /** Hasura's reason when the relationship is inconsistent (say, its remote schema changed under it), as the last refresh found; absent when consistent. */
  declare readonly inconsistency: pulumi.Output<string | undefined>;

  constructor(resourceName: string, args: RemoteRelationshipArgs, opts: pulumi.CustomResourceOptions = {}) {
    guardInputs({ type: "RemoteRelationship", name: resourceName, noun: "remote relationship" }, args);
    const { props, options } = engineProps({ name: resourceName }, args, opts, "remoteRelationshipProvider");
    super("pulumi-nodejs:dynamic/hasura:RemoteRelationship", resourceName, { ...args, source: args.source, ...props, inconsistency: undefined }, options);
  }
}
