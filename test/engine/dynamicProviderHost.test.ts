import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import { diffChanges, startDynamicProviderHost, type DynamicProviderHost } from "../support/dynamicProviderHost";
import { serializeProvider } from "../support/serializedProvider";
import { conformanceSecret, relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** The engine protocol: the project's @pulumi/pulumi dynamic provider host, called over gRPC as the engine calls it. */
describe("dynamic provider host over gRPC", () => {
  let server: RunningHasuraServer;
  let host: DynamicProviderHost;
  let provider: string;
  const profiles = { schema: "public", name: "profiles" };
  let inputs: Record<string, unknown>;
  let outputs: Record<string, unknown>;

  before(async () => {
    server = await startConformanceHasura();
    provider = await serializeProvider();
    host = await startDynamicProviderHost();
  });
  after(async () => {
    await host?.stop();
    await server?.stop();
  });

  it("Configure takes the stack config, secret included", async () => {
    await host.configure({ "hasura:adminSecret": conformanceSecret, "hasura:endpoint": server.url });
    // A read whose state names no endpoint reaches Hasura at hasura:endpoint, which answers only
    // with the admin secret: a relationship it does not hold reads as gone.
    const read = await host.read("default/public/profiles/notThere", { __provider: provider });
    assert.equal(read.id, "");
    assert.ok(server.stats().requests["/v1/metadata export_metadata"] >= 1);
  });

  it("Check names the failing property", async () => {
    const result = await host.check(
      {},
      {
        __provider: provider,
        endpoint: server.url,
        name: "r",
        table: "profiles",
        hasuraFields: ["id"],
        remoteSchema: "user",
        remoteField: { user: { arguments: { id: "$other" } } },
      },
    );
    assert.deepEqual(result.failures, [
      {
        property: "",
        reason: 'remoteField.user.arguments.id: Join variable "$other" is not in hasuraFields ("id"). Add "other" to hasuraFields, or use one of them.',
      },
    ]);
  });

  it("Check returns normalized inputs with the provider kept", async () => {
    const result = await host.check(
      {},
      {
        __provider: provider,
        endpoint: `${server.url}/`,
        name: "grpc",
        table: "profiles",
        hasuraFields: ["id"],
        remoteSchema: "user",
        remoteField: { user: { arguments: { id: "$id" } } },
      },
    );
    assert.deepEqual(result.failures, []);
    inputs = result.inputs;
    assert.equal(inputs.__provider, provider);
    assert.equal(inputs.endpoint, server.url);
    assert.deepEqual(inputs.table, profiles);
  });

  it("Create creates it in Hasura", async () => {
    const created = await host.create(inputs);
    assert.equal(created.id, "default/public/profiles/grpc");
    outputs = created.properties;
    assert.equal(outputs.__provider, provider);
    assert.ok(relationshipsOn(server, profiles).grpc);
  });

  it("Diff: no change, update, replace", async () => {
    assert.deepEqual(await host.diff("default/public/profiles/grpc", outputs, inputs), { changes: diffChanges.none, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await host.diff("default/public/profiles/grpc", outputs, { ...inputs, hasuraFields: ["id", "name"] }), {
      changes: diffChanges.some,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await host.diff("default/public/profiles/grpc", outputs, { ...inputs, name: "other" }), {
      changes: diffChanges.some,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });

  it("Read with no properties (import) finds the provider in the inputs", async () => {
    const read = await host.read("default/public/profiles/grpc", {}, inputs);
    assert.equal(read.id, "default/public/profiles/grpc");
    assert.deepEqual(read.inputs.hasuraFields, ["id"]);
  });

  it("Update writes the new definition", async () => {
    const news = { ...inputs, hasuraFields: ["id", "name"] };
    const updated = await host.update("default/public/profiles/grpc", outputs, news);
    assert.deepEqual(updated.hasuraFields, ["id", "name"]);
    assert.deepEqual((relationshipsOn(server, profiles).grpc as { to_remote_schema: { lhs_fields: string[] } }).to_remote_schema.lhs_fields.sort(), [
      "id",
      "name",
    ]);
    outputs = updated;
  });

  it("Delete in the run that made it hold keeps it: the original of a replacement under the same ID, or of a rename", async () => {
    const writes = server.stats().writes;
    await host.delete("default/public/profiles/grpc", outputs);
    assert.ok(relationshipsOn(server, profiles).grpc);
    assert.equal(server.stats().writes, writes);
  });

  it("Delete in a later run (a host of its own) deletes it, and Read then finds nothing", async () => {
    const later = await startDynamicProviderHost();
    try {
      await later.configure({ "hasura:adminSecret": conformanceSecret, "hasura:endpoint": server.url });
      await later.delete("default/public/profiles/grpc", outputs);
      assert.equal(relationshipsOn(server, profiles).grpc, undefined);
      const read = await later.read("default/public/profiles/grpc", outputs);
      assert.equal(read.id, "");
    } finally {
      await later.stop();
    }
  });

  it("an error of read, delete or check is returned to the engine whole, and the host does not echo it with a stack trace", async () => {
    const printed = host.stderr.length;
    await assert.rejects(host.read("not-an-id", outputs), /"not-an-id" is not a remote relationship ID\. Use source\/schema\/table\/name/);
    await assert.rejects(host.delete("not/an/id", outputs), /"not\/an\/id" is not a remote relationship ID/);
    assert.deepEqual(host.stderr.slice(printed), []);

    // A stack config the provider cannot read fails every call of the process, beginning with the check that loads it.
    const misconfigured = await startDynamicProviderHost();
    try {
      await misconfigured.configure({ "hasura:api": "graphql" });
      for (let call = 0; call < 2; call += 1)
        await assert.rejects(misconfigured.check({}, inputs), /hasura:api is "graphql", but it must be auto, metadata or query/);
      assert.deepEqual(misconfigured.stderr, []);
    } finally {
      await misconfigured.stop();
    }
  });

  it("Create fails with Hasura's reason as the gRPC error", async () => {
    await assert.rejects(host.create({ ...inputs, name: "bad", remoteSchema: "missing" }), /remote schema with name "missing" not found/);
  });

  it("never writes the admin secret to its output", () => {
    assert.equal(host.stderr.join("").includes(conformanceSecret), false);
  });

  it("ends once its engine is gone, and never writes the batch it held", async () => {
    const orphaned = await startDynamicProviderHost();
    try {
      // The batch waits a minute for more changes (a process's first waits batchFillMs, until a write has shown what one costs): the engine goes while the host holds it.
      await orphaned.configure({
        "hasura:adminSecret": conformanceSecret,
        "hasura:endpoint": server.url,
        "hasura:batchWindowMs": "60000",
        "hasura:batchFillMs": "60000",
      });
      const writes = server.stats().writes;
      const held = orphaned.create({ ...inputs, name: "held" });
      const outcome = held.then(
        () => "created",
        (error: Error) => error.message,
      );
      // The create sends Hasura nothing while its batch waits; a moment lets it reach the host (were it not there yet, the host would refuse it, and nothing is written either way).
      await new Promise((resolve) => setTimeout(resolve, 500));
      orphaned.killEngine();
      // A generous bound: the host looks every second and believes three refused looks in a row.
      const code = await Promise.race([orphaned.exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 30_000))]);
      assert.notEqual(code, "still running");
      assert.match(await outcome, /UNAVAILABLE|CANCELLED|ECONNRESET|closed/);
      assert.equal(server.stats().writes, writes);
      assert.equal(relationshipsOn(server, profiles).held, undefined);
    } finally {
      await orphaned.stop();
    }
  });
});
