import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RelationshipTarget } from "../../../../model";
import { chooseApi, exportRequest, tableRelationshipRequest } from "../../../../provider/hasura/requests";

const remoteField = { user: { arguments: { id: "$id" } } };
const key = { source: "default", table: { schema: "public", name: "profiles" }, name: "rel" };

describe("requests", () => {
  const target: RelationshipTarget = { kind: "toRemoteSchema", lhsFields: ["id"], remoteSchema: "user", remoteField };
  it("metadata API create carries the definition format and resource_version", () => {
    assert.deepEqual(tableRelationshipRequest("metadata", key, { kind: "create", target }, 4), {
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
    assert.deepEqual(tableRelationshipRequest("query", key, { kind: "update", target }), {
      path: "/v1/query",
      body: {
        type: "update_remote_relationship",
        args: { name: "rel", table: { schema: "public", name: "profiles" }, hasura_fields: ["id"], remote_schema: "user", remote_field: remoteField },
      },
    });
  });
  it("metadata API commands carry the prefix of the source's kind", () => {
    assert.equal(tableRelationshipRequest("metadata", key, { kind: "delete" }, 1, "mssql").body.type, "mssql_delete_remote_relationship");
    assert.equal(tableRelationshipRequest("metadata", key, { kind: "create", target }, 1, "citus").body.type, "citus_create_remote_relationship");
    assert.equal(tableRelationshipRequest("metadata", key, { kind: "create", target }, 1, "postgres").body.type, "pg_create_remote_relationship");
  });
  it("query API refuses a target of another source, which Hasura 1.x does not have", () => {
    const toSource = {
      kind: "toSource" as const,
      relationshipType: "object" as const,
      source: "db2",
      table: { schema: "public", name: "t" },
      fieldMapping: { id: "id" },
    };
    assert.throws(
      () => tableRelationshipRequest("query", key, { kind: "create", target: toSource }),
      /Hasura's \/v1\/query API \(Hasura 1\.x\) has no relationships to another database source/,
    );
  });
  it("query API names a non-default source", () => {
    assert.deepEqual(tableRelationshipRequest("query", { ...key, source: "db2" }, { kind: "delete" }).body, {
      type: "delete_remote_relationship",
      args: { source: "db2", table: { schema: "public", name: "profiles" }, name: "rel" },
    });
  });
  it("metadata API delete names the source and the resource_version", () => {
    assert.deepEqual(tableRelationshipRequest("metadata", key, { kind: "delete" }, 9).body, {
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
