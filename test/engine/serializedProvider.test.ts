import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import { providerModuleReference } from "../../provider/handle";
import { nodeBinary, repoRoot } from "../../scripts/pulumiCli";
import { tempDir } from "../../scripts/localStack";
import { providerTextOf010, serializeProvider } from "../support/serializedProvider";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";

/** Runs a serialized provider's CRUD in a fresh Node process, as the dynamic provider host loads it, and returns each step's result. */
async function runSerialized(text: string, endpoint: string): Promise<Record<string, unknown>> {
  const file = path.join(tempDir("serialized"), "provider.js");
  writeFileSync(file, text);
  const script = path.join(__dirname, "..", "support", "runSerializedProvider.js");
  const { stdout } = await promisify(execFile)(nodeBinary(), [script, file, endpoint], { env: { ...process.env, TEST_ADMIN_SECRET: conformanceSecret } });
  return Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { step: string; value: unknown })
      .map(({ step, value }) => [step, value]),
  );
}

/** The state keeps a small reference to the package, and that reference drives CRUD in a fresh process. */
describe("the serialized provider", () => {
  let server: RunningHasuraServer;
  let text: string;
  before(async () => {
    server = await startConformanceHasura();
    text = await serializeProvider();
  });
  after(() => server.stop());

  it("is a small reference to the package's provider module, holding none of its code and no secret", () => {
    assert.match(text, /^exports\.handler = /);
    assert.ok(text.length < 200, `${text.length} characters`);
    assert.ok(text.includes(JSON.stringify(path.join(repoRoot, "dist", "provider", "index.js"))), text);
    assert.equal(text.includes(conformanceSecret), false);
    assert.doesNotMatch(text, /undici|zod|export_metadata/);
  });

  it("names the package rather than a path when the package is installed in node_modules", () => {
    const installed = path.join("/home/u/app", "node_modules", "pulumi-hasura-remote-relationships", "dist", "provider", "index.js");
    assert.equal(providerModuleReference(installed), "pulumi-hasura-remote-relationships/dist/provider/index.js");
    const pnpm = path.join("/home/u/app", "node_modules", ".pnpm", "p@1.0.0", "node_modules", "p", "dist", "provider", "index.js");
    assert.equal(providerModuleReference(pnpm), "p/dist/provider/index.js");
  });

  for (const [release, textOf] of [
    ["this release", () => text],
    ["0.1.0 (code by value)", providerTextOf010],
  ] as const) {
    it(`creates, reads, updates and deletes from a fresh process: ${release}`, async () => {
      const steps = await runSerialized(textOf(), server.url);
      assert.equal(steps.error, undefined, JSON.stringify(steps.error));
      const created = steps.create as { id: string; outs: Record<string, unknown> };
      assert.equal(created.id, "default/public/profiles/serialized");
      assert.deepEqual((steps.read as { props: unknown }).props, created.outs);
      assert.deepEqual((steps.update as { outs: { hasuraFields: string[] } }).outs.hasuraFields, ["id", "name"]);
      assert.equal(steps.delete, "ok");
      assert.deepEqual(steps.readAfterDelete, {});
      assert.match((steps.updateMissing as { message: string }).message, /does not exist in Hasura at .* anymore/);
    });
  }
});
