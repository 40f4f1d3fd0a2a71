import * as pulumi from "@pulumi/pulumi";
import type { ToSource } from "../model";
import { engineProps } from "./engineProps";
import { guardInputs } from "./inputGuard";
import type { RemoteFieldArgs, ToSourceArgs } from "./remoteRelationship";

/** Another remote schema to join: its name, the fields of this type that feed `$variables`, and the remote field tree. */
export interface ToRemoteSchemaArgs {
  readonly remoteSchema: pulumi.Input<string>;
  readonly lhsFields: pulumi.Input<pulumi.Input<string>[]>;
  readonly remoteField: pulumi.Input<RemoteFieldArgs>;
}

/** The inputs of a `RemoteSchemaRelationship`: the arguments of Hasura's `create_remote_schema_remote_relationship`, in camelCase. */
export interface RemoteSchemaRelationshipArgs {
  /** The remote schema whose type gets the relationship, as added to Hasura. */
  readonly remoteSchema: pulumi.Input<string>;
  /** The type of that remote schema the relationship is defined on. */
  readonly typeName: pulumi.Input<string>;
  /** The relationship's name: a GraphQL name, the field it adds to the type. */
  readonly name: pulumi.Input<string>;
  /** The target: another remote schema. Give this or `toSource`. */
  readonly toRemoteSchema?: pulumi.Input<ToRemoteSchemaArgs>;
  /** The target: a table of a database source. Give this or `toRemoteSchema`. */
  readonly toSource?: pulumi.Input<ToSourceArgs>;
  /** Hasura's base URL; the stack config `hasura:endpoint` when not given. */
  readonly endpoint?: pulumi.Input<string>;
  /** Take over a relationship that exists with another definition, overwriting it. Off by default: create refuses instead. */
  readonly adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A Hasura remote schema relationship (Hasura v2.5+): a field on a remote schema's type that joins
 * another remote schema or a table of a database source. Its ID is `remoteSchema/typeName/name`,
 * which is also what the `import` option takes.
 */
export class RemoteSchemaRelationship extends pulumi.CustomResource {
  declare readonly remoteSchema: pulumi.Output<string>;
  declare readonly typeName: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly toRemoteSchema: pulumi.Output<{ remoteSchema: string; lhsFields: string[]; remoteField: RemoteFieldArgs } | undefined>;
  declare readonly toSource: pulumi.Output<Omit<ToSource, "kind"> | undefined>;
  declare readonly endpoint: pulumi.Output<string>;
  declare readonly adoptExisting: pulumi.Output<boolean | undefined>;
  /** The ID given to the `import` option, when the relationship was taken over that way. */
  declare readonly importId: pulumi.Output<string | undefined>;
  /** Hasura's reason when the relationship is inconsistent, as the last refresh found; absent when consistent. */
  declare readonly inconsistency: pulumi.Output<string | undefined>;

  constructor(resourceName: string, args: RemoteSchemaRelationshipArgs, opts: pulumi.CustomResourceOptions = {}) {
    guardInputs({ type: "RemoteSchemaRelationship", name: resourceName, noun: "remote schema relationship" }, args);
    const { props, options } = engineProps({ name: resourceName }, args, opts, "remoteSchemaRelationshipProvider");
    super("pulumi-nodejs:dynamic/hasura:RemoteSchemaRelationship", resourceName, { ...args, ...props, inconsistency: undefined }, options);
  }
}
