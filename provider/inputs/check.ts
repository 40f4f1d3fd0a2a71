/**
 * `check` without the network: a resource's inputs parsed once with its schema (whose transforms
 * give the canonical form), then its rules, each failure naming the input at fault.
 */
import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import type { z } from "zod";
// From the file, not the model's index: the SDK takes this file's keys in the program, which needs none of the model's schemas.
import { jsonLongerThan } from "../../model/json";
import { declaredByKey } from "../declarations";
import type { Rule, RuleIssue } from "../rules/rule";
import { inputHazard } from "./hazards";
import { quote, shownPath } from "./messageText";
import { containsUnknown } from "./unknowns";

/** The property the dynamic provider host keeps the serialized provider under. */
const providerKey = "__provider";

/** The property the resource sets during a preview, so that check knows to validate unchanged relationships too. */
export const dryRunKey = "__dryRun";

/**
 * The property the resource sets to the engine's `--parallel` (the program is told it, the provider is
 * not), so that the write queue knows from the first batch how many changes the engine sends at once.
 */
export const engineParallelKey = "__parallel";

/** What check needs of one resource: its noun, the schema of its inputs, the rules that run after it, and the sentence listing its inputs. */
export interface InputsKind<S extends z.ZodObject> {
  /** `remote relationship` or `remote schema relationship`, for messages. */
  readonly noun: string;
  readonly schema: S;
  readonly rules: readonly Rule<z.output<S>>[];
  readonly inputList: string;
}

/** The known inputs in canonical form, and the names of those not known yet; or what is wrong with them. */
export type KnownInputs<I> =
  { readonly ok: true; readonly inputs: Partial<I>; readonly unknownInputs: readonly string[] } | { readonly ok: false; readonly issues: readonly RuleIssue[] };

/** The inputs as the program gave them: without what the SDK and the dynamic provider host add for themselves. */
export function givenInputs(news: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const props: Record<string, unknown> = { ...news };
  delete props[providerKey];
  delete props[dryRunKey];
  delete props[engineParallelKey];
  delete props[declaredByKey];
  return props;
}

/**
 * The one parse of a resource's inputs: hazards first, then the schema over the inputs that are
 * known. An input that is unknown, or holds an unknown anywhere inside (a field of toSource taken
 * from another resource's output), is left out and not judged until it is known: at the next check,
 * during `up`.
 */
export function parseKnownInputs<S extends z.ZodObject>(kind: InputsKind<S>, props: Readonly<Record<string, unknown>>): KnownInputs<z.output<S>> {
  // Refused before anything walks them: a value nested too deep would overflow the stack of any walk.
  const hazards = Object.entries(props).flatMap(([input, value]) => inputHazard(kind.noun, input, value) ?? []);
  if (hazards.length > 0) return { ok: false, issues: hazards };

  // Own keys only: a key such as "constructor" is in every object's prototype chain, not in the schema.
  const unknownInputs = Object.keys(props).filter((key) => Object.hasOwn(kind.schema.shape, key) && containsUnknown(props[key]));
  const known = Object.fromEntries(Object.entries(props).filter(([key]) => !unknownInputs.includes(key)));
  // zod's mask may name only string keys of the shape; the unknown inputs are such keys (filtered above).
  const mask: Record<string, true> & Record<number, never> = {};
  for (const key of unknownInputs) mask[key] = true;
  const parsed = kind.schema.partial(mask).safeParse(known);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap((issue) => issuesOfSchema(issue, kind.inputList)) };
  // zod types partial(mask) with a conditional mapped type that TypeScript cannot relate to the
  // schema's output for a generic schema; at runtime each input is its parsed output or absent.
  return { ok: true, inputs: parsed.data as Partial<z.output<S>>, unknownInputs };
}

/**
 * Validates a resource's new inputs without the network and returns them in canonical form, or the
 * failures, each naming the input (a property path) and how to fix it. Unknown inputs pass through
 * as unknown, and the rules that depend on them are skipped.
 */
export function checkInputs<S extends z.ZodObject>(kind: InputsKind<S>, news: Readonly<Record<string, unknown>>): CheckResult<z.output<S>> {
  const props = givenInputs(news);
  const known = parseKnownInputs(kind, props);
  if (!known.ok) return { failures: checkFailures(known.issues, props) };
  const issues = ruleIssues(kind.rules, known.inputs, (input) => containsUnknown(props[input]));
  if (issues.length > 0) return { failures: checkFailures(issues, props) };

  // Unknown inputs stay as they came, the engine's unknown markers where they were, so that the engine
  // still sees them as unknown; inputs given as undefined are left out, as the state would leave them out.
  const given = Object.fromEntries(Object.entries(known.inputs).filter(([, value]) => value !== undefined));
  const unknown = Object.fromEntries(known.unknownInputs.map((key) => [key, props[key]]));
  // The canonical inputs, complete once every input is known (always, by `create` and `update`); in a
  // preview an input not known yet is the engine's marker, which Pulumi's CheckResult type cannot show.
  return { inputs: { ...given, ...unknown } as z.output<S> };
}

/** What the rules report for inputs that passed the schema, in the rules' order. */
export function ruleIssues<I>(rules: readonly Rule<I>[], inputs: Partial<I>, isUnknown: (input: keyof I & string) => boolean): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const rule of rules) rule({ inputs, isUnknown, report: (issue) => issues.push(issue) });
  return issues;
}

/** A schema issue as a rule issue; unknown inputs are one issue each, named by the input itself, rather than one for the whole object. */
function issuesOfSchema(issue: z.core.$ZodIssue, inputList: string): RuleIssue[] {
  if (issue.code !== "unrecognized_keys" || issue.path.length > 0)
    return [{ code: issue.code, path: issue.path.filter(isPathSegment), message: issue.message }];
  return issue.keys.map((key) => ({ code: "unknown-input", path: [key], message: `Unknown input ${quote(key)}. ${inputList}` }));
}

function isPathSegment(segment: PropertyKey): segment is string | number {
  return typeof segment !== "symbol";
}

/** The most failures one check reports: beyond them, one more failure says how many were left out. */
const maxFailures = 20;

/** The longest input name a failure names as its property: a longer one (an unknown input) is shown shortened in the reason. */
const maxPropertyLength = 300;

/** The longest value the engine may print beside a failure: it prints the value of the property a failure names, whole. */
const maxPrintedValueLength = 500;

/** The longest message, whatever went into it. */
const maxReasonLength = 2_000;

/**
 * The issues as check reports them, bounded whatever the inputs (`props`, as given). The engine
 * prints a failure that names a property as `property P value V has a problem: R`, V looked up among
 * the inputs by P whole: so only an input itself (`table`, `hasuraFields`) whose value is short is
 * named as the property. A place inside an input (`hasuraFields[0]`, `toSource.fieldMapping.id`),
 * for which the engine would print `value {<nil>}`, and an input whose value is large, are named at
 * the start of the reason instead. A long path is shown by its ends, a long message is cut, and many
 * issues are a few and a count.
 */
export function checkFailures(issues: readonly RuleIssue[], props: Readonly<Record<string, unknown>>): CheckFailure[] {
  const failures = issues.slice(0, maxFailures).map((issue) => checkFailure(issue, props));
  if (issues.length <= maxFailures) return failures;
  const more = issues.length - maxFailures;
  return [
    ...failures,
    { property: "", reason: `${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"} in these inputs, not shown: fix the ones above first.` },
  ];
}

function checkFailure(issue: RuleIssue, props: Readonly<Record<string, unknown>>): CheckFailure {
  const reason =
    issue.message.length <= maxReasonLength
      ? issue.message
      : `${issue.message.slice(0, maxReasonLength)}... (${issue.message.length - maxReasonLength} more characters)`;
  const [input] = issue.path;
  if (issue.path.length === 1 && typeof input === "string") {
    // An unknown input with a very long name is quoted, shortened, by its message.
    if (input.length > maxPropertyLength) return { property: "", reason };
    if (!jsonLongerThan(props[input], maxPrintedValueLength)) return { property: input, reason };
  }
  // A message that starts with its input's name (`remoteField names 2 fields ...`) says where it is itself.
  const place = shownPath(issue.path);
  const saysWhere = place === "" || (typeof input === "string" && [" ", ".", "["].some((next) => reason.startsWith(`${input}${next}`)));
  return { property: "", reason: saysWhere ? reason : `${place}: ${reason}` };
}
