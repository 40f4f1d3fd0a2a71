import { remoteFieldLevels } from "../../model";
import type { Rule, TreeInputs } from "./rule";

/**
 * One field per level.
 *
 * A remote relationship joins to exactly one remote field, so every level of the remote field tree
 * names exactly one field; a deeper field goes under `field`.
 */
export function oneFieldPerLevel<I>(at: TreeInputs<I>): Rule<I> {
  return (context) => {
    const tree = at.read(context.inputs).remoteField;
    if (tree === undefined || context.isUnknown(at.paths.remoteField[0])) return;
    for (const level of remoteFieldLevels(tree)) {
      const names = Object.keys(level.field);
      if (names.length === 1) continue;
      const path = [...at.paths.remoteField, ...level.path];
      const where = path.join(".");
      context.report({
        code: names.length === 0 ? "no-field-at-level" : "several-fields-at-level",
        path,
        message:
          names.length === 0
            ? `${where} names no field. Name the one remote field to join, such as {messages: {arguments: {id: "$id"}}}.`
            : `${where} names ${names.length} fields (${names.map((name) => JSON.stringify(name)).join(", ")}) but a relationship joins exactly one. Keep one, and put a deeper field under field.`,
      });
    }
  };
}
