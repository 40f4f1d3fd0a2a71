import type { JsonValue, RemoteField } from "../model";

/** One level of a remote field tree, with the path that leads to it from `remoteField`. */
export interface RemoteFieldLevel {
  readonly path: readonly string[];
  readonly field: RemoteField;
}

/** Every level of the tree, root first; a level's path ends where its field names are. */
export function remoteFieldLevels(root: RemoteField): RemoteFieldLevel[] {
  const levels: RemoteFieldLevel[] = [];
  const visit = (field: RemoteField, path: string[]) => {
    levels.push({ path, field });
    for (const [name, call] of Object.entries(field)) {
      if (call.field !== undefined) visit(call.field, [...path, name, "field"]);
    }
  };
  visit(root, []);
  return levels;
}

/** A string argument value that starts with `$`: Hasura reads it as a column of the table. */
export interface JoinVariable {
  readonly name: string;
  readonly path: readonly (string | number)[];
}

/** Every `$variable` used in any argument of the tree, with its path from `remoteField`. */
export function joinVariables(root: RemoteField): JoinVariable[] {
  const found: JoinVariable[] = [];
  const visitValue = (value: JsonValue, path: (string | number)[]) => {
    if (typeof value === "string" && value.startsWith("$")) found.push({ name: value.slice(1), path });
    else if (Array.isArray(value)) value.forEach((item, index) => visitValue(item, [...path, index]));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) visitValue(item, [...path, key]);
    }
  };
  for (const level of remoteFieldLevels(root)) {
    for (const [name, call] of Object.entries(level.field)) {
      for (const [argument, value] of Object.entries(call.arguments)) visitValue(value, [...level.path, name, "arguments", argument]);
    }
  }
  return found;
}
