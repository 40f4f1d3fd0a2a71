/**
 * Parsers for the pieces of a remote relationship that name things in the remote GraphQL schema:
 * the remote field tree and its arguments, with Hasura's messages (RemoteSchema/Metadata/
 * RemoteRelationship.hs: `RemoteFields` and `RemoteArguments` FromJSON), producing the model's
 * `RemoteField`.
 */
import { isGraphqlName, isJsonObject, remoteFieldOf, type JsonObject, type JsonValue, type RemoteArguments, type RemoteField } from "../../model";
import { Cursor, prependFailure } from "../base/cursor";

const fieldsDetail = "Remote fields are represented by an object that maps each field name to its arguments.";
const argumentsDetail = "Remote arguments are represented by an object that maps each argument name to its value.";

/** Parses `remote_field`: exactly one field per level, each with `arguments` and an optional nested `field`. */
export function parseRemoteField(cursor: Cursor): RemoteField {
  return prependFailure(fieldsDetail, () => remoteFieldOf(parseLevels(cursor)));
}

function parseLevels(cursor: Cursor): { name: string; arguments: RemoteArguments }[] {
  const level = cursor.object("RemoteFields");
  const entries = Object.entries(level.fields);
  if (entries.length === 0) cursor.fail("Expecting one single mapping, received none.");
  if (entries.length > 1) cursor.fail("Expecting one single mapping, received too many.");
  const [name, callValue] = entries[0];
  if (!isGraphqlName(name)) cursor.fail(`"${name}" is not valid GraphQL name`);
  // Aeson parses the call object without adding its key to the path, so failures inside it
  // are reported at the level's own path; Hasura does the same.
  const call = new Cursor(callValue, cursor.path).object("FieldCall");
  const args = parseRemoteArguments(call.required("arguments"));
  const nested = call.optional("field");
  const rest = nested === undefined ? [] : parseLevels(new Cursor(nested.value, cursor.path));
  return [{ name, arguments: args }, ...rest];
}

/** Parses an `arguments` object: argument names must be GraphQL names, `$var` values name variables. */
export function parseRemoteArguments(cursor: Cursor): JsonObject {
  return prependFailure(argumentsDetail, () => {
    const object = cursor.object("RemoteArguments");
    checkArgumentObject(object.fields, cursor);
    return structuredClone(object.fields);
  });
}

function checkArgumentObject(fields: JsonObject, cursor: Cursor): void {
  for (const [key, value] of Object.entries(fields)) {
    if (!isGraphqlName(key)) cursor.fail(`${key} is an invalid key name`);
    checkArgumentValue(value, cursor);
  }
}

function checkArgumentValue(value: JsonValue, cursor: Cursor): void {
  if (typeof value === "string" && value.startsWith("$")) {
    const variable = value.slice(1);
    if (variable === "") cursor.fail("Empty variable name");
    if (!isGraphqlName(variable)) cursor.fail(`Invalid variable name '${variable}'`);
  } else if (Array.isArray(value)) {
    value.forEach((item) => checkArgumentValue(item, cursor));
  } else if (isJsonObject(value)) {
    checkArgumentObject(value, cursor);
  }
}
