import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStoredDefinition } from "../../../model";

const remoteField = { user: { arguments: { id: "$id" } } };
const legacy = { remote_schema: "user", hasura_fields: ["name", "id"], remote_field: remoteField };
const modern = { to_remote_schema: { remote_schema: "user", lhs_fields: ["id", "name"], remote_field: remoteField } };

describe("model: stored definitions", () => {
  it("the legacy flat format and the definition format mean the same join", () => {
    const a = parseStoredDefinition(legacy);
    const b = parseStoredDefinition(modern);
    assert.equal(a.ok && a.value.format, "legacy");
    assert.equal(b.ok && b.value.format, "definition");
    assert.deepEqual(a.ok && a.value.target, b.ok && b.value.target);
  });
  it("reads a to_source target, its table qualified", () => {
    const parsed = parseStoredDefinition({ to_source: { relationship_type: "array", source: "db2", table: "orders", field_mapping: { id: "user_id" } } });
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        format: "definition",
        target: { kind: "toSource", relationshipType: "array", source: "db2", table: { schema: "public", name: "orders" }, fieldMapping: { id: "user_id" } },
      },
    });
  });
  const unreadable: [string, unknown, string][] = [
    ["null", null, "its definition has none of to_remote_schema, to_source or remote_schema"],
    ["a remote field level that is null", { remote_schema: "u", hasura_fields: ["id"], remote_field: { user: null } }, "remote_field.user"],
    [
      "a field that is a string",
      { remote_schema: "u", hasura_fields: ["id"], remote_field: { user: { arguments: {}, field: "oops" } } },
      "remote_field.user.field",
    ],
    ["an unknown relationship type", { to_source: { relationship_type: "many", source: "s", table: "t", field_mapping: {} } }, "relationship_type"],
  ];
  for (const [what, json, mention] of unreadable) {
    it(`says why it cannot read ${what}`, () => {
      const parsed = parseStoredDefinition(json);
      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && parsed.reason.includes(mention), !parsed.ok ? parsed.reason : "");
    });
  }
  it("refuses a tree nested 20,000 levels deep without overflowing", () => {
    let field: unknown = { leaf: { arguments: {} } };
    for (let level = 0; level < 20_000; level++) field = { f: { arguments: {}, field } };
    const parsed = parseStoredDefinition({ remote_schema: "u", hasura_fields: ["id"], remote_field: field });
    assert.match(parsed.ok ? "" : parsed.reason, /^it nests deeper than 256 levels at remote_field\.f\.field/);
  });
});
