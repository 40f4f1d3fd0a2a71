import type { ParsedInputs } from "../schema";

/** A problem a rule found: where in the inputs, and a message that says what to do. */
export interface RuleIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What a rule sees: inputs that passed the schema, and which top-level inputs are not known yet. */
export interface RuleContext {
  readonly inputs: Partial<ParsedInputs>;
  /** True when the value of this input, or anything inside it, is not known until apply. */
  isUnknown(input: keyof ParsedInputs): boolean;
  report(issue: RuleIssue): void;
}

/** A rule checks one invariant across inputs, reports to the context, and never throws. */
export type RelationshipRule = (context: RuleContext) => void;
