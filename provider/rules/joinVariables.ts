import { remoteFieldSteps, type JsonValue, type RemoteField } from "../../model";

/** A string argument value that starts with `$`: Hasura reads it as a field of the relationship's own side. */
export interface JoinVariable {
  readonly name: string;
  readonly path: readonly (string | number)[];
}

/** Every `$variable` used in any argument of the tree, with its path from `remoteField`. */
export function joinVariables(root: RemoteField): JoinVariable[] {
  const found: JoinVariable[] = [];
  const visit = (value: JsonValue, path: (string | number)[]) => {
    if (typeof value === "string" && value.startsWith("$")) found.push({ name: value.slice(1), path });
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  for (const step of remoteFieldSteps(root)) {
    for (const [argument, value] of Object.entries(step.arguments)) visit(value, [...step.path, "arguments", argument]);
  }
  return found;
}
