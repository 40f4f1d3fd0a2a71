import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findRelationship, parseExport, readDefinition } from "../../provider/hasuraMetadata";
import { chooseApi, deleteRequest, exportRequest, writeRequest } from "../../provider/hasuraRequests";

const remoteField = { user: { arguments: { id: "$id" } } };
const legacy = { remote_schema: "user", hasura_fields: ["name", "id"], remote_field: remoteField };
const modern = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "name"], remote_field: remoteField } };
const key = { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" };

function metadataWith(definition: unknown, table: unknown = { schema: "public", name: "profiles" }) {
  return { version: 3, sources: [{ name: "default", kind: "postgres", tables: [{ table, remote_relationships: [{ name: "rel", definition }] }] }] };
}

describe("stored definitions", () => {
  it("the legacy flat format and the definition format mean the same join", () => {
    const a = readDefinition(legacy);
    const b = readDefinition(modern);
    assert.equal(a?.kind === "remote-schema" && a.format, "legacy");
    assert.equal(b?.kind === "remote-schema" && b.format, "definition");
    assert.deepEqual(a?.kind === "remote-schema" && a.definition, b?.kind === "remote-schema" && b.definition);
  });
  it("a to_source relationship is not a remote schema join", () => {
    assert.deepEqual(findRelationship(metadataWith({ to_source: { source: "x" } }), key)?.kind, "other");
  });
  it("is found by source, schema, table and name", () => {
    assert.equal(findRelationship(metadataWith(modern), key)?.kind, "remote-schema");
    assert.equal(findRelationship(metadataWith(modern), { ...key, name: "other" }), undefined);
    assert.equal(findRelationship(metadataWith(modern), { ...key, source: "other" }), undefined);
    assert.equal(findRelationship(metadataWith(modern), { ...key, table: { schema: "custom", name: "profiles" } }), undefined);
  });
  it("reads Hasura 1.x metadata (version 2, top-level tables, table as a string)", () => {
    const v2 = { version: 2, tables: [{ table: "profiles", remote_relationships: [{ name: "rel", definition: legacy }] }] };
    assert.equal(findRelationship(v2, key)?.kind, "remote-schema");
    assert.equal(findRelationship(v2, { ...key, source: "other" }), undefined);
  });
  it("takes both export forms apart", () => {
    assert.deepEqual(parseExport({ resource_version: 7, metadata: { version: 3 } }), { resourceVersion: 7, metadata: { version: 3 } });
    assert.deepEqual(parseExport({ version: 3, sources: [] }), { metadata: { version: 3, sources: [] } });
  });
});

describe("requests", () => {
  const relationship = { ...key, hasuraFields: ["id"], remoteSchema: "user", remoteField };
  it("metadata API create carries the definition format and resource_version", () => {
    assert.deepEqual(writeRequest("metadata", "create", relationship, 4), {
      path: "/v1/metadata",
      body: {
        type: "pg_create_remote_relationship",
        resource_version: 4,
        args: {
          source: "default",
          table: { schema: "public", name: "profiles" },
          name: "rel",
          definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } },
        },
      },
    });
  });
  it("query API update uses the legacy format and names no default source", () => {
    assert.deepEqual(writeRequest("query", "update", relationship), {
      path: "/v1/query",
      body: {
        type: "update_remote_relationship",
        args: { name: "rel", table: { schema: "public", name: "profiles" }, hasura_fields: ["id"], remote_schema: "user", remote_field: remoteField },
      },
    });
  });
  it("query API names a non-default source", () => {
    assert.deepEqual(deleteRequest("query", { ...key, source: "db2" }).body, {
      type: "delete_remote_relationship",
      args: { source: "db2", table: { schema: "public", name: "profiles" }, name: "rel" },
    });
  });
  it("metadata API delete names the source and the resource_version", () => {
    assert.deepEqual(deleteRequest("metadata", key, 9).body, {
      type: "pg_delete_remote_relationship",
      resource_version: 9,
      args: { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" },
    });
  });
  it("export asks for version 2 on the metadata API only", () => {
    assert.deepEqual(exportRequest("metadata").body, { type: "export_metadata", version: 2, args: {} });
    assert.deepEqual(exportRequest("query").body, { type: "export_metadata", args: {} });
  });
  const versions: [string | undefined, string][] = [
    ["v2.48.3", "metadata"],
    ["v2.0.10", "metadata"],
    ["v2.0.9", "query"],
    ["v2.0.0-alpha.10", "query"],
    ["v1.3.3", "query"],
    ["v3.0.0", "metadata"],
    ["dev-build-abc", "metadata"],
    [undefined, "metadata"],
  ];
  for (const [version, mode] of versions) {
    it(`auto picks ${mode} for ${version}`, () => assert.equal(chooseApi("auto", version), mode));
  }
  it("an explicit setting wins over the version", () => assert.equal(chooseApi("query", "v2.48.3"), "query"));
});
