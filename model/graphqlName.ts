/** True for a valid GraphQL name, which relationship, field, argument and variable names must be. */
export function isGraphqlName(text: string): boolean {
  return /^[_A-Za-z][_0-9A-Za-z]*$/.test(text);
}
