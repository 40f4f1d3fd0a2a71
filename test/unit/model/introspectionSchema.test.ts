/**
 * A schema from Hasura's introspection answer (model/introspectionSchema.ts): the answer
 * `introspect_remote_schema` gives (conformance case 26) builds; anything else says why, never throws.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema, getIntrospectionQuery, graphqlSync } from "graphql";
import { schemaFromIntrospection } from "../../../model";

const answer = graphqlSync({ schema: buildSchema("type Query { user(id: Int!): User } type User { id: Int! }"), source: getIntrospectionQuery() });

function reasonOf(value: unknown): string | undefined {
  const built = schemaFromIntrospection(value);
  return built.ok ? undefined : built.reason;
}

describe("model: schemaFromIntrospection", () => {
  it("builds the schema of {data: {__schema}}", () => {
    const built = schemaFromIntrospection(JSON.parse(JSON.stringify(answer)));
    assert.ok(built.ok);
    assert.deepEqual(Object.keys(built.schema.getQueryType()?.getFields() ?? {}), ["user"]);
  });
  it("says why an answer is not an introspection", () => {
    assert.equal(reasonOf(null), "the answer has no data.__schema");
    assert.equal(reasonOf({ data: {} }), "the answer has no data.__schema");
    assert.equal(reasonOf({ __schema: {} }), "the answer has no data.__schema");
  });
  it("says why graphql-js cannot build it", () => {
    const broken = JSON.parse(JSON.stringify(answer));
    broken.data.__schema.types = broken.data.__schema.types.filter((type: { name: string }) => type.name !== "User");
    assert.match(reasonOf(broken) ?? "", /User/);
    assert.match(reasonOf({ data: { __schema: { types: "nope" } } }) ?? "", /.+/);
  });
  it("refuses structural hazards before building", () => {
    let deep: unknown = {};
    for (let level = 0; level < 300; level += 1) deep = { ofType: deep };
    assert.match(reasonOf({ data: { __schema: deep } }) ?? "", /nests deeper than 256 levels/);
  });
});
