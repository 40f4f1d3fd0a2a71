import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import { tempDir, type LocalStack } from "../../scripts/localStack";
import { programOf, stackFor, userOfProfile } from "../support/e2e";
import { relationshipsOn, startConformanceHasura } from "../support/localHasura";

/** Scenarios 6 and 7: one program, two stacks with their own endpoint and secret; the secrets stay secret. */
describe("per-environment stacks", () => {
  const secrets = { dev: "dev-admin-secret-5f1c", prod: "prod-admin-secret-9a7e" };
  let dev: RunningHasuraServer;
  let prod: RunningHasuraServer;
  let devStack: LocalStack;
  let prodStack: LocalStack;
  const workDir = tempDir("stacks-work");
  const backendDir = tempDir("stacks-backend");
  const profiles = { schema: "public", name: "profiles" };
  const program = programOf(() => [
    { resource: "user-of-profile", args: userOfProfile("userOfProfile") },
    { resource: "second", args: userOfProfile("second") },
  ]);

  before(async () => {
    dev = await startConformanceHasura({ adminSecret: secrets.dev });
    prod = await startConformanceHasura({ adminSecret: secrets.prod });
    devStack = await stackFor(dev, { program, stackName: "dev", workDir, backendDir, adminSecret: secrets.dev });
    prodStack = await stackFor(prod, { program, stackName: "prod", workDir, backendDir, adminSecret: secrets.prod });
  });
  after(async () => {
    await devStack?.destroy().catch(() => undefined);
    await prodStack?.destroy().catch(() => undefined);
    await dev?.stop();
    await prod?.stop();
  });

  it("6. keeps each stack's endpoint and encrypted secret in Pulumi.<stack>.yaml", () => {
    const devConfig = readFileSync(path.join(workDir, "Pulumi.dev.yaml"), "utf8");
    const prodConfig = readFileSync(path.join(workDir, "Pulumi.prod.yaml"), "utf8");
    assert.match(devConfig, new RegExp(`hasura:endpoint: ${dev.url}`));
    assert.match(prodConfig, new RegExp(`hasura:endpoint: ${prod.url}`));
    assert.match(devConfig, /hasura:adminSecret:\s+secure: /);
    assert.equal(devConfig.includes(secrets.dev), false);
  });

  it("6. each stack creates its relationships in its own Hasura", async () => {
    await devStack.up();
    await prodStack.up();
    assert.deepEqual(Object.keys(relationshipsOn(dev, profiles)).sort(), ["second", "userOfProfile"]);
    assert.deepEqual(Object.keys(relationshipsOn(prod, profiles)).sort(), ["second", "userOfProfile"]);
  });

  it("6. destroying dev leaves prod untouched", async () => {
    const prodBefore = prod.exportMetadata();
    await devStack.destroy();
    assert.deepEqual(relationshipsOn(dev, profiles), {});
    assert.deepEqual(prod.exportMetadata(), prodBefore);
    await prodStack.refresh({ expectNoChanges: true });
  });

  it("7. the admin secrets appear nowhere in the exported state, the engine's output or any file the runs wrote", async () => {
    const prodState = await prodStack.exportText();
    // The default provider's inputs hold the stack config: the secret is there, encrypted.
    assert.match(prodState, /"hasura:adminSecret": \{\s*"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",\s*"ciphertext": "/);
    const texts = [prodState, await devStack.exportText(), ...devStack.output, ...prodStack.output, ...filesUnder(workDir), ...filesUnder(backendDir)];
    for (const secret of Object.values(secrets)) {
      assert.equal(texts.filter((text) => text.includes(secret)).length, 0, "an admin secret leaked");
    }
    assert.ok(texts.length > 4);
  });
});

function filesUnder(dir: string): string[] {
  const texts: string[] = [];
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) texts.push(...filesUnder(file));
    else if (statSync(file).size < 20_000_000) texts.push(readFileSync(file, "latin1"));
  }
  return texts;
}
