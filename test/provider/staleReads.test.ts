/**
 * Issue 19: an answer of a server that lags behind the endpoint (a replica behind a load balancer) is
 * looked at twice before it is believed. A refresh read that finds its relationship gone reads again
 * (one second look shared by every read that doubts the same answer), and an export whose
 * resource_version is lower than one this process has seen is read again. What the second read says
 * is believed; when it still says so, with a warning.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import { defaultSettings } from "../../provider/runtime/settings";
import { openGateway } from "../../provider/runtime/gateway";
import type { RunningHasuraServer } from "../../server";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { startGateProxy, type GateProxy } from "../support/gateProxy";
import { configureProvider, conformanceSecret, inputsFor, startConformanceHasura } from "../support/localHasura";

const ids = ["default/public/profiles/first", "default/public/profiles/second"];

/** Runs `work` with stderr captured; resolves with what it resolved with and the warning lines it printed. */
async function withWarnings<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly warnings: string[] }> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { value: await work(), warnings: lines.filter((line) => line.startsWith("warning:")) };
  } finally {
    process.stderr.write = write;
  }
}

describe("answers from a server that lags behind the endpoint", () => {
  let home: RunningHasuraServer;
  let replica: GateProxy;
  let before_: string;
  const exportsSeen = () => replica.seen.filter((request) => request.type === "export_metadata").length;

  before(async () => {
    home = await startConformanceHasura();
    replica = await startGateProxy(home.url);
    // The metadata before the relationships: what a replica that lags still answers.
    before_ = JSON.stringify(await hasuraCall(home.url, conformanceSecret, { type: "export_metadata", version: 2, args: {} }));
    await configureProvider({ "hasura:endpoint": replica.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    for (const id of ids) await provider.create(inputsFor(replica.url, id.split("/")[3]));
  });
  after(async () => {
    await replica.stop();
    await home.stop();
  });
  beforeEach(async () => {
    // Each case is a new process, as each `pulumi refresh` is: nothing seen before.
    await configureProvider({ "hasura:endpoint": replica.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    replica.mode = { kind: "pass" };
    replica.seen.length = 0;
  });

  it("a refresh that finds every relationship gone in one answer reads again, once for all, and keeps them when the second answer holds them", async () => {
    replica.mode = { kind: "stale", body: before_, times: 1 };
    const { value: reads, warnings } = await withWarnings(() => Promise.all(ids.map((id) => provider.read(id, { endpoint: replica.url }))));
    assert.deepEqual(
      reads.map((read) => read.id),
      ids,
    );
    assert.equal(exportsSeen(), 2);
    assert.deepEqual(warnings, []);
  });

  it("what the second answer says is believed: gone twice, they leave the state, with one warning when the Hasura holds none at all", async () => {
    replica.mode = { kind: "stale", body: before_, times: 2 };
    const { value: reads, warnings } = await withWarnings(() => Promise.all(ids.map((id) => provider.read(id, { endpoint: replica.url }))));
    assert.deepEqual(reads, [{}, {}]);
    assert.equal(exportsSeen(), 2);
    assert.equal(warnings.length, 1, warnings.join(""));
    assert.match(warnings[0], new RegExp(`^warning: Hasura at ${replica.url} holds no remote relationship at all \\(read twice, a second apart\\)`));
  });

  it("a relationship deleted by hand is read twice, and then dropped without a warning while others remain", async () => {
    const { value: read, warnings } = await withWarnings(() => provider.read("default/public/profiles/neverMade", { endpoint: replica.url }));
    assert.deepEqual(read, {});
    assert.equal(exportsSeen(), 2);
    assert.deepEqual(warnings, []);
  });

  describe("an export older than one this process has seen", () => {
    const pauses: number[] = [];
    const clock = {
      now: () => Date.now(),
      sleep: (ms: number) => {
        pauses.push(ms);
        return Promise.resolve();
      },
    };
    const context = { operation: "read" };
    const open = () => openGateway(replica.url, { ...defaultSettings(), snapshotMaxAgeMs: 0 }, { adminSecret: conformanceSecret, clock });

    it("is read again after a pause, and the newer answer is used", async () => {
      const gateway = open();
      try {
        const newest = await gateway.observe(context);
        replica.mode = { kind: "stale", body: before_, times: 1 };
        const again = await gateway.observe(context, { fresh: true });
        assert.equal(again.resourceVersion, newest.resourceVersion);
        assert.equal(exportsSeen(), 3);
        assert.equal(pauses.length, 1);
      } finally {
        await gateway.close();
      }
    });

    it("is believed, with one warning, when the second answer is as old", async () => {
      const gateway = open();
      try {
        const newest = await gateway.observe(context);
        replica.mode = { kind: "stale", body: before_, times: 2 };
        const { value: again, warnings } = await withWarnings(() => gateway.observe(context, { fresh: true }));
        const older = (JSON.parse(before_) as { resource_version: number }).resource_version;
        assert.equal(again.resourceVersion, older);
        assert.ok(older < (newest.resourceVersion ?? 0));
        assert.equal(warnings.length, 1, warnings.join(""));
        assert.match(
          warnings[0],
          new RegExp(`answered export_metadata at resource_version ${older}, twice, after this run had seen ${newest.resourceVersion}`),
        );
      } finally {
        await gateway.close();
      }
    });
  });
});
