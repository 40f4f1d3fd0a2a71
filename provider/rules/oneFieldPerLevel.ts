import { remoteFieldLevels } from "../../model";
import type { RelationshipRule } from "./rule";

/**
 * One field per level.
 *
 * A remote relationship joins to exactly one remote field, so every level of `remoteField` names
 * exactly one field; a deeper field goes under `field`.
 */
export const oneFieldPerLevel: RelationshipRule = (context) => {
  const { remoteField } = context.inputs;
  if (remoteField === undefined || context.isUnknown("remoteField")) return;
  for (const level of remoteFieldLevels(remoteField)) {
    const names = Object.keys(level.field);
    if (names.length === 1) continue;
    const where = level.path.length === 0 ? "remoteField" : `remoteField.${level.path.join(".")}`;
    context.report({
      path: ["remoteField", ...level.path],
      message:
        names.length === 0
          ? `${where} names no field. Name the one remote field to join, such as {messages: {arguments: {id: "$id"}}}.`
          : `${where} names ${names.length} fields (${names.map((name) => JSON.stringify(name)).join(", ")}) but a relationship joins exactly one. Keep one, and put a deeper field under field.`,
    });
  }
};
