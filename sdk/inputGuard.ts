import * as pulumi from "@pulumi/pulumi";
import { inputHazard } from "../provider/inputs/hazards";

/** The resource whose inputs are checked, as its error names it. */
export interface GuardedResource {
  /** The class: `RemoteRelationship`. */
  readonly type: string;
  /** The resource's name in the program. */
  readonly name: string;
  /** `remote relationship`, for the message. */
  readonly noun: string;
}

/**
 * Refuses, before the SDK serializes them, the inputs `check` would refuse without looking further:
 * nested deeper than any relationship, holding more values than any relationship, or holding a
 * `__proto__` key. Serializing walks the inputs by recursion, so a 10,000-deep value would end the
 * program with a bare stack overflow before `check` ever saw it; this walk does not recurse. Only
 * plain values are looked into: an input (or a part of one) that is an Output or a promise is not a
 * value yet, and `check` judges it once it is. Throws a `RunError`, which Pulumi shows as the
 * program's error without a stack trace.
 */
export function guardInputs(resource: GuardedResource, args: object): void {
  for (const [input, value] of Object.entries(args)) {
    const issue = inputHazard(resource.noun, input, value, isNotAValueYet);
    if (issue !== undefined) throw new pulumi.RunError(`${resource.type} "${resource.name}": ${issue.message}`);
  }
}

function isNotAValueYet(value: object): boolean {
  return pulumi.Output.isInstance(value) || ("then" in value && typeof value.then === "function");
}
