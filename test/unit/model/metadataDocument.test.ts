import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canonicalJson,
  catalogScope,
  computedFieldsOf,
  findRemoteSchemaRelationship,
  findTableRelationship,
  listRemoteSchemaRelationships,
  listTableRelationships,
  parseExportAnswer,
  parseMetadataDocument,
  sourceKind,
  sourceNames,
  sourcesPart,
  trackedTables,
  withRemoteSchemaRelationship,
  withTableRelationship,
  type JsonObject,
  type StoredDefinition,
} from "../../../model";

const remoteField = { user: { arguments: { id: "$id" } } };
const legacy = { remote_schema: "user", hasura_fields: ["name", "id"], remote_field: remoteField };
const modern = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "name"], remote_field: remoteField } };
const key = { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" };

function metadataWith(definition: unknown, table: unknown = { schema: "public", name: "profiles" }): JsonObject {
  return {
    version: 3,
    sources: [{ name: "default", kind: "postgres", tables: [{ table, remote_relationships: [{ name: "rel", definition }] }] }],
  } as JsonObject;
}

describe("model: the metadata document", () => {
  it("a to_source relationship is found as such", () => {
    const held = findTableRelationship(metadataWith({ to_source: { relationship_type: "object", source: "x", table: "t", field_mapping: {} } }), key);
    assert.equal(held?.kind === "understood" && held.stored.target.kind, "toSource");
  });
  it("a definition it cannot read is found as unrecognized, with the reason", () => {
    const held = findTableRelationship(metadataWith({ to_nowhere: {} }), key);
    assert.deepEqual(held, {
      kind: "unrecognized",
      reason: "its definition has none of to_remote_schema, to_source or remote_schema",
      raw: { to_nowhere: {} },
    });
  });
  it("is found by source, schema, table and name", () => {
    assert.equal(findTableRelationship(metadataWith(modern), key)?.kind, "understood");
    assert.equal(findTableRelationship(metadataWith(modern), { ...key, name: "other" }), undefined);
    assert.equal(findTableRelationship(metadataWith(modern), { ...key, source: "other" }), undefined);
    assert.equal(findTableRelationship(metadataWith(modern), { ...key, table: { schema: "custom", name: "profiles" } }), undefined);
  });
  it("reads Hasura 1.x metadata (version 2, top-level tables, table as a string)", () => {
    const v2 = { version: 2, tables: [{ table: "profiles", remote_relationships: [{ name: "rel", definition: legacy }] }] } as JsonObject;
    assert.equal(findTableRelationship(v2, key)?.kind, "understood");
    assert.equal(findTableRelationship(v2, { ...key, source: "other" }), undefined);
    assert.deepEqual(
      listTableRelationships(v2).map((entry) => entry.key),
      [key],
    );
  });
  it("takes both export forms apart", () => {
    assert.deepEqual(parseExportAnswer({ resource_version: 7, metadata: { version: 3, sources: [] } }, "versioned"), {
      ok: true,
      value: { resourceVersion: 7, metadata: { version: 3, sources: [] } },
    });
    assert.deepEqual(parseExportAnswer({ version: 3, sources: [] }, "bare"), { ok: true, value: { metadata: { version: 3, sources: [] } } });
  });
  const notHasura: [string, unknown, "versioned" | "bare", string][] = [
    ["text", "OK this is not json", "versioned", "the answer is a string, not {resource_version, metadata}"],
    ["null", null, "versioned", "the answer is null, not {resource_version, metadata}"],
    ["a list", [], "versioned", "the answer is a list, not {resource_version, metadata}"],
    ["no metadata", { resource_version: 7 }, "versioned", "metadata is missing, not a metadata document"],
    ["sources as an object", { resource_version: 7, metadata: { sources: {} } }, "versioned", "metadata is not a metadata document (sources: "],
    ["no resource_version", { metadata: { sources: [] } }, "versioned", "the answer has no whole-number resource_version"],
    ["a bare answer that is text", "<html>", "bare", "the metadata is a string, not a metadata document"],
  ];
  for (const [what, body, form, reason] of notHasura) {
    it(`refuses an export answer that is ${what}`, () => {
      const parsed = parseExportAnswer(body, form);
      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && parsed.reason.startsWith(reason), !parsed.ok ? parsed.reason : "");
    });
  }
  it("changes one relationship and leaves everything else as it was", () => {
    const document = { ...metadataWith(legacy), remote_schemas: [{ name: "user", definition: { url: "http://u" } }], actions: [{ name: "a" }] } as JsonObject;
    const stored: StoredDefinition = { format: "definition", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField } };
    const added = withTableRelationship(document, { ...key, name: "second" }, stored);
    assert.ok(added.ok);
    assert.deepEqual(
      listTableRelationships(added.metadata).map((entry) => entry.key.name),
      ["rel", "second"],
    );
    assert.deepEqual(added.metadata.actions, document.actions);
    const removed = withTableRelationship(added.metadata, key, undefined);
    assert.ok(removed.ok);
    assert.deepEqual(
      listTableRelationships(removed.metadata).map((entry) => entry.key.name),
      ["second"],
    );
    assert.deepEqual(listTableRelationships(document).length, 1, "the original is untouched");
  });
  it("an edit makes new only what is on the path to the relationship: everything else is shared, and the document it came from is untouched", () => {
    const untouched = { table: { schema: "public", name: "other" }, select_permissions: [{ role: "user" }] };
    const document = {
      version: 3,
      sources: [
        {
          name: "default",
          kind: "postgres",
          configuration: { pool: 1 },
          tables: [untouched, { table: key.table, event_triggers: [{ name: "t" }], remote_relationships: [{ name: "rel", definition: modern }] }],
        },
        { name: "second", kind: "postgres", tables: [{ table: key.table }] },
      ],
      remote_schemas: [
        { name: "user", definition: { url: "http://u" } },
        { name: "other", definition: { url: "http://o" }, remote_relationships: [{ type_name: "T", relationships: [{ name: "r", definition: modern }] }] },
      ],
    } as JsonObject;
    const before = structuredClone(document);
    const parsed = parseMetadataDocument(document);
    assert.ok(parsed.ok);
    const original = parsed.value;
    const removed = withTableRelationship(original, key, undefined);
    assert.ok(removed.ok);
    const [source, second] = removed.metadata.sources ?? [];
    assert.equal(second, original.sources?.[1]);
    assert.equal(source.tables[0], original.sources?.[0].tables[0]);
    assert.equal(source.configuration, original.sources?.[0].configuration);
    assert.equal(removed.metadata.remote_schemas, original.remote_schemas);
    // The last relationship gone, its key goes, and every other key stays in its place.
    assert.deepEqual(Object.keys(source.tables[1]), ["table", "event_triggers"]);
    assert.equal(source.tables[1].event_triggers, original.sources?.[0].tables[1].event_triggers);
    const onType = withRemoteSchemaRelationship(original, { remoteSchema: "other", typeName: "T", name: "r" }, undefined);
    assert.ok(onType.ok);
    assert.equal(onType.metadata.sources, original.sources);
    assert.equal(onType.metadata.remote_schemas?.[0], original.remote_schemas?.[0]);
    assert.deepEqual(Object.keys(onType.metadata.remote_schemas?.[1] ?? {}), ["name", "definition"]);
    assert.deepEqual(document, before);
    assert.equal(findTableRelationship(original, key)?.kind, "understood");
  });
  it("says where a change cannot go", () => {
    const stored: StoredDefinition = { format: "definition", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField } };
    assert.deepEqual(withTableRelationship(metadataWith(modern), { ...key, source: "nope" }, stored), { ok: false, missing: "source" });
    assert.deepEqual(withTableRelationship(metadataWith(modern), { ...key, table: { schema: "public", name: "nope" } }, stored), {
      ok: false,
      missing: "table",
    });
  });
  it("finds, lists, adds and removes relationships on a remote schema's types", () => {
    const stored: StoredDefinition = { format: "definition", target: { kind: "toRemoteSchema", remoteSchema: "orders", lhsFields: ["id"], remoteField } };
    const document = { version: 3, sources: [], remote_schemas: [{ name: "users", definition: {} }] } as JsonObject;
    const schemaKey = { remoteSchema: "users", typeName: "User", name: "orders" };
    const added = withRemoteSchemaRelationship(document, schemaKey, stored);
    assert.ok(added.ok);
    assert.equal(findRemoteSchemaRelationship(added.metadata, schemaKey)?.kind, "understood");
    assert.deepEqual(
      listRemoteSchemaRelationships(added.metadata).map((entry) => entry.key),
      [schemaKey],
    );
    const removed = withRemoteSchemaRelationship(added.metadata, schemaKey, undefined);
    assert.ok(removed.ok);
    assert.deepEqual(removed.metadata, document);
    assert.deepEqual(withRemoteSchemaRelationship(document, { ...schemaKey, remoteSchema: "nope" }, stored), { ok: false, missing: "remote schema" });
  });
  it("refuses a document with neither sources nor tables, saying so", () => {
    assert.deepEqual(parseMetadataDocument({ version: 3 }), {
      ok: false,
      reason: "the metadata is not a metadata document (sources: it has neither sources (version 3) nor tables (versions 1 and 2))",
    });
  });
  it("refuses a __proto__ key where the document is typed, rather than dropping it from the next write", () => {
    const json = JSON.parse('{"version": 3, "sources": [{"name": "default", "tables": [{"table": "t", "__proto__": {"x": 1}}]}]}');
    assert.deepEqual(parseExportAnswer({ resource_version: 1, metadata: json }, "versioned"), {
      ok: false,
      reason: 'metadata is not a metadata document (sources.0.tables.0: it holds a key named "__proto__", which this provider cannot keep in a write)',
    });
  });
  it("keeps what it does not type exactly as it came, a __proto__ key deep inside included, through an edit", () => {
    const json = JSON.parse(
      '{"version": 3, "sources": [{"name": "default", "kind": "postgres", "configuration": {"pool": {"__proto__": {"x": 1}}}, "tables": [{"table": {"schema": "public", "name": "profiles"}, "select_permissions": [{"role": "user"}]}]}], "inherited_roles": []}',
    );
    const parsed = parseMetadataDocument(json);
    assert.ok(parsed.ok);
    const stored: StoredDefinition = { format: "definition", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField } };
    const added = withTableRelationship(parsed.value, key, stored);
    assert.ok(added.ok);
    const written = JSON.parse(JSON.stringify(added.metadata));
    delete written.sources[0].tables[0].remote_relationships;
    // Key order is never meaningful to Hasura (the schema puts the keys it knows first).
    assert.equal(JSON.stringify(canonicalJson(written)), JSON.stringify(canonicalJson(json)));
  });
  it("keeps of the sources what check reads of them, and none of the rest", () => {
    const computedField = { name: "full_name", definition: { function: { schema: "public", name: "full_name" } } };
    const json = {
      version: 3,
      sources: [
        {
          name: "default",
          kind: "postgres",
          configuration: { connection_info: { database_url: "postgres://..." } },
          tables: [
            {
              table: { schema: "public", name: "profiles" },
              computed_fields: [computedField],
              select_permissions: [{ role: "user" }],
              remote_relationships: [{ name: "rel", definition: modern }],
            },
            { table: "orders", event_triggers: [{ name: "on_order" }] },
          ],
        },
        { name: "billing", tables: [] },
      ],
      remote_schemas: [{ name: "user", definition: {} }],
      actions: [{ name: "checkout" }],
    };
    const parsed = parseMetadataDocument(json);
    assert.ok(parsed.ok);
    const part = sourcesPart(parsed.value);
    const profilesTable = { schema: "public", name: "profiles" };
    for (const metadata of [parsed.value, part]) {
      assert.deepEqual(sourceNames(metadata), ["default", "billing"]);
      assert.deepEqual([sourceKind(metadata, "default"), sourceKind(metadata, "billing")], ["postgres", undefined]);
      assert.deepEqual(trackedTables(metadata, "default"), [profilesTable, { schema: "public", name: "orders" }]);
      assert.deepEqual(computedFieldsOf(metadata, "default", profilesTable), computedFieldsOf(parsed.value, "default", profilesTable));
      assert.equal(computedFieldsOf(metadata, "default", profilesTable).length, 1);
      assert.deepEqual(catalogScope(metadata, "default"), catalogScope(parsed.value, "default"));
    }
    assert.deepEqual(JSON.parse(JSON.stringify(part)), {
      version: 3,
      sources: [
        {
          name: "default",
          kind: "postgres",
          tables: [{ table: { schema: "public", name: "profiles" }, computed_fields: [computedField] }, { table: "orders" }],
        },
        { name: "billing", tables: [] },
      ],
    });
    // A 1.x document's one database, its tables at the top level.
    const legacyDocument = parseMetadataDocument({ version: 2, tables: [{ table: "orders", select_permissions: [] }] });
    assert.ok(legacyDocument.ok);
    assert.deepEqual(JSON.parse(JSON.stringify(sourcesPart(legacyDocument.value))), { version: 2, tables: [{ table: "orders" }] });
  });
});
