import type { Rule } from "../../rules/rule";
import type { RemoteSchemaRelationshipInputs } from "./schema";

/**
 * One target.
 *
 * A relationship on a remote schema's type joins exactly one thing: another remote schema
 * (`toRemoteSchema`) or a table of a database source (`toSource`).
 */
export const oneTarget: Rule<RemoteSchemaRelationshipInputs> = (context) => {
  const given = (input: "toRemoteSchema" | "toSource") => context.inputs[input] !== undefined || context.isUnknown(input);
  if (given("toRemoteSchema") && given("toSource")) {
    context.report({ code: "two-targets", path: ["toSource"], message: "Give one target: toRemoteSchema or toSource, not both. Remove one." });
  } else if (!given("toRemoteSchema") && !given("toSource")) {
    context.report({
      code: "no-target",
      path: ["toRemoteSchema"],
      message: "A relationship needs a target: toRemoteSchema to join another remote schema, or toSource to join a table of a database source. Give one.",
    });
  }
};
