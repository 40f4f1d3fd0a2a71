import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import { nodeBinary } from "../../scripts/pulumiCli";
import { tempDir } from "../../scripts/localStack";
import { serializeProvider } from "../support/serializedProvider";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";

/** The provider survives Pulumi's closure serialization: its serialized text runs CRUD in a fresh Node process. */
describe("the serialized provider", () => {
  let server: RunningHasuraServer;
  let text: string;
  before(async () => {
    server = await startConformanceHasura();
    text = await serializeProvider();
  });
  after(() => server.stop());

  it("holds no module state that cannot be serialized, and no secret", () => {
    assert.match(text, /^exports\.handler = /);
    assert.equal(text.includes(conformanceSecret), false);
    assert.match(text, /require\("undici/);
    assert.match(text, /require\("zod"\)/);
  });

  it("creates, reads, updates and deletes from a fresh process", async () => {
    const file = path.join(tempDir("serialized"), "provider.js");
    writeFileSync(file, text);
    const script = path.join(__dirname, "..", "support", "runSerializedProvider.js");
    const { stdout } = await promisify(execFile)(nodeBinary(), [script, file, server.url], { env: { ...process.env, TEST_ADMIN_SECRET: conformanceSecret } });
    const steps = Object.fromEntries(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { step: string; value: unknown })
        .map(({ step, value }) => [step, value]),
    );
    assert.equal(steps.error, undefined, JSON.stringify(steps.error));
    const created = steps.create as { id: string; outs: Record<string, unknown> };
    assert.equal(created.id, "default/public/profiles/serialized");
    assert.deepEqual((steps.read as { props: unknown }).props, created.outs);
    assert.deepEqual((steps.update as { outs: { hasuraFields: string[] } }).outs.hasuraFields, ["id", "name"]);
    assert.equal(steps.delete, "ok");
    assert.deepEqual(steps.readAfterDelete, {});
    assert.match((steps.updateMissing as { message: string }).message, /does not exist in Hasura at .* anymore/);
  });
});
