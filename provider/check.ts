import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { inputNormalizers, normalizeInputs, type RawRelationshipInputs } from "./normalize";
import { propertyPath } from "./propertyPath";
import { relationshipRules, type RuleIssue } from "./rules";
import { relationshipInputSchema, type ParsedInputs } from "./schema";
import { containsUnknown, unknownValue } from "./unknowns";

/** The property the dynamic provider host keeps the serialized provider under. */
const providerKey = "__provider";

/**
 * Validates the resource's new inputs without the network and returns them normalized, or the
 * failures, each naming the input (a property path) and how to fix it. Inputs that are not known yet
 * pass through as unknown, and rules that depend on them are skipped.
 */
export function checkRelationship(news: Readonly<Record<string, unknown>>): CheckResult<Record<string, unknown>> {
  const props: Record<string, unknown> = { ...news };
  delete props[providerKey];
  const schema = relationshipInputSchema();
  const unknownInputs = Object.keys(props).filter((key) => props[key] === unknownValue && key in schema.shape);
  const known = Object.fromEntries(Object.entries(props).filter(([key]) => !unknownInputs.includes(key)));

  const mask = Object.fromEntries(unknownInputs.map((key) => [key, true])) as { [K in keyof ParsedInputs]?: true };
  const parsed = schema.partial(mask).safeParse(known);
  if (!parsed.success) return { inputs: props, failures: parsed.error.issues.map((issue) => toFailure(issue)) };

  const issues: RuleIssue[] = [];
  const context = {
    inputs: parsed.data as Partial<ParsedInputs>,
    isUnknown: (input: keyof ParsedInputs) => containsUnknown(props[input]),
    report: (issue: RuleIssue) => issues.push(issue),
  };
  for (const rule of relationshipRules) rule(context);
  if (issues.length > 0) return { inputs: props, failures: issues.map((issue) => toFailure(issue)) };

  if (unknownInputs.length === 0) return { inputs: { ...normalizeInputs(parsed.data as RawRelationshipInputs) } };
  return { inputs: normalizePartially(parsed.data as Partial<RawRelationshipInputs>, unknownInputs) };
}

function toFailure(issue: { readonly path: readonly PropertyKey[]; readonly message: string }): CheckFailure {
  return { property: propertyPath(issue.path), reason: issue.message };
}

/** Normalizes what is known and keeps the unknown markers where they are, so the engine still sees them. */
function normalizePartially(data: Partial<RawRelationshipInputs>, unknownInputs: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...data };
  for (const [input, normalize] of Object.entries(inputNormalizers)) {
    if (unknownInputs.includes(input)) result[input] = unknownValue;
    else if (input in data || input === "source") result[input] = (normalize as (value: unknown) => unknown)(data[input as keyof RawRelationshipInputs]);
  }
  return result;
}
