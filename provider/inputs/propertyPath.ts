/**
 * A path into the inputs in Pulumi's property path syntax: `remoteField.messages.arguments`,
 * `hasuraFields[1]`, `remoteField["odd-name"]`.
 */
export function propertyPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[_A-Za-z$][_0-9A-Za-z$]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
