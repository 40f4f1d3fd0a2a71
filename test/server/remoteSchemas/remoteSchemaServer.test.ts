/**
 * The GraphQL servers that stand in for remote schemas (remoteSchemas/remoteSchemaServer.ts): they
 * answer introspection and queries with type-correct made-up data, echoing an `id` argument into
 * `id` fields.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { getIntrospectionQuery } from "graphql";
import { startRemoteSchemaServer } from "../../../server";

const sdl = "type Query { user(id: Int!): User users: [User!]! } type User { id: Int! username: String! active: Boolean }";

async function ask(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return response.json();
}

test("remote schema server: answers queries with type-correct data", async () => {
  const server = await startRemoteSchemaServer(sdl);
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    assert.deepEqual(await ask(server.url, "{ user(id: 42) { id username active } }"), { data: { user: { id: 42, username: "username-1", active: true } } });
    const list = (await ask(server.url, "{ users { id } }")) as { data: { users: unknown[] } };
    assert.equal(list.data.users.length, 2);
  } finally {
    await server.stop();
  }
});

test("remote schema server: answers introspection and reports query errors", async () => {
  const server = await startRemoteSchemaServer(sdl);
  try {
    const introspection = (await ask(server.url, getIntrospectionQuery())) as { data: { __schema: { queryType: { name: string } } } };
    assert.equal(introspection.data.__schema.queryType.name, "Query");
    const wrong = (await ask(server.url, "{ nope }")) as { errors: unknown[] };
    assert.equal(wrong.errors.length, 1);
  } finally {
    await server.stop();
  }
});
