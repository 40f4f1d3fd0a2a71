import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inventoryOf, resourceNameOf } from "../../../generator";
import type { JsonObject } from "../../../model";
import { mixedMetadata, sourcelessMetadata, tablesWith } from "./fixtures";

const endpoint = "http://localhost:8080";

describe("generator: what the program declares", () => {
  it("declares every relationship of every table of every source, in both stored formats, then those of remote schemas, in document order", () => {
    const { declarations } = inventoryOf(mixedMetadata, endpoint);
    assert.deepEqual(
      declarations.map((declaration) => [declaration.resourceType, declaration.label, declaration.resourceName, declaration.importId, declaration.group]),
      [
        ["RemoteRelationship", "default.public.profiles.userOfProfile", "profiles-userOfProfile", "default/public/profiles/userOfProfile", "public.profiles"],
        ["RemoteRelationship", "default.public.profiles.legacyUser", "profiles-legacyUser", "default/public/profiles/legacyUser", "public.profiles"],
        [
          "RemoteRelationship",
          "default.public.profiles.ordersOfProfile",
          "profiles-ordersOfProfile",
          "default/public/profiles/ordersOfProfile",
          "public.profiles",
        ],
        ["RemoteRelationship", "default.custom.profiles.messages", "custom-profiles-messages", "default/custom/profiles/messages", "custom.profiles"],
        ["RemoteRelationship", "shop.public.orders.buyer", "shop-orders-buyer", "shop/public/orders/buyer", 'public.orders, source "shop"'],
        ["RemoteSchemaRelationship", "user.User.profile", "user-User-profile", "user/User/profile", 'remote schema "user", type User'],
        ["RemoteSchemaRelationship", "user.User.messages", "user-User-messages", "user/User/messages", 'remote schema "user", type User'],
      ],
    );
  });

  it("writes the args a person would: defaults left out, the legacy format's fields as a set, one target each", () => {
    const [first, legacy, toSource, custom, shop, schemaToSource, schemaToRemote] = inventoryOf(mixedMetadata, endpoint).declarations;
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
    assert.deepEqual(inventoryOf(mixedMetadata, endpoint).skipped, [
      {
        label: "default.public.profiles.broken",
        reason:
          "Hasura holds a definition this package cannot read: its definition is not in a format this provider reads (to_remote_schema.lhs_fields: Invalid input: expected array, received undefined).",
      },
    ]);
  });

  it("reads a Hasura 1.x document as the default source", () => {
    const { declarations, skipped } = inventoryOf(sourcelessMetadata, endpoint);
    assert.deepEqual(
      declarations.map((declaration) => declaration.importId),
      ["default/public/profiles/userOfProfile"],
    );
    assert.deepEqual(skipped, []);
  });

  it("skips what the provider's check would refuse at preview, with check's own words", () => {
    const { declarations, skipped } = inventoryOf(tablesWith([["profiles", "not-a-graphql-name", "id"]]), endpoint);
    assert.deepEqual(declarations, []);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].reason, /^the provider's check refuses it as Hasura holds it: name: /);
  });

  it("keeps resource names unique when two relationships would get the same one", () => {
    const { declarations } = inventoryOf(
      tablesWith([
        ["users-a", "b", "id"],
        ["users_a", "b", "id"],
      ]),
      endpoint,
    );
    assert.deepEqual(
      declarations.map((declaration) => declaration.resourceName),
      ["users_a-b", "users_a-b-2"],
    );
  });

  it("encodes a / in an ID part, as the provider's IDs do", () => {
    const [declaration] = inventoryOf(tablesWith([["a/b", "rel", "id"]]), endpoint).declarations;
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
      inventoryOf(metadata, endpoint).declarations.map((declaration) => declaration.resourceName),
      ["sales-users-messages", "crm-users-messages"],
    );
    assert.equal(resourceNameOf(["my api", "User", "orders"]), "my_api-User-orders");
  });
});
