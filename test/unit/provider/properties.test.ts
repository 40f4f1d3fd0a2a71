/**
 * Properties of check, diff and normalization over generated inputs (fast-check): nothing throws,
 * every failure names a property, check is idempotent and stable under a JSON round trip, and diff
 * is reflexive and symmetric. A failing run prints its seed and the smallest input that fails.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { canonicalRemoteField, type RemoteField } from "../../../model";
import { diffInputs } from "../../../provider/diff";
import { checkInputs } from "../../../provider/inputs/check";
import { canonicalEndpoint } from "../../../provider/inputs/fields";
import { unknownValue } from "../../../provider/inputs/unknowns";
import { placeAmong } from "../../support/checkFailures";
import { remoteRelationship } from "../../../provider/resources/remoteRelationship";

const checkRemoteRelationship = (news: Record<string, unknown>) => checkInputs(remoteRelationship, news);
const diffRemoteRelationship = (olds: Readonly<Record<string, unknown>>, news: Readonly<Record<string, unknown>>) => diffInputs(remoteRelationship, olds, news);

const runs = { numRuns: 1_500 };
/** The inputs of a RemoteRelationship, which a failure's reason may start by naming. */
const inputNames = ["endpoint", "name", "table", "source", "hasuraFields", "remoteSchema", "remoteField", "toSource", "adoptExisting", "importId"];
const name = fc.oneof(fc.constantFrom("id", "name", "user", "messages", "_x", "A1"), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("$id", "$name", "$"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(name, tie("value"), { maxKeys: 3 }),
  ),
})).value;
const remoteField: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  field: fc.dictionary(
    name,
    fc.record({ arguments: fc.dictionary(name, json, { maxKeys: 3 }), field: fc.option(tie("field"), { nil: undefined }) }, { requiredKeys: ["arguments"] }),
    {
      minKeys: 1,
      maxKeys: 2,
    },
  ),
})).field;
const anything = fc.oneof(json, fc.constant(unknownValue), fc.constant(undefined));
const table = fc.oneof(name, fc.record({ schema: fc.option(name, { nil: undefined }), name }), anything);
const endpoint = fc.oneof(
  fc.constantFrom("https://h.example.com", "http://h/ /", "https://h.example.com/v1//", "https://u:p@h", "ftp://h", "h"),
  fc.webUrl(),
  anything,
);

/** Inputs near the valid ones, with any key sometimes missing, wrong or extra (including Object.prototype's names). */
const inputs = fc
  .record(
    {
      endpoint,
      name: fc.oneof(name, anything),
      table,
      source: fc.oneof(name, anything),
      hasuraFields: fc.oneof(fc.array(name, { maxLength: 4 }), anything),
      remoteSchema: fc.oneof(name, anything),
      remoteField: fc.oneof(remoteField, anything),
      adoptExisting: fc.oneof(fc.boolean(), anything),
      importId: fc.oneof(fc.constantFrom("default/public/users/messages", "a/b/c"), anything),
    },
    { requiredKeys: [] },
  )
  .chain((record) =>
    fc
      .dictionary(fc.constantFrom("constructor", "toString", "__proto__", "hasOwnProperty", "extra", "hasura_fields"), anything, { maxKeys: 2 })
      .map((extra) => {
        const result: Record<string, unknown> = { ...record };
        for (const [key, value] of Object.entries(extra)) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        return result;
      }),
  );

/** Valid inputs only: the ones diff and the idempotence properties are about. */
const valid = fc
  .record({
    endpoint: fc.constantFrom("https://h.example.com", "https://h.example.com/", "https://other.example.com/v1"),
    name: fc.constantFrom("messages", "team", "user_1"),
    table: fc.constantFrom("users", { name: "users" }, { schema: "public", name: "users" }, { schema: "custom", name: "users" }),
    source: fc.constantFrom(undefined, "default", "db2"),
    // Both remote fields join on $id, so "id" is always among the fields.
    hasuraFields: fc.shuffledSubarray(["name", "team_id", "name"]).chain((others) => fc.shuffledSubarray(["id", ...others], { minLength: others.length + 1 })),
    remoteSchema: fc.constantFrom("messages", "teams"),
    remoteField: fc.constantFrom<RemoteField>({ messages: { arguments: { id: "$id", limit: 3 } } }, { team: { arguments: { where: { b: 1, a: "$id" } } } }),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));

describe("properties of check, diff and normalization", () => {
  it("check never throws, and every failure names a property", () => {
    fc.assert(
      fc.property(inputs, (news) => {
        const result = checkRemoteRelationship(news);
        for (const failure of result.failures ?? []) {
          assert.ok(placeAmong(failure, inputNames).length > 0, JSON.stringify(failure));
          assert.ok(failure.reason.endsWith("."), failure.reason);
        }
      }),
      runs,
    );
  });

  it("check is idempotent, and a JSON round trip of its result changes nothing", () => {
    fc.assert(
      fc.property(inputs, (news) => {
        const first = checkRemoteRelationship(news);
        if (first.failures !== undefined && first.failures.length > 0) return;
        const again = checkRemoteRelationship(first.inputs as Record<string, unknown>);
        assert.deepEqual(again, first);
        assert.deepEqual(checkRemoteRelationship(JSON.parse(JSON.stringify(first.inputs))), first);
      }),
      runs,
    );
  });

  it("diff of a relationship with itself is no change", () => {
    fc.assert(
      fc.property(valid, (news) => {
        const checked = checkRemoteRelationship(news).inputs as Record<string, unknown>;
        assert.deepEqual(diffRemoteRelationship(checked, checked as never), { changes: false });
      }),
      runs,
    );
  });

  it("diff decides the same either way round, and from raw old outputs as from canonical ones", () => {
    fc.assert(
      fc.property(valid, valid, (a, b) => {
        const [checkedA, checkedB] = [a, b].map((news) => checkRemoteRelationship(news).inputs as Record<string, unknown>);
        const forward = diffRemoteRelationship(checkedA, checkedB as never);
        assert.deepEqual(diffRemoteRelationship(checkedB, checkedA as never), forward);
        assert.deepEqual(diffRemoteRelationship(a, checkedB as never), forward);
      }),
      runs,
    );
  });

  it("diff never throws on any old state", () => {
    fc.assert(
      fc.property(inputs, valid, (olds, news) => {
        diffRemoteRelationship(olds, checkRemoteRelationship(news).inputs as never);
      }),
      runs,
    );
  });

  it("canonical endpoints and remote fields are fixed points", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (url) => {
        assert.equal(canonicalEndpoint(canonicalEndpoint(url)), canonicalEndpoint(url));
      }),
      runs,
    );
    fc.assert(
      fc.property(remoteField, (field) => {
        const parsed = checkRemoteRelationship({ endpoint: "https://h", name: "n", table: "t", hasuraFields: ["id"], remoteSchema: "s", remoteField: field });
        if (parsed.failures !== undefined && parsed.failures.length > 0) return;
        const tree = (parsed.inputs as { remoteField: RemoteField }).remoteField;
        assert.deepEqual(canonicalRemoteField(tree), tree);
      }),
      runs,
    );
  });
});
