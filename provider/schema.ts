import { z } from "zod";
import { isGraphqlName } from "./guards";
import type { JsonValue, RemoteField } from "./model";

/**
 * The zod schema of the resource's inputs, with messages that name the input and say how to fix it.
 * It is built on each call, never at module scope: Pulumi serializes the provider's closures, and a
 * zod schema object does not survive that (its methods are bound functions).
 */
export function relationshipInputSchema() {
  const requiredString = (what: string, example: string) =>
    z
      .string({ error: (issue) => (issue.input === undefined ? `${what} is required, such as ${example}.` : `${what} must be a string, such as ${example}.`) })
      .min(1, { error: `${what} must not be empty, such as ${example}.`, abort: true });
  const invalidName = (what: string, example: string, input: unknown) =>
    `${what} ${JSON.stringify(input)} is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as ${example}.`;
  const nameOf = (what: string, example: string) =>
    requiredString(what, example).refine(isGraphqlName, { error: (issue) => invalidName(what, example, issue.input) });

  const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
  );
  const remoteField: z.ZodType<RemoteField> = z.lazy(() =>
    z.record(
      nameOf("A remote field name", '"messages"'),
      z.strictObject(
        {
          arguments: z.record(nameOf("An argument name", '"id"'), jsonValue, {
            error: (issue) => {
              if (issue.code === "invalid_key") return invalidName("An argument name", '"id"', issue.input);
              return issue.input === undefined
                ? "arguments is required at each level of remoteField. Use arguments: {} for a field without arguments."
                : 'arguments must be an object of argument names to values, such as {id: "$id"}.';
            },
          }),
          field: remoteField.optional(),
        },
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

  return z.strictObject(
    {
      endpoint: requiredString("endpoint", '"https://hasura.example.com"').refine((value) => isHttpUrl(value), {
        error: (issue) => `endpoint ${JSON.stringify(issue.input)} is not an http(s) URL. Give Hasura's base URL, such as "https://hasura.example.com".`,
      }),
      source: requiredString("source", '"default"').optional(),
      table: z.union(
        [
          requiredString("table", '"users"'),
          z.strictObject(
            { schema: requiredString("table.schema", '"public"').optional(), name: requiredString("table.name", '"users"') },
            { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown key ${quoteKeys(issue)} in table. Give {schema, name}.` : undefined) },
          ),
        ],
        { error: 'table must be a table name, such as "users", or {schema, name}, such as {schema: "public", name: "users"}.' },
      ),
      name: nameOf("name", '"userMessages"'),
      hasuraFields: z
        .array(requiredString("A hasuraFields entry", '"id"'), {
          error: 'hasuraFields must be a list of the table\'s columns or computed fields used to join, such as ["id"].',
        })
        .min(1, { error: 'hasuraFields must list at least one column or computed field of the table, such as ["id"].' }),
      remoteSchema: requiredString("remoteSchema", '"messages-api"'),
      remoteField,
      adoptExisting: z.boolean({ error: "adoptExisting must be true or false." }).optional(),
      importId: z
        .string({ error: 'The import ID must be a string, such as "default/public/users/userMessages".' })
        .regex(/^[^/]+\/[^/]+\/[^/]+\/[^/]+$/, {
          error: (issue) =>
            `The import ID ${JSON.stringify(issue.input)} is not a remote relationship ID. Use source/schema/table/name, such as "default/public/users/userMessages".`,
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown input ${quoteKeys(issue)}. The inputs are endpoint, source, table, name, hasuraFields, remoteSchema, remoteField and adoptExisting (camelCase).`
          : "The inputs must be an object.",
    },
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function quoteKeys(issue: { readonly keys?: readonly string[] }): string {
  return (issue.keys ?? []).map((key) => JSON.stringify(key)).join(", ");
}

/** The inputs as the schema accepts them, before normalization. */
export type ParsedInputs = z.infer<ReturnType<typeof relationshipInputSchema>>;
