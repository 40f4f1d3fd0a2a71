/** Metadata documents the generator's unit tests read, in the shapes `export_metadata` gives. */
import { heldRelationships, inventoryOf, type Inventory } from "../../../generator";
import type { InconsistentObject, JsonObject } from "../../../model";

const userField = { user: { arguments: { id: "$id" } } };

/** A v2 document: two sources; both stored formats; a schema other than public; to_source; unreadable; relationships on a remote schema's type. */
export const mixedMetadata: JsonObject = {
  version: 3,
  sources: [
    {
      name: "default",
      kind: "postgres",
      tables: [
        {
          table: { schema: "public", name: "profiles" },
          remote_relationships: [
            { name: "userOfProfile", definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: userField } } },
            { name: "legacyUser", definition: { remote_schema: "user", hasura_fields: ["name", "id"], remote_field: userField } },
            {
              name: "ordersOfProfile",
              definition: {
                to_source: { relationship_type: "array", source: "shop", table: { schema: "public", name: "orders" }, field_mapping: { id: "profile_id" } },
              },
            },
            { name: "broken", definition: { to_remote_schema: { remote_schema: "user" } } },
          ],
        },
        {
          table: { schema: "custom", name: "profiles" },
          remote_relationships: [
            {
              name: "messages",
              definition: {
                to_remote_schema: {
                  remote_schema: "my-remote-schema",
                  lhs_fields: ["id"],
                  remote_field: { messages: { arguments: { where: { id: { eq: "$id" } } } } },
                },
              },
            },
          ],
        },
        { table: { schema: "public", name: "untouched" } },
      ],
    },
    {
      name: "shop",
      kind: "postgres",
      tables: [
        {
          table: { schema: "public", name: "orders" },
          remote_relationships: [
            {
              name: "buyer",
              definition: {
                to_remote_schema: { remote_schema: "user", lhs_fields: ["profile_id"], remote_field: { user: { arguments: { id: "$profile_id" } } } },
              },
            },
          ],
        },
      ],
    },
  ],
  remote_schemas: [
    {
      name: "user",
      definition: { url: "http://example.com/graphql" },
      remote_relationships: [
        {
          type_name: "User",
          relationships: [
            { name: "profile", definition: { to_source: { relationship_type: "object", source: "default", table: "profiles", field_mapping: { id: "id" } } } },
            {
              name: "messages",
              definition: {
                to_remote_schema: {
                  remote_schema: "my-remote-schema",
                  lhs_fields: ["id"],
                  remote_field: { messages: { arguments: { where: { id: { eq: "$id" } } } } },
                },
              },
            },
          ],
        },
      ],
    },
  ],
};

/** A Hasura 1.x document: the one database's tables at the top level, legacy format. */
export const sourcelessMetadata: JsonObject = {
  version: 2,
  tables: [
    {
      table: "profiles",
      remote_relationships: [{ name: "userOfProfile", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: userField } }],
    },
  ],
};

/** A document with only the given relationships on public tables of the default source: `[table, name, lhsField]`. */
export function tablesWith(relationships: readonly (readonly [string, string, string])[]): JsonObject {
  const tables = new Map<string, JsonObject[]>();
  for (const [table, name, field] of relationships) {
    const definition = { to_remote_schema: { remote_schema: "user", lhs_fields: [field], remote_field: { user: { arguments: { id: `$${field}` } } } } };
    tables.set(table, [...(tables.get(table) ?? []), { name, definition }]);
  }
  return {
    version: 3,
    sources: [
      {
        name: "default",
        kind: "postgres",
        tables: [...tables].map(([name, remote_relationships]) => ({ table: { schema: "public", name }, remote_relationships })),
      },
    ],
  };
}

/** The endpoint the unit tests' relationships are read at. */
export const fixtureEndpoint = "http://localhost:8080";

/** What a program declares of `metadata`: every relationship Hasura holds, those in `inconsistencies` and `refused` skipped. */
export function inventoryOfDocument(
  metadata: JsonObject,
  inconsistencies: readonly InconsistentObject[] = [],
  refused: ReadonlyMap<string, string> = new Map(),
  taken: readonly string[] = [],
): Inventory {
  return inventoryOf(heldRelationships(metadata, inconsistencies, fixtureEndpoint), refused, taken);
}
