/**
 * Issue 19: the stack's admin secret goes to the stack's own Hasura only (`hasura:endpoint`); any other
 * endpoint a resource or its state names gets the secret configured for it in `hasura:adminSecrets`, or
 * nothing at all, refused with the fix before anything is sent. Issue 16: refused credentials fail the
 * check (a preview) with the fix, rather than passing it with a warning.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RunningHasuraServer } from "../../server";
import { configureProvider, conformanceSecret, inputsFor, profilesRelationship, startConformanceHasura } from "../support/localHasura";
import { exportAnswer, startScriptedHasura, type ScriptedHasura } from "../support/scriptedHasura";

const id = "default/public/profiles/rel";
/** The inputs a program gives, before check, in a preview. */
const declared = (endpoint: string) => ({ ...profilesRelationship(endpoint), __dryRun: true });

describe("the admin secret goes only to the Hasura it belongs to", () => {
  let home: RunningHasuraServer;
  let stranger: ScriptedHasura;
  before(async () => {
    home = await startConformanceHasura();
    stranger = await startScriptedHasura((request) => {
      if (request.type === "GET /v1/version") return { body: '{"version":"v2.40.0"}' };
      if (request.type === "get_inconsistent_metadata") return { body: '{"is_consistent":true,"inconsistent_objects":[]}' };
      return exportAnswer("rel");
    });
  });
  after(async () => {
    await home.stop();
    await stranger.stop();
  });

  it("check refuses a resource whose endpoint is another Hasura without a secret of its own, naming endpoint and the fix, and sends it nothing", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": conformanceSecret });
    const result = await provider.check({}, declared(`${stranger.url}/`));
    assert.deepEqual(result.failures, [
      {
        property: "endpoint",
        reason:
          `No admin secret is configured for Hasura at ${stranger.url}: the stack's admin secret (hasura:adminSecret) is sent only to hasura:endpoint (${home.url}). ` +
          `If ${stranger.url} is that same Hasura, give the resource that endpoint; if it is another, give it its own secret with ` +
          `\`pulumi config set --secret --path 'hasura:adminSecrets["${stranger.url}"]' <its admin secret>\`.`,
      },
    ]);
    assert.deepEqual(stranger.asked, {});
  });

  it("the same holds with hasura:validateLive false: the refusal needs no network", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
    assert.equal((await provider.check({}, declared(stranger.url))).failures?.[0]?.property, "endpoint");
    assert.deepEqual(stranger.asked, {});
  });

  it("read, create, update and delete at an endpoint the state names (an edited state) fail with the fix and send it nothing", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": conformanceSecret });
    const refused =
      /No admin secret is configured for Hasura at http:\/\/127\.0\.0\.1:\d+: the stack's admin secret \(hasura:adminSecret\) is sent only to hasura:endpoint/;
    await assert.rejects(provider.read(id, { endpoint: stranger.url }), refused);
    await assert.rejects(provider.create(inputsFor(stranger.url, "rel")), refused);
    await assert.rejects(provider.update(id, inputsFor(stranger.url, "rel"), inputsFor(stranger.url, "rel", { hasuraFields: ["id", "name"] })), refused);
    await assert.rejects(provider.delete(id, inputsFor(stranger.url, "rel")), refused);
    assert.deepEqual(stranger.asked, {});
  });

  it("an endpoint with its own entry in hasura:adminSecrets gets that secret, and the stack's Hasura gets the stack's", async () => {
    await configureProvider({
      "hasura:endpoint": home.url,
      "hasura:adminSecret": conformanceSecret,
      "hasura:adminSecrets": JSON.stringify({ [stranger.url]: "stranger-secret" }),
    });
    assert.equal((await provider.read(id, { endpoint: stranger.url })).id, id);
    assert.deepEqual((await provider.read("default/public/profiles/none", { endpoint: home.url })).id, undefined);
    assert.ok(stranger.secretsSeen.length > 0);
    assert.deepEqual(new Set(stranger.secretsSeen), new Set(["stranger-secret"]));
  });

  it("no secret at all goes anywhere when none is configured", async () => {
    stranger.secretsSeen.length = 0;
    await configureProvider({ "hasura:endpoint": home.url });
    assert.equal((await provider.read(id, { endpoint: stranger.url })).id, id);
    assert.deepEqual(new Set(stranger.secretsSeen), new Set([undefined]));
  });

  it("warns once when a secret would cross the network in clear (plain http to another machine)", async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await configureProvider({
        "hasura:endpoint": "http://hasura.internal.example:8080",
        "hasura:adminSecret": "s3cret-in-clear",
        "hasura:validateLive": "false",
      });
      for (const name of ["one", "two"]) {
        const result = await provider.check({}, { ...declared("http://hasura.internal.example:8080"), name });
        assert.equal(result.failures, undefined);
      }
    } finally {
      process.stderr.write = write;
    }
    const warnings = lines.filter((line) => line.startsWith("warning:"));
    assert.deepEqual(warnings, [
      "warning: The admin secret for Hasura at http://hasura.internal.example:8080 (hasura:adminSecret) is sent over plain http to another machine, where anyone on the network between can read it. Use https.\n",
    ]);
  });
});

describe("credentials are configuration errors at preview", () => {
  let home: RunningHasuraServer;
  before(async () => {
    home = await startConformanceHasura();
  });
  after(() => home.stop());

  it("a wrong admin secret fails check on endpoint with Hasura's answer and the command that fixes it, never the secret", async () => {
    await configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": "wrong-secret-value" });
    const result = await provider.check({}, declared(home.url));
    assert.deepEqual(result.failures, [
      {
        property: "endpoint",
        reason:
          `Hasura at ${home.url} refused the admin secret from hasura:adminSecret (invalid x-hasura-admin-secret/x-hasura-access-key). ` +
          "Set the one this Hasura runs with: `pulumi config set --secret hasura:adminSecret <its admin secret>`.",
      },
    ]);
  });

  it("a missing admin secret against a Hasura that needs one is the same configuration error", async () => {
    await configureProvider({ "hasura:endpoint": home.url });
    const result = await provider.check({}, declared(home.url));
    assert.deepEqual(result.failures, [
      {
        property: "endpoint",
        reason:
          `Hasura at ${home.url} needs an admin secret, and none is configured for it (x-hasura-admin-secret/x-hasura-access-key required, but not found). ` +
          "Set it with `pulumi config set --secret hasura:adminSecret <its admin secret>`.",
      },
    ]);
  });

  it("an empty hasura:adminSecret fails configure, and every later call, saying it is empty", async () => {
    const empty = /The admin secret in hasura:adminSecret is empty/;
    await assert.rejects(configureProvider({ "hasura:endpoint": home.url, "hasura:adminSecret": "" }), empty);
    await assert.rejects(provider.check({}, declared(home.url)), empty);
  });
});
