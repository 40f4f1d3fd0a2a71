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
