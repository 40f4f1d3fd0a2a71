/**
 * The inputs of a `RemoteRelationship`, as a zod schema whose transforms give them their one canonical
 * form: the table qualified, the source defaulted, sets sorted, argument keys ordered, the endpoint
 * reduced to Hasura's base URL. `check` parses with it once; every later method trusts the result.
 * Messages name the input and say how to fix it.
 */
import { z } from "zod";
import { canonicalRemoteField, canonicalSet, defaultSource, isGraphqlName, qualifyTable, type JsonValue, type RemoteField } from "../../model";

const requiredString = (what: string, example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required, such as ${example}.` : `${what} must be a string, such as ${example}.`) })
    .min(1, { error: `${what} must not be empty, such as ${example}.`, abort: true });

/** A value quoted in a message, shortened: a message must not repeat a whole (possibly huge) input. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= 80 ? text : `${text.slice(0, 80)}...`;
}

const invalidName = (what: string, example: string, input: unknown) =>
  `${what} ${quote(input)} is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as ${example}.`;

const nameOf = (what: string, example: string) => requiredString(what, example).refine(isGraphqlName, { error: (issue) => invalidName(what, example, issue.input) });

const quoteKeys = (issue: { readonly keys?: readonly string[] }) => (issue.keys ?? []).map(quote).join(", ");

/** The sentence that lists the inputs, for a message about one that is not among them. */
export const inputList =
  "The inputs are endpoint, source, table, name, hasuraFields, remoteSchema, remoteField and adoptExisting (camelCase), and importId, which the import option sets.";

const jsonValue: z.ZodType<JsonValue> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

const remoteArguments = z.record(nameOf("An argument name", '"id"'), jsonValue, {
  error: (issue) => {
    if (issue.code === "invalid_key") return invalidName("An argument name", '"id"', issue.input);
    return issue.input === undefined
      ? "arguments is required at each level of remoteField. Use arguments: {} for a field without arguments."
      : 'arguments must be an object of argument names to values, such as {id: "$id"}.';
  },
});

const remoteField: z.ZodType<RemoteField> = z.lazy(() =>
  z.record(
    nameOf("A remote field name", '"messages"'),
    z.strictObject(
      { arguments: remoteArguments, field: remoteField.optional() },
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

const endpoint = requiredString("endpoint", '"https://hasura.example.com"')
  // First, so that no later message repeats a password.
  .refine((value) => !parseUrl(value)?.username && !parseUrl(value)?.password, {
    error:
      "endpoint must not carry a user name or password: Hasura takes the admin secret instead. Remove them from the URL and set `pulumi config set --secret hasura:adminSecret ...`.",
    abort: true,
  })
  .refine((value) => ["http:", "https:"].includes(parseUrl(value)?.protocol ?? ""), {
    error: (issue) => `endpoint ${quote(issue.input)} is not an http(s) URL. Give Hasura's base URL, such as "https://hasura.example.com".`,
    abort: true,
  })
  .refine((value) => !parseUrl(value)?.search && !parseUrl(value)?.hash, {
    error: (issue) => `endpoint ${quote(issue.input)} has a query or fragment. Give Hasura's base URL only, such as "https://hasura.example.com".`,
    abort: true,
  })
  .transform(canonicalEndpoint);

const table = z
  .union(
    [
      requiredString("table", '"users"'),
      z.strictObject(
        { schema: requiredString("table.schema", '"public"').optional(), name: requiredString("table.name", '"users"') },
        { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown key ${quoteKeys(issue)} in table. Give {schema, name}.` : undefined) },
      ),
    ],
    { error: 'table must be a table name, such as "users", or {schema, name}, such as {schema: "public", name: "users"}.' },
  )
  .transform(qualifyTable);

const hasuraFields = z
  .array(requiredString("A hasuraFields entry", '"id"'), {
    error: 'hasuraFields must be a list of the table\'s columns or computed fields used to join, such as ["id"].',
  })
  .min(1, { error: 'hasuraFields must list at least one column or computed field of the table, such as ["id"].' })
  .transform(canonicalSet);

/** The schema of a `RemoteRelationship`'s inputs; parsing gives them in canonical form. */
export const remoteRelationshipInputsSchema = z.strictObject(
  {
    endpoint,
    source: requiredString("source", '"default"').optional().transform((value) => value ?? defaultSource),
    table,
    name: nameOf("name", '"userMessages"'),
    hasuraFields,
    remoteSchema: requiredString("remoteSchema", '"messages-api"'),
    remoteField: remoteField.transform(canonicalRemoteField),
    adoptExisting: z.boolean({ error: "adoptExisting must be true or false." }).optional(),
    importId: z
      .string({ error: 'The import ID must be a string, such as "default/public/users/userMessages".' })
      .regex(/^[^/]+\/[^/]+\/[^/]+\/[^/]+$/, {
        error: (issue) =>
          `The import ID ${quote(issue.input)} is not a remote relationship ID. Use source/schema/table/name, such as "default/public/users/userMessages".`,
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown input ${quoteKeys(issue)}. ${inputList}`
        : "The inputs must be an object.",
  },
);

/** The inputs as a program may write them. */
export type RemoteRelationshipRawInputs = z.input<typeof remoteRelationshipInputsSchema>;

/** The inputs after `check`: canonical, with defaults filled in. They are also the outputs. */
export type RemoteRelationshipInputs = z.output<typeof remoteRelationshipInputsSchema>;

/** The name of one input. */
export type InputName = keyof RemoteRelationshipInputs;
