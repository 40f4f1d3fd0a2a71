import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { declarers, heldRelationships, refusedByCheck, resourceNameOf } from "../../../generator";
import { withProviderCheck } from "../../../generator/providerCheck";
import type { JsonObject } from "../../../model";
import { fixtureEndpoint as endpoint, inventoryOfDocument, mixedMetadata, sourcelessMetadata, tablesWith } from "./fixtures";

describe("generator: what the program declares", () => {
  it("declares every relationship of every table of every source, in both stored formats, then those of remote schemas, in document order", () => {
    const { declarations } = inventoryOfDocument(mixedMetadata);
    assert.deepEqual(
      declarations.map((declaration) => [declaration.resourceType, declaration.resourceName, declaration.importId, declaration.group]),
      [
        ["RemoteRelationship", "profiles-userOfProfile", "default/public/profiles/userOfProfile", "public.profiles"],
        ["RemoteRelationship", "profiles-legacyUser", "default/public/profiles/legacyUser", "public.profiles"],
        ["RemoteRelationship", "profiles-ordersOfProfile", "default/public/profiles/ordersOfProfile", "public.profiles"],
        ["RemoteRelationship", "custom-profiles-messages", "default/custom/profiles/messages", "custom.profiles"],
        ["RemoteRelationship", "shop-orders-buyer", "shop/public/orders/buyer", 'public.orders, source "shop"'],
        ["RemoteSchemaRelationship", "user-User-profile", "user/User/profile", 'remote schema "user", type User'],
        ["RemoteSchemaRelationship", "user-User-messages", "user/User/messages", 'remote schema "user", type User'],
      ],
    );
  });

  it("writes the args a person would: defaults left out, the legacy format's fields as a set, one target each", () => {
    const [first, legacy, toSource, custom, shop, schemaToSource, schemaToRemote] = inventoryOfDocument(mixedMetadata).declarations;
    assert.deepEqual(first.args, [
      ["name", "userOfProfile"],
      ["table", "profiles"],
      ["hasuraFields", ["id"]],
      ["remoteSchema", "user"],
      ["remoteField", { user: { arguments: { id: "$id" } } }],
    ]);
    assert.deepEqual(legacy.args[2], ["hasuraFields", ["id", "name"]]);
    assert.deepEqual(toSource.args, [
      ["name", "ordersOfProfile"],
      ["table", "profiles"],
      ["toSource", { relationshipType: "array", source: "shop", table: "orders", fieldMapping: { id: "profile_id" } }],
    ]);
    assert.deepEqual(custom.args[1], ["table", { schema: "custom", name: "profiles" }]);
    assert.deepEqual(shop.args.slice(0, 3), [
      ["name", "buyer"],
      ["table", "orders"],
      ["source", "shop"],
    ]);
    assert.deepEqual(schemaToSource.args, [
      ["remoteSchema", "user"],
      ["typeName", "User"],
      ["name", "profile"],
      ["toSource", { relationshipType: "object", source: "default", table: "profiles", fieldMapping: { id: "id" } }],
    ]);
    assert.deepEqual(schemaToRemote.args[3], [
      "toRemoteSchema",
      { remoteSchema: "my-remote-schema", lhsFields: ["id"], remoteField: { messages: { arguments: { where: { id: { eq: "$id" } } } } } },
    ]);
  });

  it("skips, and says why, a definition it cannot read", () => {
    assert.deepEqual(inventoryOfDocument(mixedMetadata).skipped, [
      {
        id: "default/public/profiles/broken",
        reason:
          "Hasura holds a definition this package cannot read: its definition is not in a format this provider reads (to_remote_schema.lhs_fields: Invalid input: expected array, received undefined).",
      },
    ]);
  });

  it("reads a Hasura 1.x document as the default source", () => {
    const { declarations, skipped } = inventoryOfDocument(sourcelessMetadata);
    assert.deepEqual(
      declarations.map((declaration) => declaration.importId),
      ["default/public/profiles/userOfProfile"],
    );
    assert.deepEqual(skipped, []);
  });

  it("skips what the provider's check refuses at preview, with check's own words: the provider's own check, run as preview runs it", async () => {
    const metadata = tablesWith([["profiles", "not-a-graphql-name", "id"]]);
    const held = heldRelationships(metadata, [], endpoint);
    // The static checks refuse it before any live one would ask Hasura, so no Hasura is needed here.
    const refused = await withProviderCheck(endpoint, undefined, (check) => refusedByCheck(held, check));
    const { declarations, skipped } = inventoryOfDocument(metadata, [], refused);
    assert.deepEqual(declarations, []);
    assert.deepEqual(skipped, [
      {
        id: "default/public/profiles/not-a-graphql-name",
        reason:
          'the provider\'s check refuses it as Hasura holds it: name: name "not-a-graphql-name" is not a valid GraphQL name. Use letters, digits and underscores, not starting with a digit, such as "userMessages".',
      },
    ]);
  });

  it("asks the check about each relationship it could declare, and only those, in order", async () => {
    const asked: string[] = [];
    const inconsistent = [{ type: "remote_relationship", reason: "gone", definition: { source: "default", table: "profiles", name: "userOfProfile" } }];
    const refused = await refusedByCheck(heldRelationships(mixedMetadata, inconsistent, endpoint), async (entry) => {
      asked.push(entry.id);
      return entry.id === "user/User/profile" ? ["toSource: no."] : [];
    });
    assert.deepEqual(asked, [
      "default/public/profiles/legacyUser",
      "default/public/profiles/ordersOfProfile",
      "default/custom/profiles/messages",
      "shop/public/orders/buyer",
      "user/User/profile",
      "user/User/messages",
    ]);
    assert.deepEqual([...refused], [["user/User/profile", "the provider's check refuses it as Hasura holds it: toSource: no."]]);
  });

  it("skips a relationship Hasura reports inconsistent, with Hasura's reason and what to do", () => {
    const reason = 'Inconsistent object: in table "profiles": in remote relationship "userOfProfile": remote schema with name "user" not found';
    const inconsistent = [
      { type: "remote_relationship", reason, definition: { source: "default", table: { schema: "public", name: "profiles" }, name: "userOfProfile" } },
    ];
    const { declarations, skipped } = inventoryOfDocument(tablesWith([["profiles", "userOfProfile", "id"]]), inconsistent);
    assert.deepEqual(declarations, []);
    assert.deepEqual(skipped, [
      {
        id: "default/public/profiles/userOfProfile",
        reason: `Hasura reports it inconsistent: ${reason}. Fix or delete it in Hasura, then run this again; declared as it is, it would fail the program's first preview.`,
      },
    ]);
  });

  it("keeps resource names unique when two relationships would get the same one", () => {
    const { declarations } = inventoryOfDocument(
      tablesWith([
        ["users-a", "b", "id"],
        ["users_a", "b", "id"],
      ]),
    );
    assert.deepEqual(
      declarations.map((declaration) => declaration.resourceName),
      ["users_a-b", "users_a-b-2"],
    );
  });

  it("encodes a / in an ID part, as the provider's IDs do", () => {
    const [declaration] = inventoryOfDocument(tablesWith([["a/b", "rel", "id"]])).declarations;
    assert.equal(declaration.importId, "default/public/a%2Fb/rel");
    assert.equal(declaration.resourceName, "a_b-rel");
  });

  it("names resources after table and relationship, led by schema and source only where they are not the defaults", () => {
    const relationships = (tablesWith([["x", "messages", "id"]]) as { sources: { tables: { remote_relationships: JsonObject[] }[] }[] }).sources[0].tables[0]
      .remote_relationships;
    const metadata = {
      version: 3,
      sources: [
        { name: "default", tables: [{ table: { schema: "sales", name: "users" }, remote_relationships: relationships }] },
        { name: "crm", tables: [{ table: "users", remote_relationships: relationships }] },
      ],
    } as unknown as JsonObject;
    assert.deepEqual(
      inventoryOfDocument(metadata).declarations.map((declaration) => declaration.resourceName),
      ["sales-users-messages", "crm-users-messages"],
    );
    assert.equal(resourceNameOf(["my api", "User", "orders"]), "my_api-User-orders");
  });
});

describe("the bin's view of what Hasura holds and what a state keeps", () => {
  it("reads both stored formats of the same join into the same canonical inputs, as the provider's read does", () => {
    const [definition, legacy] = heldRelationships(
      {
        version: 3,
        sources: [
          {
            name: "default",
            tables: [
              {
                table: "profiles",
                remote_relationships: [
                  {
                    name: "a",
                    definition: {
                      to_remote_schema: {
                        remote_schema: "user",
                        lhs_fields: ["name", "id"],
                        remote_field: { user: { arguments: { name: "$name", id: "$id" } } },
                      },
                    },
                  },
                  {
                    name: "b",
                    definition: {
                      remote_schema: "user",
                      hasura_fields: ["id", "name", "id"],
                      remote_field: { user: { arguments: { id: "$id", name: "$name" } } },
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
      [],
      endpoint,
    );
    assert.ok(definition.definition.readable && legacy.definition.readable);
    const target = (inputs: Readonly<Record<string, unknown>>) => JSON.stringify([inputs.hasuraFields, inputs.remoteSchema, inputs.remoteField]);
    assert.equal(target(definition.definition.inputs), target(legacy.definition.inputs));
    assert.deepEqual(definition.definition.inputs, {
      endpoint,
      source: "default",
      table: { schema: "public", name: "profiles" },
      name: "a",
      hasuraFields: ["id", "name"],
      remoteSchema: "user",
      remoteField: { user: { arguments: { id: "$id", name: "$name" } } },
    });
    assert.deepEqual(definition.place, { kind: "table", source: "default", table: { schema: "public", name: "profiles" } });
  });

  it("reads a state's outputs as the provider's diff reads old outputs: canonical, with the ID and place they name", () => {
    const [tables, remoteSchemas] = declarers;
    const state = tables.fromState({
      endpoint: "http://localhost:8080/",
      table: "profiles",
      name: "a",
      hasuraFields: ["name", "id"],
      remoteSchema: "user",
      remoteField: { user: { arguments: { name: "$name", id: "$id" } } },
      __provider: "exports.handler = ...",
      inconsistency: "old news",
    });
    assert.equal(state?.id, "default/public/profiles/a");
    assert.deepEqual(state?.inputs.hasuraFields, ["id", "name"]);
    assert.equal(state?.inputs.endpoint, endpoint);
    assert.equal(tables.fromState({ name: "a" }), undefined);
    assert.deepEqual(
      remoteSchemas.fromState({
        endpoint,
        remoteSchema: "user",
        typeName: "User",
        name: "m",
        toSource: { relationshipType: "object", source: "default", table: "profiles", fieldMapping: { id: "id" } },
      })?.place,
      {
        kind: "remoteSchema",
        remoteSchema: "user",
        typeName: "User",
      },
    );
  });
});
