import type { RemoteField } from "../../model";

/**
 * A problem found in a resource's inputs, as data: a stable `code` that tests and callers branch on
 * (never the text), where in the inputs, and a message that says what is wrong and what to do.
 */
export interface RuleIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What a rule sees: canonical inputs of one resource that passed its schema, and which of them are not known yet. */
export interface RuleContext<I> {
  readonly inputs: Partial<I>;
  /** True when the value of this input, or anything inside it, is not known until apply. */
  isUnknown(input: keyof I & string): boolean;
  report(issue: RuleIssue): void;
}

/** A rule checks one invariant across inputs, reports to the context, and never throws. */
export type Rule<I> = (context: RuleContext<I>) => void;

/** A path into the inputs that starts with the input holding the value: `["remoteField"]`, `["toRemoteSchema", "lhsFields"]`. */
export type InputPath<I> = readonly [keyof I & string, ...string[]];

/**
 * Where a resource keeps a remote field tree and the join fields that feed its `$variables`, so that
 * the rules about trees serve every resource that has one.
 */
export interface TreeInputs<I> {
  /** Where the tree and the join fields are; messages name them by these paths. */
  readonly paths: { readonly remoteField: InputPath<I>; readonly lhsFields: InputPath<I> };
  /** The tree and the join fields, where the inputs give them. */
  read(inputs: Partial<I>): { readonly remoteField?: RemoteField; readonly lhsFields?: readonly string[] };
}
