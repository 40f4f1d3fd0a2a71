import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffInputs } from "../../../provider/diff";
import { checkInputs } from "../../../provider/inputs/check";
import { unknownValue } from "../../../provider/inputs/unknowns";
import { remoteRelationship } from "../../../provider/resources/remoteRelationship";

const checkRemoteRelationship = (news: Record<string, unknown>) => checkInputs(remoteRelationship, news);
const diffRemoteRelationship = (olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>) => diffInputs(remoteRelationship, olds, news);

/** New inputs reach diff as check returns them: canonical. */
function checked(inputs: Record<string, unknown>) {
  const result = checkRemoteRelationship(inputs);
  assert.deepEqual(result.failures ?? [], []);
  return result.inputs as Record<string, unknown>;
}

const olds = {
  endpoint: "https://hasura.example.com",
  source: "default",
  table: { schema: "public", name: "users" },
  name: "userMessages",
  hasuraFields: ["id", "name"],
  remoteSchema: "messages",
  remoteField: { messages: { arguments: { where: { id: { eq: "$id" }, name: { eq: "$name" } } } } },
};

const cases: [string, Record<string, unknown>, { changes: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }][] = [
  ["identical inputs", {}, { changes: false }],
  ["a bare table name equal to {schema: public}", { table: "users" }, { changes: false }],
  ["a table object without schema", { table: { name: "users" } }, { changes: false }],
  ["a missing source, meaning default", { source: undefined }, { changes: false }],
  ["hasuraFields in another order", { hasuraFields: ["name", "id"] }, { changes: false }],
  ["hasuraFields with a duplicate", { hasuraFields: ["name", "id", "id"] }, { changes: false }],
  ["argument keys in another order", { remoteField: { messages: { arguments: { where: { name: { eq: "$name" }, id: { eq: "$id" } } } } } }, { changes: false }],
  ["an endpoint with a trailing slash", { endpoint: "https://hasura.example.com/" }, { changes: false }],
  ["a change of adoptExisting only", { adoptExisting: true }, { changes: false }],
  ["a change of importId only", { importId: "default/public/users/userMessages" }, { changes: false }],
  ["a new remoteField", { remoteField: { message: { arguments: { id: "$id" } } } }, { changes: true }],
  ["a new argument value", { remoteField: { messages: { arguments: { where: { id: { eq: "$id" }, name: { eq: "bob" } } } } } }, { changes: true }],
  ["a list argument in another order", { remoteField: { messages: { arguments: { ids: ["$name", "$id"] } } } }, { changes: true }],
  ["new hasuraFields", { hasuraFields: ["id", "name", "team"] }, { changes: true }],
  ["a new remoteSchema", { remoteSchema: "messages-v2" }, { changes: true }],
  ["a new name", { name: "messagesOfUser" }, { changes: true, replaces: ["name"], deleteBeforeReplace: false }],
  ["a new table", { table: "accounts" }, { changes: true, replaces: ["table"], deleteBeforeReplace: false }],
  ["a new table schema", { table: { schema: "custom", name: "users" } }, { changes: true, replaces: ["table"], deleteBeforeReplace: false }],
  ["a new source", { source: "analytics" }, { changes: true, replaces: ["source"], deleteBeforeReplace: false }],
  ["a new endpoint alone, a move in place", { endpoint: "https://other.example.com" }, { changes: true }],
  ["a new endpoint under a proxy prefix, a move in place", { endpoint: "https://hasura.example.com/hasura" }, { changes: true }],
  [
    "a new endpoint and a new name, created first and listed",
    { endpoint: "https://other.example.com", name: "other" },
    { changes: true, replaces: ["endpoint", "name"], deleteBeforeReplace: false },
  ],
  [
    "several identity changes at once, listed",
    { name: "other", table: "accounts", remoteSchema: "x" },
    { changes: true, replaces: ["table", "name"], deleteBeforeReplace: false },
  ],
  [
    "a switch to a toSource target, in place",
    {
      hasuraFields: undefined,
      remoteSchema: undefined,
      remoteField: undefined,
      toSource: { relationshipType: "object", source: "db2", table: "t", fieldMapping: { id: "uid" } },
    },
    { changes: true },
  ],
  ["an unknown name", { name: unknownValue }, { changes: true, replaces: ["name"], deleteBeforeReplace: false }],
  ["an unknown remoteField", { remoteField: unknownValue }, { changes: true }],
];

describe("diff", () => {
  for (const [what, change, expected] of cases) {
    it(`${what}: ${expected.replaces ? "replace" : expected.changes ? "update" : "no change"}`, () => {
      assert.deepEqual(diffRemoteRelationship(olds, checked({ ...olds, ...change })), expected);
    });
    it(`${what}: the same decision the other way round`, () => {
      if (Object.values(change).includes(unknownValue)) return;
      assert.deepEqual(diffRemoteRelationship({ ...olds, ...change }, checked(olds)), expected);
    });
  }
});
