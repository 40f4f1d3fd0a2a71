import type { Rule } from "../../rules/rule";
import type { RemoteRelationshipInputs } from "./schema";

const remoteSchemaInputs = ["hasuraFields", "remoteSchema", "remoteField"] as const;
const examples = { hasuraFields: '["id"]', remoteSchema: '"messages-api"', remoteField: '{messages: {arguments: {id: "$id"}}}' } as const;

/**
 * One target.
 *
 * A relationship on a table joins exactly one thing: a remote schema (`remoteSchema` with
 * `remoteField` and `hasuraFields`, all three) or a table of a database source (`toSource`).
 */
export const oneTarget: Rule<RemoteRelationshipInputs> = (context) => {
  const given = (input: (typeof remoteSchemaInputs)[number] | "toSource") => context.inputs[input] !== undefined || context.isUnknown(input);
  const schemaInputs = remoteSchemaInputs.filter(given);
  if (given("toSource")) {
    if (schemaInputs.length === 0) return;
    context.report({
      code: "two-targets",
      path: ["toSource"],
      message: `Give one target: toSource, or remoteSchema with remoteField and hasuraFields, not both (${schemaInputs.join(", ")} ${schemaInputs.length === 1 ? "is" : "are"} given too). Remove one.`,
    });
    return;
  }
  if (schemaInputs.length === 0) {
    context.report({
      code: "no-target",
      path: ["remoteSchema"],
      message:
        "A relationship needs a target: remoteSchema with remoteField and hasuraFields to join a remote schema, or toSource to join a table of another database source. Give one.",
    });
    return;
  }
  for (const input of remoteSchemaInputs) {
    if (!given(input)) context.report({ code: "missing-target-input", path: [input], message: `${input} is required, such as ${examples[input]}.` });
  }
};
