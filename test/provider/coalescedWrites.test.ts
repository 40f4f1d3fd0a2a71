import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { exportMetadata, hasuraCall } from "../../scripts/hasuraAdmin";
import { startInterferingProxy, type InterferingProxy } from "../support/interferingProxy";
import { configureProvider, conformanceSecret, inputsFor, profilesRelationship, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const customProfiles = { schema: "custom", name: "profiles" };

/** Runs the creates at once, as the engine's parallel steps do, and returns each outcome. */
function createTogether(endpoint: string, names: readonly string[], overrides: Record<string, Parameters<typeof inputsFor>[2]> = {}) {
  return Promise.allSettled(names.map((name) => provider.create(inputsFor(endpoint, name, overrides[name]))));
}

describe("coalesced writes", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
  afterEach(() => server.faults.clear());
  after(() => server.stop());

  it("creates, updates and deletes that meet are one replace_metadata, and everything else round-trips untouched", async () => {
    const before = await exportMetadata(server.url, conformanceSecret);
    server.resetStats();
    const names = ["c1", "c2", "c3", "c4"];
    assert.deepEqual(
      (await createTogether(server.url, names)).map((result) => result.status),
      ["fulfilled", "fulfilled", "fulfilled", "fulfilled"],
    );
    await Promise.all([
      provider.update("default/public/profiles/c1", {}, inputsFor(server.url, "c1", { hasuraFields: ["id", "name"] })),
      provider.delete("default/public/profiles/c2", inputsFor(server.url, "c2")),
      provider.delete("default/public/profiles/never", inputsFor(server.url, "never")),
    ]);
    const stats = server.stats();
    assert.equal(stats.requests["/v1/metadata replace_metadata"], 2);
    assert.equal(stats.rebuilds, 2);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["c1", "c3", "c4"]);
    assert.deepEqual((relationshipsOn(server, profiles).c1 as { to_remote_schema: { lhs_fields: string[] } }).to_remote_schema.lhs_fields.sort(), [
      "id",
      "name",
    ]);
    await Promise.all(["c1", "c3", "c4"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
    const after = await exportMetadata(server.url, conformanceSecret);
    assert.deepEqual(after, before);
  });

  it("a change waits while the engine checks the next resource, however long that takes, and both go as one write", async () => {
    // The engine's way in an up: check a, create a (its batch starts filling), check b, create b.
    const checkedA = await provider.check({}, profilesRelationship(server.url, { name: "waitA" }));
    assert.deepEqual(checkedA.failures ?? [], []);
    assert.ok(checkedA.inputs !== undefined);
    server.resetStats();
    const createA = provider.create(checkedA.inputs);
    // b joins by a remote schema not read yet in this process: its check waits for an introspection, answered
    // slowly, for far longer than a batch waits for company (hasura:batchFillMs).
    server.faults.delay(1_000);
    const otherSchema = { name: "waitB", remoteSchema: "my-remote-schema", remoteField: { message: { arguments: { id: "$id" } } } };
    const checkedB = await provider.check({}, profilesRelationship(server.url, otherSchema));
    // Written at Hasura's usual speed from here, so that what later cases learn of write costs is not skewed.
    server.faults.clear();
    assert.deepEqual(checkedB.failures ?? [], []);
    assert.ok(checkedB.inputs !== undefined);
    await Promise.all([createA, provider.create(checkedB.inputs)]);
    const requests = server.stats().requests;
    assert.equal(requests["/v1/metadata introspect_remote_schema"], 1);
    // Had a's batch gone while b was being checked, each would have been written alone.
    assert.equal(requests["/v1/metadata replace_metadata"], 1);
    assert.equal(requests["/v1/metadata pg_create_remote_relationship"], undefined);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["waitA", "waitB"]);
    await Promise.all(["waitA", "waitB"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
  });

  it("a new resource's check tells the write queue its create is coming: the batch waits for it past its usual patience", async () => {
    // The engine's way in an up: it checks a and b, then sends their creates; b's comes 700 ms after a's
    // (the engine recording its steps), far later than a batch waits for company (hasura:batchFillMs).
    const checked = await Promise.all(["owedA", "owedB"].map((name) => provider.check({}, profilesRelationship(server.url, { name }))));
    for (const result of checked) assert.deepEqual(result.failures ?? [], []);
    const [inputsA, inputsB] = checked.map((result) => result.inputs);
    assert.ok(inputsA !== undefined && inputsB !== undefined);
    server.resetStats();
    const createA = provider.create(inputsA);
    const createB = new Promise((resolve) => setTimeout(resolve, 700)).then(() => provider.create(inputsB));
    await Promise.all([createA, createB]);
    const requests = server.stats().requests;
    // Had a's batch gone when the engine had been quiet for its patience, each would have been written alone.
    assert.equal(requests["/v1/metadata replace_metadata"], 1);
    assert.equal(requests["/v1/metadata pg_create_remote_relationship"], undefined);
    await Promise.all(["owedA", "owedB"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
  });

  it("told the engine's --parallel by the program, a batch goes the moment it holds that many changes", async () => {
    // The SDK passes PULUMI_NODEJS_PARALLEL on in every resource's inputs; check takes it and returns the inputs without it.
    const checked = await provider.check({}, { ...profilesRelationship(server.url, { name: "parallelA" }), __parallel: 2 });
    assert.deepEqual(checked.failures ?? [], []);
    assert.ok(checked.inputs !== undefined && !("__parallel" in checked.inputs));
    server.resetStats();
    const names = ["parallelA", "parallelB", "parallelC"];
    // Two at once, the engine's limit here; a third 100 ms later, well within the first batch's wait for company (hasura:batchFillMs).
    const first = createTogether(server.url, names.slice(0, 2));
    const third = new Promise((resolve) => setTimeout(resolve, 100)).then(() => createTogether(server.url, names.slice(2)));
    assert.deepEqual(
      [...(await first), ...(await third)].map((result) => result.status),
      ["fulfilled", "fulfilled", "fulfilled"],
    );
    const requests = server.stats().requests;
    // Without the engine's limit, the three would have been one write.
    assert.equal(requests["/v1/metadata replace_metadata"], 1);
    assert.equal(requests["/v1/metadata pg_create_remote_relationship"], 1);
    await Promise.all(names.map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
  });

  it("a batch Hasura refuses is sent change by change: the valid ones are made, the invalid one gets Hasura's own error", async () => {
    server.resetStats();
    const results = await createTogether(server.url, ["ok1", "bad", "ok2"], { bad: { remoteField: { nope: { arguments: { id: "$id" } } } } });
    assert.equal(results[0].status, "fulfilled");
    assert.equal(results[2].status, "fulfilled");
    assert.equal(results[1].status, "rejected");
    assert.match(
      String((results[1] as PromiseRejectedResult).reason.message),
      /Could not create remote relationship "default\/public\/profiles\/bad": Hasura at \S+ answered 400 invalid-configuration/,
    );
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["ok1", "ok2"]);
    assert.equal(server.stats().requests["/v1/metadata replace_metadata"], 1);
    await Promise.all(["ok1", "ok2"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
  });

  it("a change on a table that is not tracked goes alone and gets Hasura's answer; the rest go together", async () => {
    const results = await createTogether(server.url, ["t1", "t2", "untracked"], { untracked: { table: { schema: "public", name: "not_tracked" } } });
    assert.deepEqual(
      results.map((result) => result.status),
      ["fulfilled", "fulfilled", "rejected"],
    );
    assert.match(String((results[2] as PromiseRejectedResult).reason.message), /answered 400 not-exists/);
    await Promise.all(["t1", "t2"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))));
  });

  it("a batch whose answer was lost re-reads, finds it applied, and writes once", async () => {
    server.resetStats();
    server.faults.resetConnection("after-write", 1);
    const results = await createTogether(server.url, ["lost1", "lost2", "lost3"]);
    assert.deepEqual(
      results.map((result) => result.status),
      ["fulfilled", "fulfilled", "fulfilled"],
    );
    assert.equal(server.stats().requests["/v1/metadata replace_metadata"], 1);
    assert.equal(server.stats().faults.resetAfterWrite, 1);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["lost1", "lost2", "lost3"]);
  });

  it("a batch whose connection dropped before the write re-reads and writes again", async () => {
    server.resetStats();
    server.faults.resetConnection("before-write", 1);
    const results = await Promise.allSettled(
      ["lost1", "lost2", "lost3"].map((name) => provider.delete(`default/public/profiles/${name}`, inputsFor(server.url, name))),
    );
    assert.deepEqual(
      results.map((result) => result.status),
      ["fulfilled", "fulfilled", "fulfilled"],
    );
    assert.equal(server.stats().requests["/v1/metadata replace_metadata"], 2);
    assert.deepEqual(relationshipsOn(server, profiles), {});
  });

  it("concurrent reads share one export_metadata", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    server.resetStats();
    const reads = await Promise.all(Array.from({ length: 20 }, (_, index) => provider.read(`default/public/profiles/r${index}`, { endpoint: server.url })));
    assert.equal(reads.length, 20);
    // None of them is there: the reads share the one export, then one second look before they believe it (staleReads.test.ts).
    assert.equal(server.stats().requests["/v1/metadata export_metadata"], 2);
  });
});

describe("coalesced writes against another client", () => {
  let server: RunningHasuraServer;
  let proxy: InterferingProxy;

  before(async () => {
    server = await startConformanceHasura();
    // Before the first replace_metadata reaches Hasura, another client writes unrelated metadata.
    proxy = await startInterferingProxy(
      server.url,
      (body) => body.includes('"replace_metadata"'),
      () =>
        hasuraCall(server.url, conformanceSecret, {
          type: "pg_create_remote_relationship",
          args: {
            source: "default",
            table: customProfiles,
            name: "otherClient",
            definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
          },
        }),
    );
    await configureProvider({ "hasura:endpoint": proxy.url, "hasura:adminSecret": conformanceSecret });
  });
  after(async () => {
    await proxy.stop();
    await server.stop();
  });

  it("a 409 re-reads and re-plans; the other client's write survives beside the batch", async () => {
    server.resetStats();
    const results = await createTogether(proxy.url, ["mine1", "mine2"]);
    assert.deepEqual(
      results.map((result) => result.status),
      ["fulfilled", "fulfilled"],
    );
    assert.equal(proxy.interferences, 1);
    assert.equal(server.stats().requests["/v1/metadata replace_metadata"], 2);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["mine1", "mine2"]);
    assert.ok(relationshipsOn(server, customProfiles).otherClient);
  });
});

describe("coalesced writes on a Hasura whose metadata is inconsistent already", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    const exported = (await hasuraCall(server.url, conformanceSecret, { type: "export_metadata", version: 2, args: {} })) as {
      metadata: Record<string, unknown>;
    };
    const metadata = structuredClone(exported.metadata) as { sources: { tables: { table: { schema: string }; remote_relationships?: unknown[] }[] }[] };
    const custom = metadata.sources[0].tables.find((table) => table.table.schema === "custom");
    custom!.remote_relationships = [
      { name: "broken", definition: { to_remote_schema: { remote_schema: "gone", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } } },
    ];
    await hasuraCall(server.url, conformanceSecret, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata } });
  });
  after(() => server.stop());

  it("falls back to one write per change, which Hasura takes, and stops batching", async () => {
    server.resetStats();
    const first = await createTogether(server.url, ["i1", "i2"]);
    assert.deepEqual(
      first.map((result) => result.status),
      ["fulfilled", "fulfilled"],
    );
    const second = await createTogether(server.url, ["i3", "i4"]);
    assert.deepEqual(
      second.map((result) => result.status),
      ["fulfilled", "fulfilled"],
    );
    const stats = server.stats();
    assert.equal(stats.requests["/v1/metadata replace_metadata"], 1);
    assert.equal(stats.requests["/v1/metadata pg_create_remote_relationship"], 4);
    assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["i1", "i2", "i3", "i4"]);
  });
});
