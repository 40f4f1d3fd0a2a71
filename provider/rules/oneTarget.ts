import type { RemoteRelationshipInputs } from "../inputs/schema";
import type { Rule } from "./rule";

const examples = { hasuraFields: '["id"]', remoteSchema: '"messages-api"', remoteField: '{messages: {arguments: {id: "$id"}}}' } as const;

/**
 * One target.
 *
 * A relationship joins exactly one thing: a remote schema (`remoteSchema` with `remoteField` and
 * `hasuraFields`, all three) or a table of a database source (`toSource`).
 */
export const oneTarget: Rule<RemoteRelationshipInputs> = (context) => {
  const given = (input: "hasuraFields" | "remoteSchema" | "remoteField" | "toSource") => context.inputs[input] !== undefined || context.isUnknown(input);
  const schemaInputs = (["hasuraFields", "remoteSchema", "remoteField"] as const).filter(given);
  if (given("toSource")) {
    if (schemaInputs.length === 0) return;
    context.report({
      path: ["toSource"],
      message: `Give one target: toSource, or remoteSchema with remoteField and hasuraFields, not both (${schemaInputs.join(", ")} ${schemaInputs.length === 1 ? "is" : "are"} given too). Remove one.`,
    });
    return;
  }
  if (schemaInputs.length === 0) {
    context.report({
      path: ["remoteSchema"],
      message:
        "A relationship needs a target: remoteSchema with remoteField and hasuraFields to join a remote schema, or toSource to join a table of another database source. Give one.",
    });
    return;
  }
  for (const input of ["hasuraFields", "remoteSchema", "remoteField"] as const) {
    if (!given(input)) context.report({ path: [input], message: `${input} is required, such as ${examples[input]}.` });
  }
};
