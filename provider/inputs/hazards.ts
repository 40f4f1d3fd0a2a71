/**
 * Inputs no schema should walk: nested deeper than any relationship, holding more values than any
 * relationship, or holding a `__proto__` key. `check` refuses them before its schema runs (the
 * schema's parsers recurse, and its record parsers drop a `__proto__` key without a word), and the
 * resource constructors refuse them before the SDK serializes them (which recurses too).
 */
// From the file, not the model's index: the SDK checks inputs with this in the program, which needs none of the model's schemas.
import { findJsonHazard, maxJsonDepth, type HazardOptions } from "../../model/json";
import type { RuleIssue } from "../rules/rule";
import { shownPath } from "./messageText";

/** More values than any relationship's input holds (a table has at most 1,600 columns), and few enough to walk at once. */
export const maxInputValues = 100_000;

/**
 * What is wrong with one input's value, as an issue at the narrowest place (where it nests too
 * deep, the `__proto__` key); undefined when nothing is. `isOpaque` marks values not to look inside.
 */
export function inputHazard(noun: string, input: string, value: unknown, isOpaque?: HazardOptions["isOpaque"]): RuleIssue | undefined {
  const hazard = findJsonHazard(value, maxJsonDepth, { maxValues: maxInputValues, isOpaque });
  if (hazard === undefined) return undefined;
  const path = [input, ...hazard.path];
  switch (hazard.problem) {
    case "too-deep":
      return {
        code: "too-deep",
        path,
        message: `${input} nests deeper than ${maxJsonDepth} levels (at ${shownPath(path)}). No ${noun} is that deep: check how the value is built.`,
      };
    case "too-large":
      return {
        code: "too-large",
        path,
        message: `${input} holds more than ${maxInputValues.toLocaleString("en-US")} values. No ${noun} is that large: check how the value is built.`,
      };
    case "proto-key":
      return {
        code: "proto-key",
        path,
        message: `${input} holds a key named "__proto__" (at ${shownPath(path)}). GraphQL reserves names starting with "__", and no field, argument or input field can have this one: remove it.`,
      };
  }
}
