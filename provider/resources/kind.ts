/**
 * What a relationship resource is, to the generic provider (provider/relationshipProvider.ts), to
 * `check`, `diff` and the generator: one object per kind, assembled once in the kind's folder
 * (provider/resources/<kind>/index.ts). A new kind of relationship is a new folder.
 */
import type { z } from "zod";
import type { HeldRelationship, InconsistentObject, MetadataDocument, RelationshipTarget } from "../../model";
import type { InputsKind } from "../inputs/check";
import type { Step } from "../plans";
import type { RuleIssue } from "../rules/rule";
import type { Change } from "../runtime/change";
import type { LiveValidationScope } from "../validation/liveValidation";

/** The inputs every relationship resource has. */
export interface CommonInputs {
  readonly endpoint: string;
  readonly adoptExisting?: boolean;
  readonly importId?: string;
}

/** The schema of a relationship resource's inputs: a zod object whose output has the common inputs. */
export type InputsSchema = z.ZodObject & z.ZodType<CommonInputs>;

/** The canonical inputs of a kind whose schema is `S`: what `check` returns, and the outputs besides `inconsistency`. */
export type InputsOf<S extends InputsSchema> = z.output<S>;

/**
 * One kind of relationship resource, over its inputs' schema `S` and its key `K` (what identifies
 * the relationship inside one Hasura): its inputs (`InputsKind`), what decides update or replace
 * (a `DiffSpec`), its ID, its target, and where Hasura keeps it.
 */
export interface RelationshipKind<S extends InputsSchema, K> extends InputsKind<S> {
  /**
   * The inputs whose change means another relationship (the endpoint and the key's), in the order
   * diff reports them; every other input but the steering ones is the definition, updated in place.
   */
  readonly identity: readonly (keyof InputsOf<S> & string)[];
  keyOf(inputs: InputsOf<S>): K;
  /** The resource's ID, which the `import` option takes, and which messages name the relationship by: `default/public/users/messages`. */
  formatId(key: K): string;
  /** The key an ID names, or an error that shows the ID's form. */
  parseId(id: string): K;
  /** What the relationship joins to, from canonical inputs that passed check. */
  targetOf(inputs: InputsOf<S>): RelationshipTarget;
  /** The inputs of a relationship Hasura holds: its key and target as this resource names them. */
  liveInputs(endpoint: string, key: K, target: RelationshipTarget): InputsOf<S>;
  /** What Hasura holds under the key in a metadata document. */
  find(metadata: MetadataDocument, key: K): HeldRelationship | undefined;
  /** A change to the relationship under the key, planned by `plan`, for the observe-plan-write loop. */
  change(key: K, operation: string, plan: (held: HeldRelationship | undefined) => Step): Change;
  /** Hasura's reason when the relationship under the key is inconsistent. */
  inconsistency(objects: readonly InconsistentObject[], key: K): string | undefined;
  /** What Hasura would refuse in these canonical inputs, asked of Hasura (provider/validation): none when it cannot be asked. */
  liveIssues(inputs: InputsOf<S>, scope: LiveValidationScope): Promise<readonly RuleIssue[]>;
}
