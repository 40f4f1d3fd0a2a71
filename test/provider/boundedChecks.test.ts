/**
 * Issue 19: check's reads have their own short deadline (hasura:checkTimeoutMs), and an endpoint that
 * failed them is not asked again by this process, so a preview of any number of relationships at a
 * Hasura that accepts connections and never answers waits one deadline, with one warning that says how
 * long. Writes keep hasura:requestTimeoutMs. Counts of requests, never the clock.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { configureProvider, conformanceSecret, inputsFor, startConformanceHasura } from "../support/localHasura";

/** The inputs a program gives during a preview. */
const declared = (endpoint: string, name: string, remoteSchema = "user") => ({
  endpoint,
  name,
  table: "profiles",
  hasuraFields: ["id"],
  remoteSchema,
  remoteField: { user: { arguments: { id: "$id" } } },
  __dryRun: true,
});

/** A server that reads every request and never answers, counting them. */
async function startSilentServer(): Promise<{ readonly url: string; readonly requests: string[]; stop(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((request) => {
    requests.push(`${request.method} ${request.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `work` with stderr captured; resolves with the warning lines it printed. */
async function warningsOf(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stderr.write = write;
  }
  return lines.filter((line) => line.startsWith("warning:"));
}

describe("check's reads are bounded", () => {
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let home: RunningHasuraServer;
  before(async () => {
    silent = await startSilentServer();
    home = await startConformanceHasura();
  });
  after(async () => {
    await silent.stop();
    await home.stop();
  });

  it("a preview of five relationships at a silent Hasura asks once, waits one check deadline, and warns once saying how long", async () => {
    await configureProvider({ "hasura:endpoint": silent.url, "hasura:adminSecret": conformanceSecret, "hasura:checkTimeoutMs": "300" });
    const warnings = await warningsOf(async () => {
      for (const name of ["one", "two", "three", "four", "five"]) {
        const result = await provider.check({}, declared(silent.url, name, name === "five" ? "another" : "user"));
        assert.equal(result.failures, undefined, name);
      }
    });
    assert.deepEqual(silent.requests, ["GET /v1/version"]);
    assert.deepEqual(warnings, [
      `warning: could not ask Hasura at ${silent.url} (no complete answer within 300 ms (hasura:checkTimeoutMs)), so nothing was checked against what it holds (tables, columns, remote schemas). ` +
        "Only the checks that need no network ran, and Hasura is not asked again in this run; Hasura will judge the rest when it is written.\n",
    ]);
  });

  it("moves of three relationships to a silent Hasura wait one check deadline: one request, each move refused naming endpoint", async () => {
    silent.requests.length = 0;
    await configureProvider({
      "hasura:endpoint": home.url,
      "hasura:adminSecret": conformanceSecret,
      "hasura:adminSecrets": JSON.stringify({ [silent.url]: conformanceSecret }),
      "hasura:checkTimeoutMs": "300",
      "hasura:requestTimeoutMs": "2000",
      "hasura:maxRetries": "0",
    });
    await warningsOf(async () => {
      for (const name of ["one", "two", "three"]) {
        const { __dryRun: _, ...was } = declared(home.url, name);
        const result = await provider.check(was, declared(silent.url, name));
        assert.equal(result.failures?.[0]?.property, "endpoint", name);
        assert.match(
          result.failures?.[0]?.reason ?? "",
          new RegExp(`would move from ${home.url} to ${silent.url}, but Hasura at ${silent.url} cannot be read: .*within 300 ms \\(hasura:checkTimeoutMs\\)`),
          name,
        );
      }
    });
    // The live checks' first read met the deadline; neither they nor the moves asked again.
    assert.deepEqual(silent.requests, ["GET /v1/version"]);
  });

  it("a write keeps the writes' deadline, and asks again", async () => {
    silent.requests.length = 0;
    await configureProvider({
      "hasura:endpoint": silent.url,
      "hasura:adminSecret": conformanceSecret,
      "hasura:checkTimeoutMs": "300",
      "hasura:requestTimeoutMs": "600",
      "hasura:validateLive": "false",
    });
    await assert.rejects(provider.create(inputsFor(silent.url, "written")), /no complete answer within 600 ms \(hasura:requestTimeoutMs\)/);
    assert.deepEqual(silent.requests, ["GET /v1/version"]);
  });

  it("refused credentials are asked once: every later check fails the same way without a request", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": "wrong-secret-value" });
    home.resetStats();
    for (const name of ["one", "two", "three"]) {
      const result = await provider.check({}, declared(home.url, name));
      assert.match(result.failures?.[0]?.reason ?? "", /refused the admin secret from hasura:adminSecret/, name);
    }
    // Hasura's /v1/version needs no secret; the first read of the metadata is refused, and nothing else is sent.
    assert.deepEqual(home.stats().requests, { "GET /v1/version": 1, "/v1/metadata export_metadata": 1 });
  });

  it("a remote schema Hasura does not have is not a failure of the endpoint: the next one is still asked", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": conformanceSecret });
    const missing = await provider.check({}, declared(home.url, "first", "nope"));
    assert.equal(missing.failures?.[0]?.property, "remoteSchema");
    assert.equal((await provider.check({}, declared(home.url, "second"))).failures, undefined);
  });
});
