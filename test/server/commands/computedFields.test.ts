/**
 * Computed fields (commands/computedFields.ts, model/computedField.ts) on real SQL functions
 * in the source's embedded Postgres: added and exported as Hasura keeps them; refused with
 * Hasura's reasons (a VOLATILE function, a missing one, arguments that are not this table's row);
 * joinable by a remote relationship when scalar with no arguments besides the row and the session;
 * not droppable while a relationship joins on them.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { qualifyTable, sameTable, type JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { metadata, objectBody, pgCreate, startEnvServer } from "../helpers";

const functions = `
CREATE FUNCTION public.name_length(p public.profiles) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT length(p.name) $$;
CREATE FUNCTION public.greeting(p public.profiles, salutation text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT salutation || p.name $$;
CREATE FUNCTION public.session_id(p public.profiles, hasura_session json) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT p.id $$;
CREATE FUNCTION public.volatile_id(p public.profiles) RETURNS integer LANGUAGE sql VOLATILE AS $$ SELECT p.id $$;
CREATE FUNCTION public.not_a_row(x integer) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT x $$;
`;

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer({ sources: [{ name: "default", tables: [], sql: functions }] });
});
after(() => server.stop());

function profilesTable() {
  return server.exportMetadata().sources[0].tables.find((table) => sameTable(qualifyTable(table.table), { schema: "public", name: "profiles" }));
}

function add(name: string, fn: string, extra: JsonObject = {}) {
  return metadata(server, { type: "pg_add_computed_field", args: { table: "profiles", name, definition: { function: fn, ...extra } } });
}

function reasonOf(answer: { body: unknown }): string {
  return String(objectBody({ status: 0, body: answer.body as JsonObject }).error);
}

test("computed fields: added and exported with the function as {schema, name}", async () => {
  assert.deepEqual(await add("name_length", "name_length"), { status: 200, body: { message: "success" } });
  assert.deepEqual(profilesTable()?.computed_fields, [{ name: "name_length", definition: { function: { schema: "public", name: "name_length" } } }]);
});

test("computed fields: refused with Hasura's reasons", async () => {
  const prefix = (name: string) => `Inconsistent object: in table "profiles": in computed field "${name}": `;
  assert.equal(
    reasonOf(await add("vol", "volatile_id")),
    `${prefix("vol")}the computed field "vol" cannot be added to table "profiles" because the function "volatile_id" is of type VOLATILE; cannot be added as a computed field`,
  );
  assert.equal(reasonOf(await add("missing", "nope")), `${prefix("missing")}no such function exists: "nope"`);
  assert.equal(
    reasonOf(await add("odd", "not_a_row")),
    `${prefix("odd")}the computed field "odd" cannot be added to table "profiles" for the following reasons:\n` +
      `  • first argument of the function "not_a_row" is not COMPOSITE type\n` +
      `  • first argument of the function "not_a_row" of type "pg_catalog.int4" is not the table to which the computed field is being added\n`,
  );
  assert.equal(
    reasonOf(await add("bad_session", "session_id", { session_argument: "nope" })),
    `${prefix("bad_session")}the computed field "bad_session" cannot be added to table "profiles" because "nope" is not an input argument of the function "session_id"`,
  );
  assert.equal(objectBody(await add("vol", "volatile_id")).code, "invalid-configuration");
});

test("computed fields: a scalar one with only the row and the session can join; one with arguments cannot", async () => {
  assert.equal((await add("session_id", "session_id", { session_argument: "hasura_session" })).status, 200);
  assert.equal((await add("greeting", "greeting")).status, 200);
  const byLength = await metadata(server, pgCreate("byLength", { lhs_fields: ["name_length"], remote_field: { user: { arguments: { id: "$name_length" } } } }));
  assert.equal(byLength.status, 200);
  const bySession = await metadata(server, pgCreate("bySession", { lhs_fields: ["session_id"], remote_field: { user: { arguments: { id: "$session_id" } } } }));
  assert.equal(bySession.status, 200);
  const byGreeting = await metadata(server, pgCreate("byGreeting", { lhs_fields: ["greeting"], remote_field: { user: { arguments: { id: "$greeting" } } } }));
  assert.equal(
    reasonOf(byGreeting),
    'Inconsistent object: in table "profiles": in remote relationship "byGreeting": field with name "greeting"is not provided by the lhs entity""profiles"for defining a join condition, the allowed fields are "id", "name", "name_length", or "session_id""',
  );
});

test("computed fields: a dropped one must exist, be a computed field, and have no relationship joining on it", async () => {
  const drop = (name: string) => metadata(server, { type: "pg_drop_computed_field", args: { table: "profiles", name } });
  assert.deepEqual(await drop("nope"), { status: 400, body: { path: "$.args.name", error: 'computed field "nope" does not exist', code: "not-exists" } });
  assert.deepEqual(await drop("id"), {
    status: 400,
    body: { path: "$.args.name", error: 'expecting a computed field; but, "id" is a column', code: "unexpected-payload" },
  });
  assert.deepEqual(await drop("name_length"), {
    status: 400,
    body: {
      path: "$.args",
      error: 'cannot drop due to the following dependent objects: remote relationship profiles.byLength in source "default"',
      code: "dependency-error",
    },
  });
  await metadata(server, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "byLength" } });
  assert.deepEqual(await drop("name_length"), { status: 200, body: { message: "success" } });
  assert.deepEqual(
    (profilesTable()?.computed_fields as { name: string }[]).map((field) => field.name),
    ["greeting", "session_id"],
  );
});
