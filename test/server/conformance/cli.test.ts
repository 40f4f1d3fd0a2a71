/**
 * The conformance runner's command line (conformance/runner/cli.ts): its report, exit code and
 * environment lookup (the case directory, or its parent).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../helpers";

function runCli(directory: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(root, "dist", "conformance", "runner", "cli.js"), directory]);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout })));
}

test("runner: one line per case, a summary line, non-zero exit on a failure; environment from the parent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "conformance-"));
  try {
    await cp(join(root, "conformance", "environment.yaml"), join(dir, "environment.yaml"));
    await cp(join(root, "conformance", "remote-schemas"), join(dir, "remote-schemas"), { recursive: true });
    await cp(join(root, "conformance", "cases", "11-v1query-delete-success.yaml"), join(dir, "cases", "11.yaml"), { recursive: true });
    const wrong =
      "id: deliberately-wrong\nrequest: {endpoint: /v1/query, auth: admin, body: {type: export_metadata, args: {}}}\nexpect: {status: 418, match: exact, body: {}}\n";
    await writeFile(join(dir, "cases", "99-wrong.yaml"), wrong);
    const { code, stdout } = await runCli(join(dir, "cases"));
    assert.deepEqual(
      stdout
        .trim()
        .split("\n")
        .map((line) => line.split(":")[0]),
      ["PASS v1query-delete-success", "FAIL deliberately-wrong", "1 passed, 1 failed"],
    );
    assert.equal(code, 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("runner: the repository cases all pass and exit 0", async () => {
  const { code, stdout } = await runCli(join(root, "conformance", "cases"));
  assert.match(stdout, /\n\d+ passed, 0 failed\n$/);
  assert.equal(code, 0);
});
