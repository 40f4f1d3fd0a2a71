/**
 * Parsing relationship arguments and definitions (metadata/parseRelationship.ts) with Hasura's
 * messages and paths: on `/v1/query` paths start at `$` (Hasura's derived parser adds no `args`);
 * a failure inside `definition` is reported at the arguments' path plus only the keys the inner
 * parsers look up, as Hasura reads `definition` as raw JSON first.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { Cursor } from "../../../server/base/cursor";
import { parseCreateRelationship, parseDefinition, parseDeleteRelationship, parseRemoteRelationship } from "../../../server/metadata/parseRelationship";
import { metadata, pgCreate, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

function wrapped(command: string, message: string): string {
  return [
    `Error when parsing command ${command}.`,
    "See our documentation at https://hasura.io/docs/latest/graphql/core/api-reference/metadata-api/index.html#metadata-apis.",
    `Internal error message: ${message}`,
  ].join("\n");
}

const neitherFormat = { name: "r", table: "profiles" };

test("parse: /v1/query reports the exactly-one-of failure at $", async () => {
  const answer = await query(server, { type: "create_remote_relationship", args: neitherFormat });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$", error: "create_remote_relationship expects exactly one of: remote_schema, definition", code: "parse-failed" },
  });
});

test("parse: both remote_schema and definition are refused too", async () => {
  const body = pgCreate("r");
  const answer = await query(server, { type: "create_remote_relationship", args: { ...(body.args as object), remote_schema: "user" } });
  assert.equal((answer.body as { error: string }).error, "create_remote_relationship expects exactly one of: remote_schema, definition");
});

test("parse: a missing key inside the definition is reported at $.args, in aeson's Template Haskell words", async () => {
  const answer = await metadata(server, pgCreate("r", { lhs_fields: undefined }));
  assert.deepEqual(answer.body, {
    path: "$.args",
    error: wrapped(
      "create_remote_relationship",
      "When parsing the record ToSchemaRelationshipDef of type Hasura.RemoteSchema.Metadata.RemoteRelationship.ToSchemaRelationshipDef the key lhs_fields was not present.",
    ),
    code: "parse-failed",
  });
});

test("parse: a remote_field level with two keys inside the definition is reported at $.args.remote_field", async () => {
  const answer = await metadata(server, pgCreate("r", { remote_field: { user: { arguments: {} }, allUsers: { arguments: {} } } }));
  assert.deepEqual(answer.body, {
    path: "$.args.remote_field",
    error: wrapped(
      "create_remote_relationship",
      "Remote fields are represented by an object that maps each field name to its arguments.Expecting one single mapping, received too many.",
    ),
    code: "parse-failed",
  });
});

test("parse: an unknown relationship_type is reported at $.args.relationship_type with Hasura's RelType message", async () => {
  const toSource = { source: "target", table: { schema: "hasura", name: "album" }, relationship_type: "many", field_mapping: { id: "artist_id" } };
  const answer = await metadata(server, { type: "pg_create_remote_relationship", args: { table: "profiles", name: "r", definition: { to_source: toSource } } });
  assert.deepEqual(answer.body, {
    path: "$.args.relationship_type",
    error: wrapped("create_remote_relationship", "expecting either 'object' or 'array' for rel_type"),
    code: "parse-failed",
  });
  const missing = await metadata(server, {
    type: "pg_create_remote_relationship",
    args: { table: "profiles", name: "r", definition: { to_source: { ...toSource, relationship_type: "object", field_mapping: undefined } } },
  });
  assert.deepEqual(missing.body, {
    path: "$.args",
    error: wrapped(
      "create_remote_relationship",
      'parsing Hasura.RQL.Types.Relationships.ToSource.ToSourceRelationshipDef(ToSourceRelationshipDef) failed, key "field_mapping" not found',
    ),
    code: "parse-failed",
  });
});

test("parse: legacy fields under definition are refused (strict format)", async () => {
  const answer = await metadata(server, {
    type: "pg_create_remote_relationship",
    args: { table: "profiles", name: "r", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: {} } },
  });
  assert.deepEqual(answer.body, {
    path: "$.args",
    error: wrapped("create_remote_relationship", "remote relationship definition (strict format) expects exactly one of: to_source, to_remote_schema"),
    code: "parse-failed",
  });
});

test("parse: a missing table on /v1/query", async () => {
  const answer = await query(server, { type: "delete_remote_relationship", args: { name: "r" } });
  assert.deepEqual(answer.body, { path: "$", error: 'key "table" not found', code: "parse-failed" });
});

test("parse: remote schema relationships take only the strict definition, unwrapped", async () => {
  const answer = await metadata(server, {
    type: "create_remote_schema_remote_relationship",
    args: { remote_schema: "user", type_name: "User", name: "x", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: {} } },
  });
  assert.deepEqual(answer.body, {
    path: "$.args",
    error: "remote relationship definition (strict format) expects exactly one of: to_source, to_remote_schema",
    code: "parse-failed",
  });
});

test("parseDefinition: each format becomes the model's StoredDefinition", () => {
  const remoteField = { user: { arguments: { id: "$id" } } };
  const legacy = parseDefinition("lenient", new Cursor({ remote_schema: "user", hasura_fields: ["name", "id", "id"], remote_field: remoteField }));
  assert.deepEqual(legacy, { format: "legacy", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id", "name"], remoteField } });
  const toRemoteSchema = parseDefinition("strict", new Cursor({ to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: remoteField } }));
  assert.deepEqual(toRemoteSchema, { format: "definition", target: { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField } });
  const toSource = parseDefinition(
    "strict",
    new Cursor({ to_source: { relationship_type: "array", source: "default", table: "orders", field_mapping: { id: "user_id" } } }),
  );
  assert.deepEqual(toSource, {
    format: "definition",
    target: { kind: "toSource", relationshipType: "array", source: "default", table: { schema: "public", name: "orders" }, fieldMapping: { id: "user_id" } },
  });
});

test("parseDefinition: a field_mapping key named __proto__ stays a key", () => {
  const mapping = JSON.parse('{"__proto__": "id"}') as JsonObject;
  const parsed = parseDefinition("strict", new Cursor({ to_source: { relationship_type: "object", source: "default", table: "t", field_mapping: mapping } }));
  assert.ok(parsed.target.kind === "toSource" && Object.keys(parsed.target.fieldMapping).includes("__proto__"));
});

test("parseCreateRelationship and parseDeleteRelationship fill in Hasura's defaults", () => {
  const created = parseCreateRelationship(
    new Cursor({
      table: "profiles",
      name: "r",
      definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: {} } } } },
    }),
  );
  assert.equal(created.source, "default");
  assert.deepEqual(created.table, { schema: "public", name: "profiles" });
  assert.deepEqual(parseDeleteRelationship(new Cursor({ table: { name: "profiles" }, name: "r" })), {
    source: "default",
    table: { schema: "public", name: "profiles" },
    name: "r",
  });
});

test("parseRemoteRelationship: a to_source table keeps the JSON it was sent as; other targets have none", () => {
  const toSource = { to_source: { relationship_type: "object", source: "target", table: "album", field_mapping: { id: "id" } } };
  const parsed = parseRemoteRelationship("strict", "r", new Cursor(toSource));
  assert.deepEqual(parsed.targetTableJson, "album");
  assert.deepEqual(parsed.definition.target.kind === "toSource" && parsed.definition.target.table, { schema: "public", name: "album" });
  const toSchema = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };
  assert.equal("targetTableJson" in parseRemoteRelationship("strict", "r", new Cursor(toSchema)), false);
});
