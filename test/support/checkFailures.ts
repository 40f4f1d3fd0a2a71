/**
 * What check reports for a problem at a place in the inputs, as the engine needs it: an input itself
 * is the failure's property; a place inside one (`hasuraFields[0]`, `toSource.fieldMapping.id`) starts
 * the reason, since the engine looks a property up among the inputs whole and would print
 * `value {<nil>}` beside it.
 */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";

/** A place inside an input as messages show it: `remoteField.user.arguments.id`, `hasuraFields[0]`, a long one with `...(12 more)...` in its middle. */
const placeInReason = /^((?:[^\s:"]|"(?:[^"\\]|\\.)*")+(?: more\)(?:[^\s:"]|"(?:[^"\\]|\\.)*")*)?): /;

/** The failure naming `place` with `reason`. */
export function failureAt(place: string, reason: string): CheckFailure {
  return /[.[]/.test(place) ? { property: "", reason: `${place}: ${reason}` } : { property: place, reason };
}

/** The place a failure names: its property, or the place inside an input its reason starts with. */
export function placeOf(failure: CheckFailure): string {
  return failure.property !== "" ? failure.property : (placeInReason.exec(failure.reason)?.[1] ?? "");
}

/**
 * `placeOf`, or one of `inputs` when the reason starts by naming it (`remoteField names 2 fields ...`:
 * check leaves such a message as it is, since it says where it is itself; provider/inputs/check.ts
 * `checkFailure`).
 */
export function placeAmong(failure: CheckFailure, inputs: readonly string[]): string {
  const place = placeOf(failure);
  if (place !== "") return place;
  return inputs.find((input) => [" ", ".", "["].some((next) => failure.reason.startsWith(`${input}${next}`))) ?? "";
}
