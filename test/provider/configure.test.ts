/**
 * Stack config the provider cannot read. Pulumi's dynamic provider host keeps a provider whose
 * configure failed and sends it the process's later calls; each of those must fail the same way,
 * never run on the default settings (without the admin secret, with the typo ignored).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import { resetRuntime } from "../../provider/runtime/runtime";
import { configureProvider, inputsFor } from "../support/localHasura";
import { exportAnswer, startScriptedHasura, type ScriptedHasura } from "../support/scriptedHasura";

const id = "default/public/profiles/rel";
const badConfig = /hasura:batchWindowMs is "soon", but it must be a whole number\. Fix it with `pulumi config set hasura:batchWindowMs 20`\.$/;

describe("configure with stack config the provider cannot read", () => {
  let hasura: ScriptedHasura;
  before(async () => {
    hasura = await startScriptedHasura((request) => {
      if (request.type === "GET /v1/version") return { body: '{"version":"v2.40.0"}' };
      if (request.type === "get_inconsistent_metadata") return { body: '{"is_consistent":true,"inconsistent_objects":[]}' };
      return exportAnswer("rel");
    });
  });
  after(async () => {
    await resetRuntime();
    await hasura.stop();
  });

  it("fails configure, then every later call with the same message, and sends Hasura nothing", async () => {
    await resetRuntime();
    const config = { "hasura:batchWindowMs": "soon" } as Record<string, string>;
    await assert.rejects(provider.configure!({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } }), badConfig);
    await assert.rejects(provider.read!(id, { endpoint: hasura.url }), badConfig);
    await assert.rejects(provider.check!({}, inputsFor(hasura.url, "rel")), badConfig);
    await assert.rejects(provider.create!(inputsFor(hasura.url, "rel")), badConfig);
    await assert.rejects(provider.delete!(id, inputsFor(hasura.url, "rel")), badConfig);
    assert.deepEqual(hasura.asked, {});
  });

  it("a configure that succeeds afterwards puts the provider back to work", async () => {
    await configureProvider({ "hasura:validateLive": "false" });
    const read = await provider.read!(id, { endpoint: hasura.url });
    assert.equal(read.id, id);
  });
});
