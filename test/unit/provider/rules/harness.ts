import assert from "node:assert/strict";
import { parseKnownInputs, ruleIssues } from "../../../../provider/inputs/check";
import { containsUnknown, unknownValue } from "../../../../provider/inputs/unknowns";
import type { InputsSchema, RelationshipKind } from "../../../../provider/resources/kind";
import { remoteRelationship } from "../../../../provider/resources/remoteRelationship";
import { remoteSchemaRelationship } from "../../../../provider/resources/remoteSchemaRelationship";
import type { RuleIssue } from "../../../../provider/rules/rule";

/** Runs a kind's rules the way check does: over its one typed parse of the known inputs. */
export interface RulesHarness {
  /** What the kind's rules report for `valid` changed by `change`, with the inputs named in `unknown` not known yet. */
  issuesOf(change: Record<string, unknown>, unknown?: readonly string[]): RuleIssue[];
  /** The rules report exactly these issues, in this order. */
  expectErrors(change: Record<string, unknown>, expected: RuleIssue[], unknown?: readonly string[]): void;
  /** The rules report nothing. */
  expectValid(change: Record<string, unknown>, unknown?: readonly string[]): void;
}

/** A harness for `kind`, whose tests start from `valid` inputs, so that only the change under test can fail. */
export function rulesHarness<S extends InputsSchema, K>(kind: RelationshipKind<S, K>, valid: Record<string, unknown>): RulesHarness {
  const issuesOf = (change: Record<string, unknown>, unknown: readonly string[] = []) => {
    const props = { ...valid, ...change, ...Object.fromEntries(unknown.map((input) => [input, unknownValue])) };
    const known = parseKnownInputs(kind, props);
    assert.ok(known.ok, `the inputs must pass the schema: ${JSON.stringify(known.ok ? [] : known.issues)}`);
    return ruleIssues(kind.rules, known.inputs, (input) => containsUnknown(props[input]));
  };
  return {
    issuesOf,
    expectErrors: (change, expected, unknown) => assert.deepEqual(issuesOf(change, unknown), expected),
    expectValid: (change, unknown) => assert.deepEqual(issuesOf(change, unknown), []),
  };
}

/** `RemoteRelationship` inputs that pass every rule. */
export const remoteRelationshipRules = rulesHarness(remoteRelationship, {
  endpoint: "https://hasura.example.com",
  name: "userMessages",
  table: "users",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  remoteField: { messages: { arguments: { id: "$id" } } },
});

/** `RemoteSchemaRelationship` inputs that pass every rule. */
export const remoteSchemaRelationshipRules = rulesHarness(remoteSchemaRelationship, {
  endpoint: "https://hasura.example.com",
  remoteSchema: "users-api",
  typeName: "User",
  name: "orders",
  toRemoteSchema: { remoteSchema: "orders-api", lhsFields: ["id"], remoteField: { orders: { arguments: { userId: "$id" } } } },
});
