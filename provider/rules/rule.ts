import type { InputName, RemoteRelationshipInputs } from "../inputs/schema";

/** A problem a rule found: where in the inputs, and a message that says what to do. */
export interface RuleIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What a rule sees: canonical inputs that passed the schema, and which of them are not known yet. */
export interface RuleContext {
  readonly inputs: Partial<RemoteRelationshipInputs>;
  /** True when the value of this input, or anything inside it, is not known until apply. */
  isUnknown(input: InputName): boolean;
  report(issue: RuleIssue): void;
}

/** A rule checks one invariant across inputs, reports to the context, and never throws. */
export type RelationshipRule = (context: RuleContext) => void;
