import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listTableRelationships, type JsonObject, type RelationshipTarget } from "../../../../model";
import { planCreate, planDelete, planUpdate, type Wanted } from "../../../../provider/plans";
import { planBatch } from "../../../../provider/runtime/batchPlan";
import { remoteRelationship } from "../../../../provider/resources/remoteRelationship";

const remoteField = { user: { arguments: { id: "$id" } } };
const target: RelationshipTarget = { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField };
const other: RelationshipTarget = { ...target, remoteSchema: "other" };
const profiles = { schema: "public", name: "profiles" };
const keyOf = (name: string, table = profiles) => ({ source: "default", table, name });
const wanted = (name: string, want: RelationshipTarget = target): Wanted => ({
  noun: "remote relationship",
  id: `default/public/profiles/${name}`,
  endpoint: "http://h",
  target: want,
});

const document = {
  version: 3,
  sources: [
    {
      name: "default",
      kind: "postgres",
      tables: [
        {
          table: profiles,
          remote_relationships: [{ name: "existing", definition: { remote_schema: "user", hasura_fields: ["id"], remote_field: remoteField } }],
        },
      ],
      configuration: { connection_info: { database_url: { from_env: "DB" } } },
    },
  ],
  remote_schemas: [{ name: "user", definition: { url: "http://u" } }],
} as JsonObject;

const create = (name: string, want: RelationshipTarget = target, table = profiles) =>
  remoteRelationship.change(keyOf(name, table), "create", (held) => planCreate(held, wanted(name, want)));
const update = (name: string, want: RelationshipTarget) => remoteRelationship.change(keyOf(name), "update", (held) => planUpdate(held, wanted(name, want)));
const remove = (name: string) => remoteRelationship.change(keyOf(name), "delete", planDelete);

describe("batch plan", () => {
  it("folds creates, an update and a delete into one document, each planned as alone", () => {
    const plan = planBatch(document, [create("a"), create("b"), update("existing", other), remove("gone")]);
    assert.deepEqual(
      plan.outcomes.map((outcome) => [outcome.kind, outcome.step.kind]),
      [
        ["written", "write"],
        ["written", "write"],
        ["written", "write"],
        ["settled", "done"],
      ],
    );
    const held = Object.fromEntries(listTableRelationships(plan.metadata).map((entry) => [entry.key.name, entry.held]));
    assert.deepEqual(Object.keys(held), ["existing", "a", "b"]);
    assert.equal(
      held.existing.kind === "understood" && held.existing.stored.target.kind === "toRemoteSchema" && held.existing.stored.target.remoteSchema,
      "other",
    );
    assert.deepEqual(plan.metadata.remote_schemas, document.remote_schemas);
    assert.deepEqual((plan.metadata.sources as JsonObject[])[0].configuration, (document.sources as JsonObject[])[0].configuration);
  });

  it("adopts an identical relationship and refuses a different one, as a create alone would", () => {
    const plan = planBatch(document, [create("existing"), create("existing", other)]);
    assert.deepEqual(plan.outcomes[0], { change: plan.outcomes[0].change, kind: "settled", step: { kind: "done", adopted: true } });
    const refused = plan.outcomes[1];
    assert.equal(refused.kind === "settled" && refused.step.kind, "fail");
    assert.equal(plan.metadata, document, "nothing to write leaves the document as it was");
  });

  it("plans each change against the document as the changes before it left it", () => {
    const plan = planBatch(document, [create("a"), create("a", other)]);
    assert.equal(plan.outcomes[0].kind, "written");
    assert.equal(plan.outcomes[1].kind === "settled" && plan.outcomes[1].step.kind, "fail");
  });

  it("leaves a change whose table is not tracked to be sent alone, so that Hasura's answer names the problem", () => {
    const plan = planBatch(document, [create("a", target, { schema: "public", name: "untracked" }), create("b")]);
    assert.deepEqual(
      plan.outcomes.map((outcome) => outcome.kind),
      ["alone", "written"],
    );
  });

  it("says an update of a missing relationship fails, without touching the document", () => {
    const plan = planBatch(document, [update("missing", other)]);
    assert.equal(plan.outcomes[0].kind === "settled" && plan.outcomes[0].step.kind, "fail");
    assert.equal(plan.metadata, document);
  });
});
