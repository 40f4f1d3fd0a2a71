/**
 * The writes on their own (provider/runtime/writes.ts): changes handed to `applyChanges` with a
 * gateway to the local Hasura, with no queue and no timing in between. What each change hears, and
 * which requests reach Hasura.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import type { RelationshipTarget } from "../../model";
import { isHasuraError } from "../../provider/hasura/errors";
import { planCreate, planDelete, type Wanted } from "../../provider/plans";
import { openGateway, type Gateway } from "../../provider/runtime/gateway";
import { defaultSettings } from "../../provider/runtime/settings";
import { callCosts } from "../../provider/runtime/writeCosts";
import { applyChanges, type Outcome } from "../../provider/runtime/writes";
import { remoteRelationship } from "../../provider/resources/remoteRelationship";
import type { RunningHasuraServer } from "../../server";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const target: RelationshipTarget = { kind: "toRemoteSchema", remoteSchema: "user", lhsFields: ["id"], remoteField: { user: { arguments: { id: "$id" } } } };

describe("writes", () => {
  let server: RunningHasuraServer;
  let gateway: Gateway;
  const wanted = (name: string, want: RelationshipTarget = target): Wanted => ({
    noun: "remote relationship",
    id: `default/public/profiles/${name}`,
    endpoint: server.url,
    target: want,
  });
  const create = (name: string, want: RelationshipTarget = target, table = profiles) =>
    remoteRelationship.change({ source: "default", table, name }, "create", (held) => planCreate(held, wanted(name, want)));
  const remove = (name: string) => remoteRelationship.change({ source: "default", table: profiles, name }, "delete", planDelete);
  const requests = () => server.stats().requests;
  /** Each outcome as the step's kind, or the error's code and message. */
  const told = (outcomes: readonly Outcome[]) =>
    outcomes.map((outcome) => (outcome.ok ? outcome.step.kind : `${String((outcome.error as { code?: string }).code)}: ${(outcome.error as Error).message}`));

  before(async () => {
    server = await startConformanceHasura();
  });
  // Each case starts afresh: a gateway of its own (nothing cached), Hasura holding no relationship on profiles.
  afterEach(async () => {
    server.faults.clear();
    const cleanup = await applyChanges(gateway, Object.keys(relationshipsOn(server, profiles)).map(remove), { together: true });
    assert.ok(cleanup.outcomes.every((outcome) => outcome.ok));
    await gateway.close();
  });
  after(() => server.stop());
  const open = (overrides: Partial<ReturnType<typeof defaultSettings>> = {}) => {
    gateway = openGateway(server.url, { ...defaultSettings(), ...overrides }, { adminSecret: conformanceSecret });
    server.resetStats();
  };

  it("changes that may go together are one replace_metadata, one rebuild, and each hears its own step", async () => {
    open();
    const report = await applyChanges(gateway, [create("a"), create("b"), remove("never")], { together: true });
    assert.deepEqual(told(report.outcomes), ["write", "write", "done"]);
    assert.equal(report.refusedTogether, 0);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["a", "b"]);
    assert.equal(requests()["/v1/metadata replace_metadata"], 1);
    assert.equal(requests()["/v1/metadata export_metadata"], 1);
    assert.equal(server.stats().rebuilds, 1);
  });

  it("changes that may not go together are each their own command, each planned on a fresh read", async () => {
    open();
    const report = await applyChanges(gateway, [create("a"), create("b")], { together: false });
    assert.deepEqual(told(report.outcomes), ["write", "write"]);
    assert.equal(requests()["/v1/metadata pg_create_remote_relationship"], 2);
    assert.equal(requests()["/v1/metadata replace_metadata"], undefined);
    assert.equal(requests()["/v1/metadata export_metadata"], 2);
  });

  it("the plan's refusal is an error with its code; the other changes still go", async () => {
    open();
    await applyChanges(gateway, [create("a")], { together: false });
    const report = await applyChanges(gateway, [create("a", { ...target, remoteSchema: "my-remote-schema" }), create("b")], { together: true });
    assert.match(told(report.outcomes)[0], /^exists-different: Remote relationship "default\/public\/profiles\/a" already exists in Hasura at /);
    assert.equal(told(report.outcomes)[1], "write");
  });

  it("a change whose table is not tracked goes alone, first, and hears Hasura's answer under its own name with the fix for its code", async () => {
    open();
    const report = await applyChanges(gateway, [create("a"), create("b"), create("c", target, { schema: "public", name: "not_tracked" })], { together: true });
    assert.deepEqual(told(report.outcomes).slice(0, 2), ["write", "write"]);
    assert.match(
      told(report.outcomes)[2],
      /^not-exists: Could not create remote relationship "default\/public\/not_tracked\/c": Hasura at \S+ answered 400 not-exists: .*Track the table in Hasura first, or fix table or source\.$/,
    );
    assert.equal(requests()["/v1/metadata pg_create_remote_relationship"], 1);
    assert.equal(requests()["/v1/metadata replace_metadata"], 1);
  });

  it("a whole-document write Hasura refuses is sent change by change: each hears its own answer, and one failing means writing together was not the problem", async () => {
    open();
    const bad = create("bad", { ...target, remoteField: { nope: { arguments: { id: "$id" } } } });
    const report = await applyChanges(gateway, [create("ok1"), bad, create("ok2")], { together: true });
    assert.equal(told(report.outcomes)[0], "write");
    assert.match(
      told(report.outcomes)[1],
      /^invalid-configuration: Could not create remote relationship "default\/public\/profiles\/bad": Hasura at \S+ answered 400 invalid-configuration: .* Fix remoteSchema, remoteField or hasuraFields: /,
    );
    assert.equal(told(report.outcomes)[2], "write");
    assert.equal(report.refusedTogether, 0);
    assert.equal(requests()["/v1/metadata replace_metadata"], 1);
    assert.equal(requests()["/v1/metadata pg_create_remote_relationship"], 3);
  });

  it("a toSource change Hasura refuses is pointed at toSource, not at remoteField", async () => {
    open();
    const toSource: RelationshipTarget = { kind: "toSource", relationshipType: "object", source: "nope", table: profiles, fieldMapping: { id: "id" } };
    const report = await applyChanges(gateway, [create("joined", toSource)], { together: true });
    const [message] = told(report.outcomes);
    assert.match(message, / Fix toSource\.source, toSource\.table or toSource\.fieldMapping: /);
    assert.equal(message.includes("remoteField"), false, message);
  });

  it("a lone change is its own command, and the costs learn what a command and a whole-document write take", async () => {
    open();
    const costs = callCosts();
    await applyChanges(gateway, [create("a")], { together: true, costs });
    assert.equal(requests()["/v1/metadata pg_create_remote_relationship"], 1);
    assert.notEqual(costs.estimate("single"), undefined);
    assert.equal(costs.estimate("single", "source:default"), costs.estimate("single"), "learned for its class, the source it changed");
    assert.equal(costs.estimate("whole"), undefined);
    await applyChanges(gateway, [create("b"), create("c")], { together: true, costs });
    assert.equal(requests()["/v1/metadata replace_metadata"], 1);
    assert.notEqual(costs.estimate("whole"), undefined);
  });

  it("changes whose own commands cost less than a whole-document write go each alone", async () => {
    open();
    // A Hasura whose replace_metadata re-reads a slow catalog: a second for it, 10 ms for a command.
    const costs = callCosts();
    costs.observe("single", 10);
    costs.observe("read", 10);
    costs.observe("whole", 1_000);
    const report = await applyChanges(gateway, [create("a"), create("b"), create("c")], { together: true, costs });
    assert.deepEqual(told(report.outcomes), ["write", "write", "write"]);
    assert.equal(requests()["/v1/metadata pg_create_remote_relationship"], 3);
    assert.equal(requests()["/v1/metadata replace_metadata"], undefined);
  });

  it("a lost answer to a whole-document write is followed by a fresh read, which finds it applied: one write", async () => {
    open();
    server.faults.resetConnection("after-write", 1);
    const report = await applyChanges(gateway, [create("a"), create("b")], { together: true });
    assert.deepEqual(told(report.outcomes), ["done", "done"]);
    assert.equal(requests()["/v1/metadata replace_metadata"], 1);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["a", "b"]);
  });

  it("a read that fails is told to each change under its own name, not the first one's", async () => {
    open({ maxRetries: 0 });
    server.faults.failNext(1, 500);
    const report = await applyChanges(gateway, [create("first"), create("second")], { together: true });
    assert.deepEqual(
      report.outcomes.map((outcome) => !outcome.ok && isHasuraError(outcome.error) && outcome.error.resource?.id),
      ["default/public/profiles/first", "default/public/profiles/second"],
    );
    assert.match(
      told(report.outcomes)[1],
      /^unexpected: Could not create remote relationship "default\/public\/profiles\/second": Hasura at \S+ answered export_metadata with 500 /,
    );
  });
});
