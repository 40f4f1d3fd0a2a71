import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { startInterferingProxy, type InterferingProxy } from "../support/interferingProxy";
import { configureProvider, conformanceSecret, inputsFor, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };

describe("provider under faults", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startConformanceHasura();
    // Every read asks Hasura, so that each one meets the faults armed for it.
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:snapshotMaxAgeMs": "0" });
  });
  afterEach(() => server.faults.clear());
  after(() => server.stop());

  it("retries reads through 503s with backoff", async () => {
    await provider.read("default/public/profiles/warmup", { endpoint: server.url });
    server.faults.failNext(2, 503);
    assert.deepEqual(await provider.read("default/public/profiles/none", { endpoint: server.url }), {});
    assert.equal(server.stats().faults.failed, 2);
  });

  it("a create whose answer was lost re-reads, finds it applied, and writes once", async () => {
    server.resetStats();
    server.faults.resetConnection("after-write", 1);
    const created = await provider.create(inputsFor(server.url, "lostAnswer"));
    assert.equal(created.id, "default/public/profiles/lostAnswer");
    assert.ok(relationshipsOn(server, profiles).lostAnswer);
    assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], 1);
    assert.equal(server.stats().faults.resetAfterWrite, 1);
  });

  it("a create whose connection dropped before the write re-reads and writes again", async () => {
    server.resetStats();
    server.faults.resetConnection("before-write", 1);
    await provider.create(inputsFor(server.url, "droppedFirst"));
    assert.ok(relationshipsOn(server, profiles).droppedFirst);
    assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], 2);
  });

  it("a delete through a 503 on the write re-reads and tries again", async () => {
    server.faults.failNext(1, 503);
    // The failure hits the first request after arming it: the export that observes; reads are retried.
    await provider.delete("default/public/profiles/droppedFirst", inputsFor(server.url, "droppedFirst"));
    assert.equal(relationshipsOn(server, profiles).droppedFirst, undefined);
  });

  it("a shared read that fails is told to each resource under its own name", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:maxRetries": "0" });
    server.resetStats();
    server.faults.failNext(1, 500);
    const names = ["customers", "invoices", "orders"];
    const results = await Promise.allSettled(names.map((name) => provider.read(`default/public/profiles/${name}`, { endpoint: server.url })));
    assert.equal(server.stats().requests["/v1/metadata export_metadata"], 1);
    assert.deepEqual(
      results.map((result) =>
        result.status === "rejected" ? /^Could not read remote relationship "([^"]+)"/.exec(String(result.reason.message))?.[1] : "read",
      ),
      names.map((name) => `default/public/profiles/${name}`),
    );
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:snapshotMaxAgeMs": "0" });
  });

  it("gives up on a Hasura that keeps failing, naming the endpoint", async () => {
    server.faults.failNext(50, 503);
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:maxRetries": "1" });
    await assert.rejects(
      provider.read("default/public/profiles/none", { endpoint: server.url }),
      /Could not read remote relationship "default\/public\/profiles\/none": Hasura at http:\/\/127\.0\.0\.1:\d+ answered export_metadata with 503 http-503: still failing after 1 retries\./,
    );
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
});

describe("provider and resource_version conflicts", () => {
  let server: RunningHasuraServer;
  let proxy: InterferingProxy;
  // The proxy is the same Hasura under another endpoint, so it is configured with a secret of its own.
  const bothEndpoints = () => ({
    "hasura:endpoint": server.url,
    "hasura:adminSecret": conformanceSecret,
    "hasura:adminSecrets": JSON.stringify({ [proxy.url]: conformanceSecret }),
  });

  before(async () => {
    server = await startConformanceHasura();
    // Before the first create passes, another client writes: the create carries a stale resource_version.
    proxy = await startInterferingProxy(
      server.url,
      (body) => body.includes('"pg_create_remote_relationship"'),
      () =>
        hasuraCall(server.url, conformanceSecret, {
          type: "pg_create_remote_relationship",
          args: {
            source: "default",
            table: { schema: "custom", name: "profiles" },
            name: "meanwhile",
            definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
          },
        }),
    );
    await configureProvider(bothEndpoints());
  });
  after(async () => {
    await proxy.stop();
    await server.stop();
  });

  it("parallel creates from one process queue up instead of racing into conflicts", async () => {
    await configureProvider({ ...bothEndpoints(), "hasura:coalesceWrites": "false" });
    server.resetStats();
    const names = Array.from({ length: 12 }, (_, index) => `parallel${index}`);
    await Promise.all(names.map((name) => provider.create(inputsFor(server.url, name))));
    for (const name of names) assert.ok(relationshipsOn(server, profiles)[name], name);
    assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], 12);
    await configureProvider(bothEndpoints());
  });

  it("parallel creates from one process are applied together: one replace_metadata, one rebuild", async () => {
    server.resetStats();
    const names = Array.from({ length: 12 }, (_, index) => `together${index}`);
    await Promise.all(names.map((name) => provider.create(inputsFor(server.url, name))));
    for (const name of names) assert.ok(relationshipsOn(server, profiles)[name], name);
    const stats = server.stats();
    assert.equal(stats.requests["/v1/metadata replace_metadata"], 1);
    assert.equal(stats.requests["/v1/metadata pg_create_remote_relationship"], undefined);
    assert.equal(stats.rebuilds, 1);
  });

  it("a 409 conflict re-reads and retries, and both writes survive", async () => {
    server.resetStats();
    await provider.create(inputsFor(proxy.url, "afterConflict"));
    assert.equal(proxy.interferences, 1);
    assert.ok(relationshipsOn(server, profiles).afterConflict);
    assert.ok(relationshipsOn(server, { schema: "custom", name: "profiles" }).meanwhile);
    assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], 3);
  });
});

describe("API choice", () => {
  it("auto uses the deprecated /v1/query API on a Hasura 1.3", async () => {
    const server = await startConformanceHasura({ serverVersion: "v1.3.3" });
    try {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:api": "auto" });
      await provider.create(inputsFor(server.url, "onOldHasura"));
      assert.deepEqual(relationshipsOn(server, profiles).onOldHasura, {
        remote_schema: "user",
        hasura_fields: ["id"],
        remote_field: { user: { arguments: { id: "$id" } } },
      });
      assert.equal(server.stats().requests["/v1/query create_remote_relationship"], 1);
      assert.equal(server.stats().requests["/v1/metadata export_metadata"] ?? 0, 0);
    } finally {
      await server.stop();
    }
  });

  it("auto uses /v1/metadata with resource_version on Hasura v2", async () => {
    const server = await startConformanceHasura();
    try {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:api": "auto" });
      await provider.create(inputsFor(server.url, "onNewHasura"));
      assert.equal(server.stats().requests["/v1/metadata pg_create_remote_relationship"], 1);
      assert.equal(server.stats().requests["/v1/query create_remote_relationship"] ?? 0, 0);
    } finally {
      await server.stop();
    }
  });
});
