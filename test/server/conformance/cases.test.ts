/**
 * Runs every case of the repository's copy of the conformance cases (conformance/cases) as its
 * own test, through the same runner as `npm run conformance`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadCase } from "../../../conformance/runner/caseFile";
import { runCase } from "../../../conformance/runner/runner";
import { environmentFile, root } from "../helpers";

const casesDir = join(root, "conformance", "cases");

for (const name of readdirSync(casesDir)
  .filter((file) => file.endsWith(".yaml"))
  .sort()) {
  test(`conformance: ${name}`, async () => {
    const result = await runCase(await loadCase(join(casesDir, name)), environmentFile);
    assert.ok(result.passed, result.detail);
  });
}
