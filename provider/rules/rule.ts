import type { RemoteField } from "../../model";

/** A problem a rule found: where in the inputs, and a message that says what to do. */
export interface RuleIssue {
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

/**
 * Where a resource keeps a remote field tree and the join fields that feed its `$variables`, so that
 * the rules about trees serve every resource that has one.
 */
export interface TreeInputs<I> {
  /** The input holding the tree, and the path to the tree inside the inputs. */
  readonly treeInput: keyof I & string;
  readonly treePath: readonly string[];
  tree(inputs: Partial<I>): RemoteField | undefined;
  /** The input holding the join fields, and their name in messages. */
  readonly joinFieldsInput: keyof I & string;
  readonly joinFieldsName: string;
  joinFields(inputs: Partial<I>): readonly string[] | undefined;
}
