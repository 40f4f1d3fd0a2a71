import type { RemoteSchemaRelationshipInputs } from "../inputs/remoteSchemaRelationshipSchema";
import type { Rule } from "./rule";

/**
 * One target, on a remote schema's type.
 *
 * A remote schema relationship joins exactly one thing: another remote schema (`toRemoteSchema`) or
 * a table of a database source (`toSource`).
 */
export const oneTargetOfRemoteSchemaRelationship: Rule<RemoteSchemaRelationshipInputs> = (context) => {
  const given = (input: "toRemoteSchema" | "toSource") => context.inputs[input] !== undefined || context.isUnknown(input);
  if (given("toRemoteSchema") && given("toSource")) {
    context.report({ path: ["toSource"], message: "Give one target: toRemoteSchema or toSource, not both. Remove one." });
  } else if (!given("toRemoteSchema") && !given("toSource")) {
    context.report({
      path: ["toRemoteSchema"],
      message: "A relationship needs a target: toRemoteSchema to join another remote schema, or toSource to join a table of a database source. Give one.",
    });
  }
};
