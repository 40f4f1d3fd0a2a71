/**
 * The reasons Hasura refuses a relationship to a remote schema, and their texts, as Hasura's
 * `ValidationError` and `errorToText` have them (server/src-lib/Hasura/RemoteSchema/SchemaCache/
 * RemoteRelationship.hs). The quoting quirks (`"x"is not provided`, `type "Int"is not a list type`)
 * are Hasura's own: its `<<>` and `<>>` operators quote one side and add no space.
 */

/** One validation failure; the fields are what the message needs. */
export type ValidationError =
  | { readonly kind: "RemoteSchemaNotFound"; readonly name: string }
  | { readonly kind: "CouldntFindRemoteField"; readonly name: string; readonly typeName: string }
  | { readonly kind: "FieldNotFoundInRemoteSchema"; readonly name: string }
  | { readonly kind: "NoSuchArgumentForRemote"; readonly name: string }
  | { readonly kind: "TypeNotFound"; readonly typeName: string }
  | { readonly kind: "JoinFieldNonExistent"; readonly lhs: string; readonly field: string; readonly allowed: readonly string[] }
  | { readonly kind: "ExpectedTypeButGot"; readonly expected: string; readonly actual: string }
  | { readonly kind: "InvalidType"; readonly typeName: string; readonly detail: string }
  | { readonly kind: "InvalidVariable"; readonly name: string }
  | { readonly kind: "NullNotAllowedHere" }
  | { readonly kind: "InvalidGTypeForStripping"; readonly typeName: string }
  | { readonly kind: "UnsupportedMultipleElementLists" }
  | { readonly kind: "UnsupportedEnum" }
  | { readonly kind: "InvalidGraphQLName"; readonly text: string }
  | { readonly kind: "IDTypeJoin"; readonly typeName: string };

/** Wraps `text` in double quotes without escaping, as Hasura's `dquote` does. */
function quoted(text: string): string {
  return `"${text}"`;
}

/** Hasura's `englishList`: `a`, `a or b`, `a, b, or c`. */
export function englishList(joiner: string, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} ${joiner} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, ${joiner} ${items[items.length - 1]}`;
}

/** How texts are told: Hasura lists every allowed field; a reader that must stay short lists at most `maxListed`. */
export interface TextOptions {
  readonly maxListed?: number;
}

function joinFieldText(lhs: string, field: string, allowed: readonly string[], options: TextOptions): string {
  const max = options.maxListed ?? allowed.length;
  const listed = allowed.length <= max ? allowed.map(quoted) : [...allowed.slice(0, max).map(quoted), `${(allowed.length - max).toLocaleString("en-US")} more`];
  const help = allowed.length === 0 ? "" : `, the allowed fields are ${englishList("or", listed)}`;
  // `<<>` and `<>>` are right-associative in Hasura, so the whole tail after "lhs entity" ends
  // up inside one more pair of quotes.
  return `field with name ${quoted(field)}is not provided by the lhs entity${quoted(`${quoted(lhs)}for defining a join condition${help}`)}`;
}

/** The text Hasura v2 gives for a validation failure (the part after `in remote relationship "N": `); its lists cut at `options.maxListed`. */
export function errorToText(reason: ValidationError, options: TextOptions = {}): string {
  switch (reason.kind) {
    case "RemoteSchemaNotFound":
      return `remote schema with name ${quoted(reason.name)} not found`;
    case "CouldntFindRemoteField":
      return `remote field with name ${quoted(reason.name)} and type ${quoted(reason.typeName)} not found`;
    case "FieldNotFoundInRemoteSchema":
      return `field with name ${quoted(reason.name)} not found in remote schema`;
    case "NoSuchArgumentForRemote":
      return `argument with name ${quoted(reason.name)} not found in remote schema`;
    case "TypeNotFound":
      return `type with name ${quoted(reason.typeName)} not found`;
    case "JoinFieldNonExistent":
      return joinFieldText(reason.lhs, reason.field, reason.allowed, options);
    case "ExpectedTypeButGot":
      return `expected type ${quoted(reason.expected)} but got ${quoted(reason.actual)}`;
    case "InvalidType":
      return `type ${quoted(reason.typeName)}${reason.detail}`;
    case "InvalidVariable":
      return `variable ${quoted(reason.name)} is not found`;
    case "NullNotAllowedHere":
      return "null is not allowed here";
    case "InvalidGTypeForStripping":
      return `type ${quoted(reason.typeName)} is invalid for stripping`;
    case "UnsupportedMultipleElementLists":
      return "multiple elements in list value is not supported";
    case "UnsupportedEnum":
      return "enum value is not supported";
    case "InvalidGraphQLName":
      return `${quoted(reason.text)} is not a valid GraphQL identifier`;
    case "IDTypeJoin":
      return `Only ID, Int, uuid or String scalar types can be joined to the ID type, but received ${quoted(reason.typeName)}`;
  }
}

/** The text Hasura 1.3 gave; it differs from v2 only for a join field missing from the table. */
export function errorToTextV1(reason: ValidationError): string {
  if (reason.kind === "JoinFieldNonExistent") {
    return `cannot validate remote relationship because field with name ${quoted(reason.field)} not found in table ${quoted(reason.lhs)}`;
  }
  return errorToText(reason);
}
