import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkRemoteRelationship as checkRelationship } from "../../../../provider/inputs/check";
import { unknownValue } from "../../../../provider/inputs/unknowns";

const valid = {
  endpoint: "https://hasura.example.com/",
  name: "userMessages",
  table: "users",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  remoteField: { messages: { arguments: { id: "$id" } } },
};

function expectValid(news: Record<string, unknown>) {
  const result = checkRelationship(news);
  assert.deepEqual(result.failures ?? [], []);
  return result.inputs as Record<string, unknown>;
}

function expectFailures(news: Record<string, unknown>, failures: { property: string; reason: string }[]) {
  assert.deepEqual(checkRelationship(news).failures, failures);
}

describe("check", () => {
  it("accepts a minimal relationship and returns it normalized with defaults", () => {
    assert.deepEqual(expectValid(valid), {
      endpoint: "https://hasura.example.com",
      source: "default",
      table: { schema: "public", name: "users" },
      name: "userMessages",
      hasuraFields: ["id"],
      remoteSchema: "messages",
      remoteField: { messages: { arguments: { id: "$id" } } },
    });
  });

  it("drops the serialized provider from the inputs it returns", () => {
    assert.equal("__provider" in expectValid({ ...valid, __provider: "exports.handler = 1" }), false);
  });

  it("keeps adoptExisting when given", () => {
    assert.equal(expectValid({ ...valid, adoptExisting: true }).adoptExisting, true);
  });

  it("keeps an import ID that names this relationship", () => {
    assert.equal(expectValid({ ...valid, importId: "default/public/users/userMessages" }).importId, "default/public/users/userMessages");
  });

  it("sorts and de-duplicates hasuraFields", () => {
    const inputs = expectValid({ ...valid, hasuraFields: ["name", "id", "name"], remoteField: { messages: { arguments: { id: "$id", who: "$name" } } } });
    assert.deepEqual(inputs.hasuraFields, ["id", "name"]);
  });

  const failures: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    [
      "a name that is not a GraphQL name",
      { name: "user-messages" },
      [
        {
          property: "name",
          reason: 'name "user-messages" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "userMessages".',
        },
      ],
    ],
    [
      "a name starting with a digit",
      { name: "1rel" },
      [
        {
          property: "name",
          reason: 'name "1rel" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "userMessages".',
        },
      ],
    ],
    ["a missing name", { name: undefined }, [{ property: "name", reason: 'name is required, such as "userMessages".' }]],
    ["an empty name", { name: "" }, [{ property: "name", reason: 'name must not be empty, such as "userMessages".' }]],
    [
      "a table of the wrong type",
      { table: 5 },
      [{ property: "table", reason: 'table must be a table name, such as "users", or {schema, name}, such as {schema: "public", name: "users"}.' }],
    ],
    [
      "a table object with an unknown key",
      { table: { name: "users", schemaName: "x" } },
      [{ property: "table", reason: 'Unknown key "schemaName" in table. Give {schema, name}.' }],
    ],
    [
      "empty hasuraFields",
      { hasuraFields: [] },
      [{ property: "hasuraFields", reason: 'hasuraFields must list at least one column or computed field of the table, such as ["id"].' }],
    ],
    [
      "hasuraFields that is not a list",
      { hasuraFields: "id" },
      [{ property: "hasuraFields", reason: 'hasuraFields must be a list of the table\'s columns or computed fields used to join, such as ["id"].' }],
    ],
    [
      "an empty hasuraFields entry",
      { hasuraFields: ["id", ""] },
      [{ property: "hasuraFields[1]", reason: 'A hasuraFields entry must not be empty, such as "id".' }],
    ],
    ["a missing remoteSchema", { remoteSchema: undefined }, [{ property: "remoteSchema", reason: 'remoteSchema is required, such as "messages-api".' }]],
    ["a missing endpoint", { endpoint: undefined }, [{ property: "endpoint", reason: 'endpoint is required, such as "https://hasura.example.com".' }]],
    [
      "an endpoint that is not a URL",
      { endpoint: "hasura.local" },
      [{ property: "endpoint", reason: 'endpoint "hasura.local" is not an http(s) URL. Give Hasura\'s base URL, such as "https://hasura.example.com".' }],
    ],
    [
      "an endpoint that is not http",
      { endpoint: "ftp://hasura.local" },
      [{ property: "endpoint", reason: 'endpoint "ftp://hasura.local" is not an http(s) URL. Give Hasura\'s base URL, such as "https://hasura.example.com".' }],
    ],
    ["an empty source", { source: "" }, [{ property: "source", reason: 'source must not be empty, such as "default".' }]],
    [
      "an unknown input",
      { hasura_fields: ["id"] },
      [
        {
          property: "",
          reason:
            'Unknown input "hasura_fields". The inputs are endpoint, source, table, name, hasuraFields, remoteSchema, remoteField and adoptExisting (camelCase).',
        },
      ],
    ],
    ["adoptExisting that is not a boolean", { adoptExisting: "yes" }, [{ property: "adoptExisting", reason: "adoptExisting must be true or false." }]],
    [
      "a level without arguments",
      { remoteField: { messages: {} } },
      [
        {
          property: "remoteField.messages.arguments",
          reason: "arguments is required at each level of remoteField. Use arguments: {} for a field without arguments.",
        },
      ],
    ],
    [
      "a level with an unknown key",
      { remoteField: { messages: { arguments: { id: "$id" }, args: {} } } },
      [{ property: "remoteField.messages", reason: 'Unknown key "args" in remoteField. Each level is {arguments, field?}.' }],
    ],
    [
      "a remote field name that is not a GraphQL name",
      { remoteField: { "my-messages": { arguments: { id: "$id" } } } },
      [
        {
          property: 'remoteField["my-messages"]',
          reason:
            'A remote field name "my-messages" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "messages".',
        },
      ],
    ],
    [
      "an argument name that is not a GraphQL name",
      { remoteField: { messages: { arguments: { "user-id": "$id" } } } },
      [
        {
          property: 'remoteField.messages.arguments["user-id"]',
          reason: 'An argument name "user-id" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "id".',
        },
      ],
    ],
    [
      "a malformed import ID",
      { importId: "users.userMessages" },
      [
        {
          property: "importId",
          reason:
            'The import ID "users.userMessages" is not a remote relationship ID. Use source/schema/table/name, such as "default/public/users/userMessages".',
        },
      ],
    ],
    [
      "a remoteField that is not an object",
      { remoteField: "messages" },
      [{ property: "remoteField", reason: 'remoteField must be an object with one remote field name, such as {messages: {arguments: {id: "$id"}}}.' }],
    ],
  ];
  for (const [what, change, expected] of failures) {
    it(`refuses ${what}`, () => expectFailures({ ...valid, ...change }, expected));
  }

  it("accepts a table object without a schema and fills in public", () => {
    assert.deepEqual(expectValid({ ...valid, table: { name: "users" } }).table, { schema: "public", name: "users" });
  });

  it("lets unknown inputs through, keeping them unknown", () => {
    const inputs = expectValid({ ...valid, endpoint: unknownValue, hasuraFields: unknownValue });
    assert.equal(inputs.endpoint, unknownValue);
    assert.equal(inputs.hasuraFields, unknownValue);
    assert.deepEqual(inputs.table, { schema: "public", name: "users" });
  });

  it("runs the rules after the schema and names the property at fault", () => {
    expectFailures({ ...valid, remoteField: { messages: { arguments: { id: "$user_id" } } } }, [
      {
        property: "remoteField.messages.arguments.id",
        reason: 'Join variable "$user_id" is not in hasuraFields ("id"). Add "user_id" to hasuraFields, or use one of them.',
      },
    ]);
  });

  it("still checks what is known beside an unknown input", () => {
    expectFailures({ ...valid, endpoint: unknownValue, name: "bad name" }, [
      {
        property: "name",
        reason: 'name "bad name" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "userMessages".',
      },
    ]);
  });
});
