import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { relationshipRules, type RuleIssue } from "../rules";
import { propertyPath } from "./propertyPath";
import { findJsonHazard, maxJsonDepth } from "../../model";
import { inputList, quote, remoteRelationshipInputsSchema, type InputName, type RemoteRelationshipInputs } from "./schema";
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

  const hazards = Object.entries(known).flatMap(([input, value]) => hazardIssues(input, value));
  if (hazards.length > 0) return failed(props, hazards);

  const mask = Object.fromEntries(unknownInputs.map((key) => [key, true])) as { [K in InputName]?: true };
  const parsed = schema.partial(mask).safeParse(known);
  if (!parsed.success) return failed(props, parsed.error.issues.flatMap(perUnknownKey));

  const issues: RuleIssue[] = [];
  const context = {
    inputs: parsed.data as Partial<RemoteRelationshipInputs>,
    isUnknown: (input: InputName) => containsUnknown(props[input]),
    report: (issue: RuleIssue) => issues.push(issue),
  };
  for (const rule of relationshipRules) rule(context);
  if (issues.length > 0) return failed(props, issues);

  // Unknown inputs stay the engine's unknown marker, so that the engine still sees them as unknown;
  // inputs given as undefined are left out, as the state would leave them out.
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  const inputs = { ...given, ...Object.fromEntries(unknownInputs.map((key) => [key, unknownValue])) };
  return { inputs: inputs as RemoteRelationshipInputs };
}

/**
 * An input nested deeper than any real relationship, or holding a `__proto__` key, is refused before
 * the schema sees it: the schema's parsers recurse (and would overflow the stack), and its record
 * parsers would drop a `__proto__` key without a word.
 */
function hazardIssues(input: string, value: unknown): { path: PropertyKey[]; message: string }[] {
  const hazard = findJsonHazard(value, maxJsonDepth);
  if (hazard === undefined) return [];
  const at = propertyPath([input, ...hazard.path.slice(0, 12)]) + (hazard.path.length > 12 ? "..." : "");
  const message =
    hazard.problem === "too-deep"
      ? `${input} nests deeper than ${maxJsonDepth} levels (at ${at}). No remote relationship is that deep: check how the value is built.`
      : `${input} holds a key named "__proto__" (at ${at}). GraphQL reserves names starting with "__", and no field, argument or input field can have this one: remove it.`;
  return [{ path: [input], message }];
}

/** Unknown inputs are one failure each, named by the input itself, rather than one for the whole object. */
function perUnknownKey(issue: { readonly code?: string; readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] }) {
  if (issue.code !== "unrecognized_keys" || issue.path.length > 0) return [issue];
  return (issue.keys ?? []).map((key) => ({ path: [key], message: `Unknown input ${quote(key)}. ${inputList}` }));
}

function failed(props: Record<string, unknown>, issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]) {
  const failures: CheckFailure[] = issues.map((issue) => ({ property: propertyPath(issue.path), reason: issue.message }));
  return { inputs: props as RemoteRelationshipInputs, failures };
}
