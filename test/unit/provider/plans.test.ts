import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStoredDefinition, type HeldRelationship, type RelationshipTarget } from "../../../model";
import { planCreate, planDelete, planImport, planRefusal, planUpdate, type Step, type Wanted } from "../../../provider/plans";

const target: RelationshipTarget = { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField: { user: { arguments: { id: "$id" } } } };
const wanted: Wanted = { noun: "remote relationship", id: "default/public/profiles/rel", endpoint: "http://hasura.local", target };

/** The code and message of a refusing step. */
function refusal(step: Step): { code: string; message: string } | undefined {
  return step.kind === "fail" ? { code: step.code, message: step.message } : undefined;
}

function held(definition: unknown): HeldRelationship {
  const parsed = parseStoredDefinition(definition);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { kind: "understood", stored: parsed.value, raw: null };
}
const same = held({ remote_schema: "user", hasura_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } });
const different = held({ to_remote_schema: { remote_schema: "other", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } });

describe("plans", () => {
  it("create writes when nothing is there", () => assert.deepEqual(planCreate(undefined, wanted), { kind: "write", write: { kind: "create", target } }));
  it("create adopts an identical relationship, even in the legacy format", () => assert.deepEqual(planCreate(same, wanted), { kind: "done", adopted: true }));
  it("create refuses a different relationship and says how to take it over", () => {
    assert.deepEqual(refusal(planCreate(different, wanted)), {
      code: "exists-different",
      message:
        'Remote relationship "default/public/profiles/rel" already exists in Hasura at http://hasura.local and joins remote schema "other" differently; it was not overwritten. To manage it, import it (the `import` resource option with its ID, or `pulumi import`), or set adoptExisting: true to take it over and overwrite it with these inputs.',
    });
  });
  it("create with adoptExisting overwrites a different relationship", () =>
    assert.deepEqual(planCreate(different, { ...wanted, adoptExisting: true }), { kind: "write", write: { kind: "update", target } }));
  it("update of a missing relationship points at refresh", () => {
    const step = planUpdate(undefined, wanted);
    assert.equal(refusal(step)?.code, "update-missing");
    assert.match(
      step.kind === "fail" ? step.message : "",
      /^Remote relationship "default\/public\/profiles\/rel" does not exist in Hasura at http:\/\/hasura\.local anymore.*Run `pulumi refresh`/,
    );
  });
  it("update writes a different definition and skips an equal one", () => {
    assert.deepEqual(planUpdate(different, wanted), { kind: "write", write: { kind: "update", target } });
    assert.deepEqual(planUpdate(same, wanted), { kind: "done" });
  });
  it("import takes over an identical relationship without writing", () => assert.deepEqual(planImport(same, wanted), { kind: "done", adopted: true }));
  it("import of a missing relationship fails", () => {
    assert.deepEqual(refusal(planImport(undefined, wanted)), {
      code: "import-missing",
      message:
        'Cannot import remote relationship "default/public/profiles/rel" from Hasura at http://hasura.local: it does not exist. Check the import ID, or drop the import option to create it.',
    });
  });
  it("import of a different relationship fails and shows both definitions", () => {
    assert.deepEqual(refusal(planImport(different, wanted)), {
      code: "import-mismatch",
      message:
        'Cannot import remote relationship "default/public/profiles/rel" from Hasura at http://hasura.local: the inputs to import do not match the existing relationship, which holds hasuraFields ["id"], remoteSchema "other", remoteField {"user":{"arguments":{"id":"$id"}}}, while the inputs give hasuraFields ["id"], remoteSchema "user", remoteField {"user":{"arguments":{"id":"$id"}}}. Make the inputs match it to import it, then change them in a later update.',
    });
  });
  it("delete of a missing relationship is done", () => assert.deepEqual(planDelete(undefined), { kind: "done" }));
  it("create refuses a relationship it cannot read, and says why", () => {
    const step = planCreate({ kind: "unrecognized", reason: "its definition has none of to_remote_schema, to_source or remote_schema", raw: {} }, wanted);
    assert.match(
      step.kind === "fail" ? step.message : "",
      /already exists in Hasura at http:\/\/hasura\.local and is in a form this provider cannot read \(its definition has none of/,
    );
  });
  it("delete of a present relationship writes", () => assert.deepEqual(planDelete(same), { kind: "write", write: { kind: "delete" } }));
  it("names a remote schema relationship by its own noun and ID", () => {
    const onType: Wanted = { noun: "remote schema relationship", id: "users-api/User/orders", endpoint: "http://hasura.local", target };
    const created = planCreate(different, onType);
    assert.match(created.kind === "fail" ? created.message : "", /^Remote schema relationship "users-api\/User\/orders" already exists in Hasura/);
    const updated = planUpdate(undefined, onType);
    assert.match(updated.kind === "fail" ? updated.message : "", /^Remote schema relationship "users-api\/User\/orders" does not exist in Hasura/);
    const imported = planImport(undefined, onType);
    assert.match(imported.kind === "fail" ? imported.message : "", /^Cannot import remote schema relationship "users-api\/User\/orders" from Hasura/);
  });
  it("says which table a relationship Hasura holds joins, when it joins one", () => {
    const toTable = held({
      to_source: { relationship_type: "array", source: "sales", table: { schema: "public", name: "orders" }, field_mapping: { id: "user_id" } },
    });
    const step = planCreate(toTable, wanted);
    assert.match(
      step.kind === "fail" ? step.message : "",
      /already exists in Hasura at http:\/\/hasura\.local and joins table "orders" of source "sales" differently;/,
    );
  });
  it("a refusal is an error that carries its code, for callers to branch on", () => {
    const step = planUpdate(undefined, wanted);
    assert.equal(step.kind, "fail");
    const error = step.kind === "fail" ? planRefusal(step) : undefined;
    assert.ok(error instanceof Error);
    assert.equal(error.name, "PlanRefusal");
    assert.equal(error.code, "update-missing");
    assert.equal(error.message, step.kind === "fail" ? step.message : "");
  });
});
