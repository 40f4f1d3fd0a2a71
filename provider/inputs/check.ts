import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import type { z } from "zod";
import { remoteRelationshipRules, type Rule, type RuleIssue } from "../rules";
import { propertyPath } from "./propertyPath";
import { findJsonHazard, maxJsonDepth } from "../../model";
import { quote } from "./fields";
import { inputList, remoteRelationshipInputsSchema, type RemoteRelationshipInputs } from "./schema";
import { containsUnknown } from "./unknowns";

/** The property the dynamic provider host keeps the serialized provider under. */
const providerKey = "__provider";

/** The property the resource sets during a preview, so that check knows to validate unchanged relationships too. */
export const dryRunKey = "__dryRun";

/** What check needs of one resource: the schema of its inputs, the rules that run after it, and the sentence listing its inputs. */
export interface InputsKind<I> {
  readonly schema: z.ZodObject;
  readonly rules: readonly Rule<I>[];
  readonly inputList: string;
}

/** A `RemoteRelationship`'s inputs. */
export const remoteRelationshipInputs: InputsKind<RemoteRelationshipInputs> = {
  schema: remoteRelationshipInputsSchema,
  rules: remoteRelationshipRules,
  inputList,
};

/**
 * Validates a resource's new inputs without the network and returns them in canonical form, or the
 * failures, each naming the input (a property path) and how to fix it. Inputs that are not known yet
 * pass through as unknown, and the rules that depend on them are skipped.
 */
export function checkInputs<I>(kind: InputsKind<I>, news: Readonly<Record<string, unknown>>): CheckResult<I> {
  const props: Record<string, unknown> = { ...news };
  delete props[providerKey];
  delete props[dryRunKey];
  // Refused before anything walks them: a value nested too deep would overflow the stack of any walk.
  const hazards = Object.entries(props).flatMap(([input, value]) => hazardIssues(input, value));
  if (hazards.length > 0) return failed(props, hazards);

  // An input that is unknown, or holds an unknown anywhere inside (a field of toSource taken from
  // another resource's output), is not judged until it is known: at the next check, during `up`.
  // Own keys only: a key such as "constructor" is in every object's prototype chain, not in the schema.
  const unknownInputs = Object.keys(props).filter((key) => Object.hasOwn(kind.schema.shape, key) && containsUnknown(props[key]));
  const known = Object.fromEntries(Object.entries(props).filter(([key]) => !unknownInputs.includes(key)));

  const mask = Object.fromEntries(unknownInputs.map((key) => [key, true as const])) as Record<string, true> & Record<number, never>;
  const parsed = kind.schema.partial(mask).safeParse(known);
  if (!parsed.success)
    return failed(
      props,
      parsed.error.issues.flatMap((issue) => perUnknownKey(issue, kind.inputList)),
    );

  const issues: RuleIssue[] = [];
  const context = {
    inputs: parsed.data as Partial<I>,
    isUnknown: (input: string) => containsUnknown(props[input]),
    report: (issue: RuleIssue) => issues.push(issue),
  };
  for (const rule of kind.rules) rule(context);
  if (issues.length > 0) return failed(props, issues);

  // Unknown inputs stay as they came, the engine's unknown markers where they were, so that the engine
  // still sees them as unknown; inputs given as undefined are left out, as the state would leave them out.
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return { inputs: { ...given, ...Object.fromEntries(unknownInputs.map((key) => [key, props[key]])) } as I };
}

/** `checkInputs` for a `RemoteRelationship`. */
export function checkRemoteRelationship(news: Readonly<Record<string, unknown>>): CheckResult<RemoteRelationshipInputs> {
  return checkInputs(remoteRelationshipInputs, news);
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
function perUnknownKey(
  issue: { readonly code?: string; readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] },
  list: string,
) {
  if (issue.code !== "unrecognized_keys" || issue.path.length > 0) return [issue];
  return (issue.keys ?? []).map((key) => ({ path: [key], message: `Unknown input ${quote(key)}. ${list}` }));
}

function failed<I>(props: Record<string, unknown>, issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): CheckResult<I> {
  const failures: CheckFailure[] = issues.map((issue) => ({ property: propertyPath(issue.path), reason: issue.message }));
  return { inputs: props as I, failures };
}
