import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInputs } from "../../../../../provider/inputs/check";
import { unknownValue } from "../../../../../provider/inputs/unknowns";
import { remoteRelationship } from "../../../../../provider/resources/remoteRelationship";

const checkRelationship = (news: Record<string, unknown>) => checkInputs(remoteRelationship, news);

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

describe("check: RemoteRelationship", () => {
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
      [{ property: "", reason: 'hasuraFields[1]: A hasuraFields entry must not be empty, such as "id".' }],
    ],
    ["a missing remoteSchema", { remoteSchema: undefined }, [{ property: "remoteSchema", reason: 'remoteSchema is required, such as "messages-api".' }]],
    [
      "a missing endpoint, saying how the stack gives one",
      { endpoint: undefined },
      [
        {
          property: "endpoint",
          reason:
            "endpoint is required. Set the stack's Hasura with `pulumi config set hasura:endpoint https://...` (every resource without an endpoint of its own takes it), or pass endpoint.",
        },
      ],
    ],
    [
      "an empty endpoint",
      { endpoint: "" },
      [
        {
          property: "endpoint",
          reason:
            "endpoint must not be empty. Set the stack's Hasura with `pulumi config set hasura:endpoint https://...` (every resource without an endpoint of its own takes it), or pass endpoint.",
        },
      ],
    ],
    ...(
      [
        ["0", "http://h:0"],
        ["70000", "http://h:70000"],
        ["-1", "http://h:-1/"],
        ["x", "https://[::1]:x"],
      ] as const
    ).map(([port, url]): [string, Record<string, unknown>, { property: string; reason: string }[]] => [
      `an endpoint naming port ${port}`,
      { endpoint: url },
      [
        {
          property: "endpoint",
          reason: `endpoint "${url}" names port "${port}", which is not a TCP port (1 to 65535). Give the port Hasura listens on, such as "http://localhost:8080".`,
        },
      ],
    ]),
    ...(
      [
        ["http://h:8080/v1/graphql", "/v1/graphql", "http://h:8080"],
        ["http://h:8080/v1/metadata/", "/v1/metadata", "http://h:8080"],
        ["https://h.example.com/v1/query", "/v1/query", "https://h.example.com"],
        ["https://h.example.com/v2/query", "/v2/query", "https://h.example.com"],
        ["https://h.example.com/console/", "/console", "https://h.example.com"],
        ["https://example.com/hasura/v1/graphql", "/v1/graphql", "https://example.com/hasura"],
      ] as const
    ).map(([url, route, base]): [string, Record<string, unknown>, { property: string; reason: string }[]] => [
      `an endpoint ending in Hasura's route ${url}`,
      { endpoint: url },
      [
        {
          property: "endpoint",
          reason: `endpoint "${url}" ends in Hasura's own route ${route}: give Hasura's base URL, without the route, such as "${base}".`,
        },
      ],
    ]),
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
          property: "hasura_fields",
          reason:
            'Unknown input "hasura_fields". The inputs are endpoint, source, table, name, hasuraFields, remoteSchema and remoteField (or toSource), and adoptExisting (camelCase), and importId, which the import option sets.',
        },
      ],
    ],
    ["adoptExisting that is not a boolean", { adoptExisting: "yes" }, [{ property: "adoptExisting", reason: "adoptExisting must be true or false." }]],
    [
      "a level without arguments",
      { remoteField: { messages: {} } },
      [
        {
          property: "",
          reason: "remoteField.messages.arguments: arguments is required at each level of remoteField. Use arguments: {} for a field without arguments.",
        },
      ],
    ],
    [
      "a level with an unknown key",
      { remoteField: { messages: { arguments: { id: "$id" }, args: {} } } },
      [{ property: "", reason: 'remoteField.messages: Unknown key "args" in remoteField. Each level is {arguments, field?}.' }],
    ],
    [
      "a remote field name that is not a GraphQL name",
      { remoteField: { "my-messages": { arguments: { id: "$id" } } } },
      [
        {
          property: "",
          reason:
            'remoteField["my-messages"]: A remote field name "my-messages" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "messages".',
        },
      ],
    ],
    [
      "an argument name that is not a GraphQL name",
      { remoteField: { messages: { arguments: { "user-id": "$id" } } } },
      [
        {
          property: "",
          reason:
            'remoteField.messages.arguments["user-id"]: An argument name "user-id" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "id".',
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

  for (const endpoint of [
    "https://example.com/hasura",
    "https://example.com/hasura/",
    "http://h:1",
    "http://h:65535",
    "http://[::1]:8080",
    "https://h.example.com/graphql-api",
  ]) {
    it(`accepts the base URL ${endpoint}, under a proxy prefix or not`, () =>
      assert.equal(expectValid({ ...valid, endpoint }).endpoint, endpoint.replace(/\/$/, "")));
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

  for (const [what, news, input] of [
    [
      "toSource.relationshipType",
      { toSource: { relationshipType: unknownValue, source: "analytics", table: "orders", fieldMapping: { id: "user_id" } } },
      "toSource",
    ],
    ["toSource.fieldMapping", { toSource: { relationshipType: "array", source: "analytics", table: "orders", fieldMapping: unknownValue } }, "toSource"],
    ["a join argument", { remoteField: { messages: { arguments: { id: unknownValue } } } }, "remoteField"],
    ["one of hasuraFields", { hasuraFields: ["id", unknownValue] }, "hasuraFields"],
    ["the table's name", { table: { schema: "public", name: unknownValue } }, "table"],
  ] as const) {
    it(`passes an input holding an unknown inside (${what}) as it came, to be judged once known`, () => {
      const target = "toSource" in news ? { remoteSchema: undefined, remoteField: undefined, hasuraFields: undefined } : {};
      const inputs = expectValid({ ...valid, ...target, ...news });
      assert.deepEqual(inputs[input], (news as Record<string, unknown>)[input]);
    });
  }

  it("runs the rules after the schema and names the property at fault", () => {
    expectFailures({ ...valid, remoteField: { messages: { arguments: { id: "$user_id" } } } }, [
      {
        property: "",
        reason: 'remoteField.messages.arguments.id: Join variable "$user_id" is not in hasuraFields ("id"). Add "user_id" to hasuraFields, or use one of them.',
      },
    ]);
  });

  it("returns no inputs beside failures, so that nothing half-checked is mistaken for canonical", () => {
    assert.deepEqual(checkRelationship({ ...valid, name: "" }), {
      failures: [{ property: "name", reason: 'name must not be empty, such as "userMessages".' }],
    });
  });

  it("accepts a toSource target and returns it canonical, its table qualified and its mapping a sorted map", () => {
    const identity = { endpoint: valid.endpoint, name: valid.name, table: valid.table };
    assert.deepEqual(
      expectValid({ ...identity, toSource: { relationshipType: "object", source: "analytics", table: "orders", fieldMapping: { b: "y", a: "x" } } }),
      {
        endpoint: "https://hasura.example.com",
        source: "default",
        table: { schema: "public", name: "users" },
        name: "userMessages",
        toSource: { relationshipType: "object", source: "analytics", table: { schema: "public", name: "orders" }, fieldMapping: { a: "x", b: "y" } },
      },
    );
  });

  it("names what is wrong inside toSource", () => {
    const identity = { endpoint: valid.endpoint, name: valid.name, table: valid.table };
    expectFailures({ ...identity, toSource: { relationshipType: "many", source: "", table: 1, fieldMapping: {} } }, [
      { property: "", reason: 'toSource.relationshipType must be "object" (one row) or "array" (many rows).' },
      { property: "", reason: 'toSource.source must not be empty, such as "analytics".' },
      {
        property: "",
        reason: 'toSource.table must be a table name, such as "users", or {schema, name}, such as {schema: "public", name: "users"}.',
      },
      { property: "", reason: 'toSource.fieldMapping must map at least one field, such as {id: "user_id"}.' },
    ]);
  });

  it("names each unknown input as its own property", () => {
    assert.deepEqual(
      checkRelationship({ ...valid, a: 1, b: 2 }).failures?.map((failure) => failure.property),
      ["a", "b"],
    );
  });

  it("refuses credentials in the endpoint without repeating them", () => {
    const failures = checkRelationship({ ...valid, endpoint: "https://admin:hunter2@hasura.example.com" }).failures;
    assert.deepEqual(failures, [
      {
        property: "endpoint",
        reason:
          "endpoint must not carry a user name or password: Hasura takes the admin secret instead. Remove them from the URL and set `pulumi config set --secret hasura:adminSecret ...`.",
      },
    ]);
  });

  it("refuses an endpoint with a query", () => {
    assert.deepEqual(checkRelationship({ ...valid, endpoint: "https://h.example.com/?x=1" }).failures, [
      {
        property: "endpoint",
        reason: 'endpoint "https://h.example.com/?x=1" has a query or fragment. Give Hasura\'s base URL only, such as "https://hasura.example.com".',
      },
    ]);
  });

  for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`fails, never throws, on an unknown input named like an Object.prototype member: ${key}`, () => {
      const news = JSON.parse(JSON.stringify({ ...valid })) as Record<string, unknown>;
      Object.defineProperty(news, key, { value: unknownValue, enumerable: true, configurable: true, writable: true });
      const failures = checkRelationship(news).failures ?? [];
      assert.deepEqual(
        failures.map((failure) => failure.property),
        [key],
      );
    });
  }

  it("refuses a remoteField nested deeper than any real one, naming where, without overflowing", () => {
    let field: Record<string, unknown> = { leaf: { arguments: {} } };
    for (let level = 0; level < 5_000; level++) field = { f: { arguments: {}, field } };
    expectFailures({ ...valid, remoteField: field }, [
      {
        // As deep as a property path may go (300 characters): a path inside the input, whose value the engine does not print.
        property: "",
        reason:
          "remoteField nests deeper than 256 levels (at remoteField.f.field.f.field.f.field.f...(245 more)...f.field.f.field). No remote relationship is that deep: check how the value is built.",
      },
    ]);
  });

  it("refuses a __proto__ key in an argument value instead of dropping it, naming the key", () => {
    const news = { ...valid, remoteField: JSON.parse('{"messages": {"arguments": {"where": {"__proto__": {"id": "$id"}}}}}') };
    expectFailures(news, [
      {
        property: "",
        reason:
          'remoteField holds a key named "__proto__" (at remoteField.messages.arguments.where.__proto__). GraphQL reserves names starting with "__", and no field, argument or input field can have this one: remove it.',
      },
    ]);
  });

  it("quotes at most the start of a huge invalid value", () => {
    const failures = checkRelationship({ ...valid, name: "x-".repeat(500_000) }).failures ?? [];
    assert.equal(failures.length, 1);
    assert.ok(failures[0].reason.length < 300, `${failures[0].reason.length} characters`);
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
