import { remoteFieldLevels } from "../../model";
import { quotedList, shownPath } from "../inputs/messageText";
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
      const where = shownPath(path);
      if (names.length === 0) {
        const message = `${where} names no field. Name the one remote field to join, such as {messages: {arguments: {id: "$id"}}}.`;
        context.report({ code: "no-field-at-level", path, message });
        continue;
      }
      // Named at the first field beyond one rather than at the level: the engine prints the value of
      // the property a failure names, and a level with thousands of fields is a line as long.
      context.report({
        code: "several-fields-at-level",
        path: [...path, names[1]],
        message: `${where} names ${names.length.toLocaleString("en-US")} fields (${quotedList(names)}) but a relationship joins exactly one. Keep one, and put a deeper field under field.`,
      });
    }
  };
}
