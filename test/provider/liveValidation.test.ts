/**
 * Issue 11: check asks Hasura for the remote schema (introspect_remote_schema) and refuses, with the
 * property and Hasura's own reason, every relationship Hasura's schema-cache build would refuse.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { failureAt } from "../support/checkFailures";
import { configureProvider, conformanceSecret, profilesRelationship, startConformanceHasura } from "../support/localHasura";

const prefix = 'Hasura would refuse it: Inconsistent object: in table "profiles": in remote relationship "rel": ';

const invalid: [string, Record<string, unknown>, string, string][] = [
  [
    "an unknown remote schema",
    { remoteSchema: "nope" },
    "remoteSchema",
    `${prefix}remote schema with name "nope" not found. Add the remote schema to Hasura first, or fix remoteSchema.`,
  ],
  [
    "an unknown root field",
    { remoteField: { users: { arguments: { id: "$id" } } } },
    "remoteField.users",
    `${prefix}remote field with name "users" and type "Query" not found. Use a field of "Query" in remoteField: "user", "allUsers".`,
  ],
  [
    "an unknown argument",
    { remoteField: { user: { arguments: { uid: "$id" } } } },
    "remoteField.user.arguments.uid",
    `${prefix}argument with name "uid" not found in remote schema. Remove it, or use one of the arguments of "user": "id".`,
  ],
  [
    "an unknown key of a nested input object",
    { remoteSchema: "my-remote-schema", remoteField: { messages: { arguments: { where: { id: { xyz: "$id" } } } } } },
    "remoteField.messages.arguments.where.id.xyz",
    `${prefix}argument with name "xyz" not found in remote schema. Remove it, or use one of the input fields of "IntCompareObj": "eq", "gt", "lt".`,
  ],
  [
    "an argument of a field that takes none",
    { remoteField: { allUsers: { arguments: { id: "$id" } } } },
    "remoteField.allUsers.arguments.id",
    `${prefix}argument with name "id" not found in remote schema. "allUsers" takes no arguments: remove it.`,
  ],
  [
    "a literal of the wrong type",
    { remoteField: { user: { arguments: { id: "five" } } } },
    "remoteField.user.arguments.id",
    `${prefix}expected type "Int" but got "String". Give a value of type "Int" here, or a join variable.`,
  ],
  [
    "a list where a scalar is expected",
    { remoteField: { user: { arguments: { id: ["$id"] } } } },
    "remoteField.user.arguments.id",
    `${prefix}type "Int"is not a list type. Give a value of the shape the remote schema expects here.`,
  ],
  [
    "a list of two elements",
    { remoteSchema: "my-remote-schema", remoteField: { messages: { arguments: { includes: { id: ["$id", 2] } } } } },
    "remoteField.messages.arguments.includes.id",
    `${prefix}multiple elements in list value is not supported. Hasura takes at most one element in a list here: keep one.`,
  ],
  [
    "an unknown nested field",
    { remoteField: { user: { arguments: { id: "$id" }, field: { email: { arguments: {} } } } } },
    "remoteField.user.field.email",
    `${prefix}remote field with name "email" and type "User" not found. Use a field of "User" in remoteField: "id", "username".`,
  ],
];

describe("live validation at check", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
  after(() => server.stop());

  for (const [what, change, property, reason] of invalid) {
    it(`refuses ${what}, naming ${property}, with Hasura's reason and the fix`, async () => {
      const result = await provider.check({}, profilesRelationship(server.url, change));
      assert.deepEqual(result.failures, [failureAt(property, reason)]);
    });
  }

  const valid: [string, Record<string, unknown>][] = [
    ["a join on the root field", {}],
    ["a nested field", { remoteField: { user: { arguments: { id: "$id" }, field: { username: { arguments: {} } } } } }],
    [
      "a deep input object with a literal",
      { remoteSchema: "my-remote-schema", remoteField: { messages: { arguments: { where: { id: { eq: "$id" }, name: { eq: "x" } } } } } },
    ],
    ["a one-element list", { remoteSchema: "my-remote-schema", remoteField: { messages: { arguments: { includes: { id: ["$id"] } } } } }],
  ];
  for (const [what, change] of valid) {
    it(`accepts ${what}`, async () => assert.deepEqual((await provider.check({}, profilesRelationship(server.url, change))).failures, undefined));
  }

  it("asks Hasura once per remote schema, however many relationships use it", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    server.resetStats();
    await Promise.all(Array.from({ length: 500 }, (_, index) => provider.check({}, profilesRelationship(server.url, { name: `rel${index}` }))));
    assert.equal(server.stats().requests["/v1/metadata introspect_remote_schema"], 1);
  });

  it("skips unchanged relationships outside a preview, and validates them in one", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    server.resetStats();
    const olds = (await provider.check({}, profilesRelationship(server.url, {}))).inputs as Record<string, unknown>;
    const broken = profilesRelationship(server.url, { remoteSchema: "gone" });
    const checkedOlds = { ...olds, remoteSchema: "gone" };
    assert.equal((await provider.check(checkedOlds, broken)).failures, undefined, "an up of an unchanged relationship asks nothing");
    assert.equal((await provider.check(checkedOlds, { ...broken, __dryRun: true })).failures?.[0].property, "remoteSchema");
  });

  it("does nothing live when hasura:validateLive is false", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    server.resetStats();
    assert.equal((await provider.check({}, profilesRelationship(server.url, { remoteSchema: "nope" }))).failures, undefined);
    assert.equal(server.stats().requests["/v1/metadata introspect_remote_schema"], undefined);
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });

  it("runs the static checks alone, with one warning line, when Hasura cannot be reached", async () => {
    await configureProvider({
      "hasura:endpoint": "http://127.0.0.1:9",
      "hasura:adminSecret": conformanceSecret,
      "hasura:maxRetries": "0",
      "hasura:connectTimeoutMs": "500",
    });
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const unreachable = "http://127.0.0.1:9";
      assert.equal((await provider.check({}, profilesRelationship(unreachable, { remoteSchema: "nope" }))).failures, undefined);
      assert.equal((await provider.check({}, profilesRelationship(unreachable, { name: "second" }))).failures, undefined);
      assert.deepEqual((await provider.check({}, profilesRelationship(unreachable, { name: "bad name" }))).failures?.[0].property, "name");
    } finally {
      process.stderr.write = write;
    }
    const warnings = lines.filter((line) => line.startsWith("warning:"));
    assert.equal(warnings.length, 1, lines.join(""));
    assert.match(
      warnings[0],
      /^warning: could not ask Hasura at http:\/\/127\.0\.0\.1:9 \(.*ECONNREFUSED.*\), so nothing was checked against what it holds \(tables, columns, remote schemas\)\. Only the checks that need no network ran, and Hasura is not asked again in this run/,
    );
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
});
