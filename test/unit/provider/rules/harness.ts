import assert from "node:assert/strict";
import { remoteRelationshipInputsSchema, type InputName } from "../../../../provider/inputs/schema";
import { containsUnknown } from "../../../../provider/inputs/unknowns";
import type { Rule, RuleIssue } from "../../../../provider/rules";
import type { RemoteRelationshipInputs } from "../../../../provider/inputs/schema";

type RelationshipRule = Rule<RemoteRelationshipInputs>;

/** Inputs every rule test starts from: valid, so that only the change under test can fail. */
export const validInputs = {
  endpoint: "https://hasura.example.com",
  name: "userMessages",
  table: "users",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  remoteField: { messages: { arguments: { id: "$id" } } },
};

/** What one rule reports for these inputs (they must pass the schema; unknown inputs are treated as check treats them). */
export function issuesOf(rule: RelationshipRule, change: Record<string, unknown>, unknown: readonly string[] = []): RuleIssue[] {
  const raw: Record<string, unknown> = { ...validInputs, ...change };
  const known = Object.fromEntries(Object.entries(raw).filter(([key]) => !unknown.includes(key)));
  const mask = Object.fromEntries(unknown.map((key) => [key, true])) as { [K in InputName]?: true };
  const inputs = remoteRelationshipInputsSchema.partial(mask).parse(known);
  const issues: RuleIssue[] = [];
  rule({ inputs, isUnknown: (input: string) => unknown.includes(input) || containsUnknown(raw[input]), report: (issue) => issues.push(issue) });
  return issues;
}

/** The rule reports exactly these issues, in this order. */
export function expectErrors(rule: RelationshipRule, change: Record<string, unknown>, expected: RuleIssue[], unknown: readonly string[] = []): void {
  assert.deepEqual(issuesOf(rule, change, unknown), expected);
}

/** The rule reports nothing. */
export function expectValid(rule: RelationshipRule, change: Record<string, unknown>, unknown: readonly string[] = []): void {
  expectErrors(rule, change, [], unknown);
}
