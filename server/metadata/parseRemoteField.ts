/**
 * Parsers for the pieces of a remote relationship that name things in the remote GraphQL schema:
 * the remote field path and its arguments, with Hasura's messages (RemoteSchema/Metadata/
 * RemoteRelationship.hs: `RemoteFields` and `RemoteArguments` FromJSON).
 */
import { Cursor, ParseFailure } from "../base/cursor";
import { isJsonObject, type JsonObject, type JsonValue } from "../base/aeson";
import type { FieldCall } from "./records";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** True when `text` is a valid GraphQL name. */
export function isGraphQLName(text: string): boolean {
  return GRAPHQL_NAME.test(text);
}

const FIELDS_DETAIL = "Remote fields are represented by an object that maps each field name to its arguments.";
const ARGUMENTS_DETAIL = "Remote arguments are represented by an object that maps each argument name to its value.";

/** Prefixes any failure inside `action` with `detail`, as aeson's `prependFailure` does. */
function prependFailure<T>(detail: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ParseFailure) throw new ParseFailure(error.path, detail + error.message);
    throw error;
  }
}

/** Parses `remote_field`: exactly one field per level, each with `arguments` and an optional nested `field`. */
export function parseRemoteFields(cursor: Cursor): FieldCall[] {
  return prependFailure(FIELDS_DETAIL, () => parseLevel(cursor));
}

function parseLevel(cursor: Cursor): FieldCall[] {
  const level = cursor.object("RemoteFields");
  const entries = Object.entries(level.fields);
  if (entries.length === 0) cursor.fail("Expecting one single mapping, received none.");
  if (entries.length > 1) cursor.fail("Expecting one single mapping, received too many.");
  const [name, callValue] = entries[0];
  if (!isGraphQLName(name)) cursor.fail(`"${name}" is not valid GraphQL name`);
  // Aeson parses the call object without adding its key to the path, so failures inside it
  // are reported at the level's own path; Hasura does the same.
  const call = new Cursor(callValue, cursor.path).object("FieldCall");
  const args = parseRemoteArguments(call.required("arguments"));
  const nested = call.optional("field");
  const rest = nested === undefined ? [] : parseLevel(new Cursor(nested.value, cursor.path));
  return [{ name, arguments: args }, ...rest];
}

/** Parses an `arguments` object: argument names must be GraphQL names, `$var` values name variables. */
export function parseRemoteArguments(cursor: Cursor): JsonObject {
  return prependFailure(ARGUMENTS_DETAIL, () => {
    const object = cursor.object("RemoteArguments");
    checkArgumentObject(object.fields, cursor);
    return structuredClone(object.fields);
  });
}

function checkArgumentObject(fields: JsonObject, cursor: Cursor): void {
  for (const [key, value] of Object.entries(fields)) {
    if (!isGraphQLName(key)) cursor.fail(`${key} is an invalid key name`);
    checkArgumentValue(value, cursor);
  }
}

function checkArgumentValue(value: JsonValue, cursor: Cursor): void {
  if (typeof value === "string" && value.startsWith("$")) {
    const variable = value.slice(1);
    if (variable === "") cursor.fail("Empty variable name");
    if (!isGraphQLName(variable)) cursor.fail(`Invalid variable name '${variable}'`);
  } else if (Array.isArray(value)) {
    value.forEach((item) => checkArgumentValue(item, cursor));
  } else if (isJsonObject(value)) {
    checkArgumentObject(value, cursor);
  }
}

/** The JSON Hasura writes back for a remote field path (`RemoteFields` ToJSON). */
export function remoteFieldsToJson(calls: readonly FieldCall[]): JsonObject {
  const [first, ...rest] = calls;
  const body: JsonObject = { arguments: structuredClone(first.arguments) };
  if (rest.length > 0) body.field = remoteFieldsToJson(rest);
  return { [first.name]: body };
}
