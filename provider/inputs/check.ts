import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { relationshipRules, type RuleIssue } from "../rules";
import { propertyPath } from "./propertyPath";
import { remoteRelationshipInputsSchema, type InputName, type RemoteRelationshipInputs } from "./schema";
import { containsUnknown, unknownValue } from "./unknowns";

/** The property the dynamic provider host keeps the serialized provider under. */
const providerKey = "__provider";

/**
 * Validates a resource's new inputs without the network and returns them in canonical form, or the
 * failures, each naming the input (a property path) and how to fix it. Inputs that are not known yet
 * pass through as unknown, and the rules that depend on them are skipped.
 */
export function checkRemoteRelationship(news: Readonly<Record<string, unknown>>): CheckResult<RemoteRelationshipInputs> {
  const props: Record<string, unknown> = { ...news };
  delete props[providerKey];
  const schema = remoteRelationshipInputsSchema;
  // Own keys only: a key such as "constructor" is in every object's prototype chain, not in the schema.
  const unknownInputs = Object.keys(props).filter((key) => props[key] === unknownValue && Object.hasOwn(schema.shape, key)) as InputName[];
  const known = Object.fromEntries(Object.entries(props).filter(([key]) => !unknownInputs.includes(key as InputName)));

  const mask = Object.fromEntries(unknownInputs.map((key) => [key, true])) as { [K in InputName]?: true };
  const parsed = schema.partial(mask).safeParse(known);
  if (!parsed.success) return failed(props, parsed.error.issues);

  const issues: RuleIssue[] = [];
  const context = {
    inputs: parsed.data as Partial<RemoteRelationshipInputs>,
    isUnknown: (input: InputName) => containsUnknown(props[input]),
    report: (issue: RuleIssue) => issues.push(issue),
  };
  for (const rule of relationshipRules) rule(context);
  if (issues.length > 0) return failed(props, issues);

  // Unknown inputs stay the engine's unknown marker, so that the engine still sees them as unknown.
  const inputs = { ...parsed.data, ...Object.fromEntries(unknownInputs.map((key) => [key, unknownValue])) };
  return { inputs: inputs as RemoteRelationshipInputs };
}

function failed(props: Record<string, unknown>, issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]) {
  const failures: CheckFailure[] = issues.map((issue) => ({ property: propertyPath(issue.path), reason: issue.message }));
  return { inputs: props as RemoteRelationshipInputs, failures };
}
