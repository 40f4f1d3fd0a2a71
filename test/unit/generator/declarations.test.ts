import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inventoryOf, resourceNameOf } from "../../../generator";
import { mixedMetadata, sourcelessMetadata, tablesWith } from "./fixtures";

const endpoint = "http://localhost:8080";

describe("generator: what the program declares", () => {
  it("declares every remote schema join on every table of every source, in both stored formats, in document order", () => {
    const { declarations } = inventoryOf(mixedMetadata, endpoint);
    assert.deepEqual(
      declarations.map((declaration) => [declaration.label, declaration.resourceName, declaration.importId, declaration.group]),
      [
        ["default.public.profiles.userOfProfile", "profiles-userOfProfile", "default/public/profiles/userOfProfile", "public.profiles"],
        ["default.public.profiles.legacyUser", "profiles-legacyUser", "default/public/profiles/legacyUser", "public.profiles"],
        ["default.custom.profiles.messages", "custom-profiles-messages", "default/custom/profiles/messages", "custom.profiles"],
        ["shop.public.orders.buyer", "shop-orders-buyer", "shop/public/orders/buyer", 'public.orders, source "shop"'],
      ],
    );
  });

  it("writes the args a person would: defaults left out, the legacy format's fields as a set", () => {
    const [first, legacy, custom, shop] = inventoryOf(mixedMetadata, endpoint).declarations;
    assert.deepEqual(first.args, [
      ["name", "userOfProfile"],
      ["table", "profiles"],
      ["hasuraFields", ["id"]],
      ["remoteSchema", "user"],
      ["remoteField", { user: { arguments: { id: "$id" } } }],
    ]);
    assert.deepEqual(legacy.args[2], ["hasuraFields", ["id", "name"]]);
    assert.deepEqual(custom.args[1], ["table", { schema: "custom", name: "profiles" }]);
    assert.deepEqual(shop.args.slice(0, 3), [
      ["name", "buyer"],
      ["table", "orders"],
      ["source", "shop"],
    ]);
  });

  it("skips, and says why, what no resource manages yet and what cannot be read", () => {
    assert.deepEqual(inventoryOf(mixedMetadata, endpoint).skipped, [
      {
        label: "default.public.profiles.ordersOfProfile",
        reason: 'it joins table public.orders of source "shop" (to_source), and RemoteRelationship manages joins to remote schemas only, so far.',
      },
      {
        label: "default.public.profiles.broken",
        reason:
          "Hasura holds a definition this package cannot read: its definition is not in a format this provider reads (to_remote_schema.lhs_fields: Invalid input: expected array, received undefined).",
      },
      {
        label: "user.User.profile",
        reason: 'it is defined on type "User" of remote schema "user", and no resource of this package manages relationships of remote schemas yet.',
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
    assert.equal(resourceNameOf({ source: "default", table: { schema: "public", name: "users" }, name: "messages" }), "users-messages");
    assert.equal(resourceNameOf({ source: "default", table: { schema: "sales", name: "users" }, name: "messages" }), "sales-users-messages");
    assert.equal(resourceNameOf({ source: "crm", table: { schema: "public", name: "users" }, name: "messages" }), "crm-users-messages");
  });
});
