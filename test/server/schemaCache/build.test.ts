/**
 * Validation failures found by the schema-cache build (schemaCache/build.ts): 400
 * `invalid-configuration`, Hasura's `Inconsistent object: in table "T": in remote relationship
 * "N": <reason>` message, the `internal` list, and the write undone — one test per reason Hasura
 * gives.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { legacyCreate, metadata, objectBody, pgCreate, profileRelationships, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

async function reasonOf(remote: JsonObject): Promise<string> {
  const answer = await query(server, legacyCreate("r", remote));
  const body = objectBody(answer);
  assert.equal(answer.status, 400);
  assert.equal(body.code, "invalid-configuration");
  assert.equal(body.path, "$.args");
  const prefix = 'Inconsistent object: in table "profiles": in remote relationship "r": ';
  assert.ok(typeof body.error === "string" && body.error.startsWith(prefix), String(body.error));
  return body.error.slice(prefix.length);
}

function schemaRelationshipArgs(name: string): JsonObject {
  const definition = { to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id"], remote_field: { message: { arguments: { id: "$id" } } } } };
  return { remote_schema: "user", type_name: "User", name, definition };
}

test("invalid-configuration: the full answer, internal list included", async () => {
  const answer = await metadata(server, pgCreate("r", { remote_schema: "nope" }));
  const reason = 'Inconsistent object: in table "profiles": in remote relationship "r": remote schema with name "nope" not found';
  const definition = { to_remote_schema: { remote_schema: "nope", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };
  assert.deepEqual(answer, {
    status: 400,
    body: {
      path: "$.args",
      error: reason,
      code: "invalid-configuration",
      internal: [
        {
          definition: { definition, source: "default", table: { schema: "public", name: "profiles" }, name: "r" },
          name: "remote_relationship r in table profiles in source default",
          reason,
          type: "remote_relationship",
        },
      ],
    },
  });
  assert.deepEqual(profileRelationships(server), []);
});

test("invalid-configuration: a legacy definition is shown flat in internal", async () => {
  const body = objectBody(await query(server, legacyCreate("r", { remote_schema: "nope" })));
  const internal = (body.internal as JsonObject[])[0];
  assert.deepEqual(internal.definition, {
    source: "default",
    table: { schema: "public", name: "profiles" },
    name: "r",
    remote_schema: "nope",
    hasura_fields: ["id"],
    remote_field: { user: { arguments: { id: "$id" } } },
  });
});

test("invalid-configuration: remote schema not found", async () => {
  assert.equal(await reasonOf({ remote_schema: "missing" }), 'remote schema with name "missing" not found');
});

test("invalid-configuration: field not provided by the lhs entity", async () => {
  const reason = await reasonOf({ hasura_fields: ["nope"], remote_field: { user: { arguments: { id: "$nope" } } } });
  assert.equal(
    reason,
    'field with name "nope"is not provided by the lhs entity""profiles"for defining a join condition, the allowed fields are "id" or "name""',
  );
});

test("invalid-configuration: remote field not found on a type, at the root and nested", async () => {
  assert.equal(await reasonOf({ remote_field: { nope: { arguments: {} } } }), 'remote field with name "nope" and type "Query" not found');
  const nested = { user: { arguments: { id: "$id" }, field: { nope: { arguments: {} } } } };
  assert.equal(await reasonOf({ remote_field: nested }), 'remote field with name "nope" and type "User" not found');
});

test("invalid-configuration: argument not found", async () => {
  assert.equal(await reasonOf({ remote_field: { user: { arguments: { uid: "$id" } } } }), 'argument with name "uid" not found in remote schema');
});

test("invalid-configuration: variable not in hasura_fields, even when it is a column", async () => {
  assert.equal(await reasonOf({ remote_field: { user: { arguments: { id: "$name" } } } }), 'variable "name" is not found');
});

test("invalid-configuration: literal type mismatch", async () => {
  assert.equal(await reasonOf({ remote_field: { user: { arguments: { id: "abc" } } } }), 'expected type "Int" but got "String"');
});

test("invalid-configuration: not a list type", async () => {
  assert.equal(await reasonOf({ remote_field: { user: { arguments: { id: ["$id"] } } } }), 'type "Int"is not a list type');
});

test("invalid-configuration: remote schema relationships validate against their type", async () => {
  const args = {
    remote_schema: "user",
    type_name: "User",
    name: "bad",
    definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["nope"], remote_field: { user: { arguments: { id: "$nope" } } } } },
  };
  const body = objectBody(await metadata(server, { type: "create_remote_schema_remote_relationship", args }));
  assert.equal(body.code, "invalid-configuration");
  assert.equal(
    body.error,
    'Inconsistent object: in remote relationship "bad": field with name "nope"is not provided by the lhs entity""user"for defining a join condition, the allowed fields are "id" or "username""',
  );
  assert.equal((body.internal as JsonObject[])[0].name, "remote_schema_remote_relationship remote_relationship bad on type User in remote schema user");
});

test("invalid-configuration: a relationship named like a column conflicts with it", async () => {
  const body = objectBody(await query(server, legacyCreate("name")));
  assert.equal(body.code, "invalid-configuration");
  assert.equal(body.error, "Inconsistent object: field definition conflicts with postgres column");
});

test("schema relationships: a type that is missing or not an object", async () => {
  const missing = objectBody(
    await metadata(server, { type: "create_remote_schema_remote_relationship", args: { ...schemaRelationshipArgs("x"), type_name: "Nope" } }),
  );
  assert.equal(missing.error, 'Inconsistent object: in remote relationship "x": no type named "Nope" defined in remote schema "user"');
});
