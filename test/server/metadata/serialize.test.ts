/**
 * Metadata to JSON (metadata/serialize.ts), pure: each relationship in the format it was written
 * in, the flat legacy echo of an inconsistent relationship, sorted tables and relationships, and
 * empty lists left out.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RemoteField, StoredDefinition } from "../../../model";
import { emptyMetadata, type RemoteRelationship } from "../../../server/metadata/records";
import { createArgumentsJson, definitionJson, metadataJson, metadataJsonV1 } from "../../../server/metadata/serialize";

const remoteField: RemoteField = { user: { arguments: { id: "$id" } } };
const legacy: StoredDefinition = { format: "legacy", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField } };
const definition: StoredDefinition = { format: "definition", target: legacy.target };
const profiles = { schema: "public", name: "profiles" };

test("serialize: a definition in the format it was written in", () => {
  assert.deepEqual(definitionJson({ name: "r", definition: legacy }), { remote_schema: "user", hasura_fields: ["id"], remote_field: remoteField });
  assert.deepEqual(definitionJson({ name: "r", definition }), { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } });
  const toSource: StoredDefinition = {
    format: "definition",
    target: { kind: "toSource", relationshipType: "object", source: "default", table: profiles, fieldMapping: { id: "id" } },
  };
  assert.deepEqual(definitionJson({ name: "r", definition: toSource }), {
    to_source: { relationship_type: "object", source: "default", table: profiles, field_mapping: { id: "id" } },
  });
});

test("serialize: a to_source table as it was sent, as Hasura keeps it", () => {
  const toSource: StoredDefinition = {
    format: "definition",
    target: { kind: "toSource", relationshipType: "array", source: "target", table: { schema: "public", name: "album" }, fieldMapping: { id: "id" } },
  };
  assert.deepEqual(definitionJson({ name: "r", definition: toSource, targetTableJson: "album" }), {
    to_source: { relationship_type: "array", source: "target", table: "album", field_mapping: { id: "id" } },
  });
});

test("serialize: answers never share objects with the stored metadata", () => {
  const relationship: RemoteRelationship = { name: "r", definition };
  const json = definitionJson(relationship) as { to_remote_schema: { remote_field: unknown } };
  assert.notEqual(json.to_remote_schema.remote_field, remoteField);
});

test("serialize: an inconsistent relationship's definition, legacy ones flat", () => {
  assert.deepEqual(createArgumentsJson("default", profiles, { name: "r", definition: legacy }), {
    source: "default",
    table: profiles,
    name: "r",
    remote_schema: "user",
    hasura_fields: ["id"],
    remote_field: remoteField,
  });
  assert.deepEqual(createArgumentsJson("default", profiles, { name: "r", definition }), {
    source: "default",
    table: profiles,
    name: "r",
    definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } },
  });
});

test("serialize: export sorts tables and relationships and leaves empty lists out", () => {
  const metadata = emptyMetadata();
  metadata.sources[0].tables = [
    { table: { schema: "public", name: "users" }, remoteRelationships: [], extra: {} },
    {
      table: profiles,
      remoteRelationships: [
        { name: "b", definition },
        { name: "a", definition: legacy },
      ],
      extra: {},
    },
  ];
  const json = metadataJson(metadata) as { version: number; sources: { tables: { table: unknown; remote_relationships?: { name: string }[] }[] }[] };
  assert.equal(json.version, 3);
  assert.equal("remote_schemas" in json, false);
  assert.deepEqual(
    json.sources[0].tables.map((table) => table.table),
    [profiles, { schema: "public", name: "users" }],
  );
  assert.deepEqual(
    json.sources[0].tables[0].remote_relationships?.map((relationship) => relationship.name),
    ["a", "b"],
  );
  assert.equal("remote_relationships" in json.sources[0].tables[1], false);
  assert.deepEqual(Object.keys(metadataJsonV1(metadata)).sort(), ["tables", "version"]);
});
