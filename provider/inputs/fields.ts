/**
 * The pieces the resources' input schemas are made of, each with its canonical form as a transform
 * and messages that name the input and say how to fix it.
 */
import { z } from "zod";
import { canonicalRemoteField, canonicalSet, isGraphqlName, qualifyTable, sortedKeys, type JsonValue, type RemoteField } from "../../model";
import { endpointPortMistake, hasuraRouteMistake } from "./endpointMistakes";
import { quote, quoteKeys } from "./messageText";

/** A non-empty string; `what` and `example` make the messages. */
export const requiredString = (what: string, example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required, such as ${example}.` : `${what} must be a string, such as ${example}.`) })
    .min(1, { error: `${what} must not be empty, such as ${example}.`, abort: true });

const invalidName = (what: string, example: string, input: unknown) =>
  `${what} ${quote(input)} is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as ${example}.`;

/** A GraphQL name. */
export const nameOf = (what: string, example: string) =>
  requiredString(what, example).refine(isGraphqlName, { error: (issue) => invalidName(what, example, issue.input) });

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

const remoteArguments = z.record(nameOf("An argument name", '"id"'), jsonValue, {
  error: (issue) => {
    if (issue.code === "invalid_key") return invalidName("An argument name", '"id"', issue.input);
    return issue.input === undefined
      ? "arguments is required at each level of remoteField. Use arguments: {} for a field without arguments."
      : 'arguments must be an object of argument names to values, such as {id: "$id"}.';
  },
});

const remoteFieldTree: z.ZodType<RemoteField> = z.lazy(() =>
  z.record(
    nameOf("A remote field name", '"messages"'),
    z.strictObject(
      { arguments: remoteArguments, field: remoteFieldTree.optional() },
      {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `Unknown key ${quoteKeys(issue)} in remoteField. Each level is {arguments, field?}.`
            : 'Each level of remoteField must be an object {arguments, field?}, such as {arguments: {id: "$id"}}.',
      },
    ),
    {
      error: (issue) =>
        issue.code === "invalid_key"
          ? invalidName("A remote field name", '"messages"', issue.input)
          : 'remoteField must be an object with one remote field name, such as {messages: {arguments: {id: "$id"}}}.',
    },
  ),
);

/** Hasura's base URL in one form: origin plus path, without trailing slashes; the same text after a second pass. */
export function canonicalEndpoint(endpoint: string): string {
  const url = new URL(endpoint.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value.trim());
  } catch {
    return undefined;
  }
}

/** How the stack gives every resource its endpoint, for a message about a missing one. */
const endpointFromConfig =
  "Set the stack's Hasura with `pulumi config set hasura:endpoint https://...` (every resource without an endpoint of its own takes it), or pass endpoint";

/**
 * Hasura's base URL, without credentials, query or fragment, and without one of Hasura's own routes
 * at its end; every check names the mistake and the fix.
 */
export const endpoint = z
  .string({
    error: (issue) =>
      issue.input === undefined ? `endpoint is required. ${endpointFromConfig}.` : `endpoint must be a string, such as "https://hasura.example.com".`,
  })
  .min(1, { error: `endpoint must not be empty. ${endpointFromConfig}.`, abort: true })
  // First, so that no later message repeats a password.
  .refine((value) => !parseUrl(value)?.username && !parseUrl(value)?.password, {
    error:
      "endpoint must not carry a user name or password: Hasura takes the admin secret instead. Remove them from the URL and set `pulumi config set --secret hasura:adminSecret ...`.",
    abort: true,
  })
  // Before the URL is parsed: a port out of range makes no URL at all, and the port is what is wrong.
  .superRefine((value, context) => {
    const mistake = endpointPortMistake("endpoint", value);
    if (mistake !== undefined) context.addIssue({ code: "custom", message: mistake, input: value, continue: false });
  })
  .refine((value) => ["http:", "https:"].includes(parseUrl(value)?.protocol ?? ""), {
    error: (issue) => `endpoint ${quote(issue.input)} is not an http(s) URL. Give Hasura's base URL, such as "https://hasura.example.com".`,
    abort: true,
  })
  .refine((value) => !parseUrl(value)?.search && !parseUrl(value)?.hash, {
    error: (issue) => `endpoint ${quote(issue.input)} has a query or fragment. Give Hasura's base URL only, such as "https://hasura.example.com".`,
    abort: true,
  })
  .superRefine((value, context) => {
    const mistake = hasuraRouteMistake("endpoint", value);
    if (mistake !== undefined) context.addIssue({ code: "custom", message: mistake, input: value, continue: false });
  })
  .transform(canonicalEndpoint);

/** A table, `"users"` or `{schema?, name}`, qualified; `what` names the input in messages. */
export const tableOf = (what: string) =>
  z
    .union(
      [
        requiredString(what, '"users"'),
        z.strictObject(
          { schema: requiredString(`${what}.schema`, '"public"').optional(), name: requiredString(`${what}.name`, '"users"') },
          { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown key ${quoteKeys(issue)} in ${what}. Give {schema, name}.` : undefined) },
        ),
      ],
      { error: `${what} must be a table name, such as "users", or {schema, name}, such as {schema: "public", name: "users"}.` },
    )
    .transform(qualifyTable);

/** The fields of this side that a join uses, as a sorted set; `what` names the input, `fields` and `field` say whose fields they are. */
export const joinFieldsOf = (what: string, fields: string, field: string) =>
  z
    .array(requiredString(`A ${what} entry`, '"id"'), { error: `${what} must be a list of ${fields} used to join, such as ["id"].` })
    .min(1, { error: `${what} must list at least one ${field}, such as ["id"].` })
    .transform(canonicalSet);

/** A remote field tree in canonical form. */
export const remoteField = remoteFieldTree.transform(canonicalRemoteField);

/** `toSource`: a table of another database source, joined by a field mapping; `what` names the input. */
export const toSourceOf = (what: string) =>
  z.strictObject(
    {
      relationshipType: z.enum(["object", "array"], { error: `${what}.relationshipType must be "object" (one row) or "array" (many rows).` }),
      source: requiredString(`${what}.source`, '"analytics"'),
      table: tableOf(`${what}.table`),
      fieldMapping: z
        .record(requiredString(`A ${what}.fieldMapping key`, '"id"'), requiredString(`A ${what}.fieldMapping column`, '"user_id"'), {
          error: `${what}.fieldMapping must map this side's fields to the target table's columns, such as {id: "user_id"}.`,
        })
        .refine((mapping) => Object.keys(mapping).length > 0, { error: `${what}.fieldMapping must map at least one field, such as {id: "user_id"}.` })
        .transform((mapping) => sortedKeys(mapping)),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown key ${quoteKeys(issue)} in ${what}. Give {relationshipType, source, table, fieldMapping}.`
          : `${what} must be an object {relationshipType, source, table, fieldMapping}.`,
    },
  );
