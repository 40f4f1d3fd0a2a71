/**
 * The conformance runner itself: the three match rules (pure), and the command line's report,
 * exit code and environment lookup (the case directory, or its parent).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareAnswer, isSubset } from "../../conformance/runner/match";
import { ROOT } from "./helpers";

test("match: subset matches arrays in any order, each expected element to a different actual one", () => {
  assert.ok(isSubset({ a: [{ n: 2 }, { n: 1 }] }, { a: [{ n: 1, x: 0 }, { n: 2 }], b: 3 }));
  assert.ok(!isSubset({ a: [{ n: 1 }, { n: 1 }] }, { a: [{ n: 1 }] }));
  // The first expected element could take either actual one; backtracking finds the pairing.
  assert.ok(isSubset([{ k: 1 }, { k: 1, v: 2 }], [{ k: 1, v: 2 }, { k: 1 }]));
  assert.ok(!isSubset({ a: 1 }, { a: "1" }));
});

test("match: exact ignores key order, error-prefix compares status, code and prefix", () => {
  assert.equal(compareAnswer("exact", { status: 200, body: { a: 1, b: 2 } }, { status: 200, body: { b: 2, a: 1 } }), undefined);
  assert.equal(compareAnswer("exact", { status: 200, body: { a: 1 } }, { status: 200, body: { a: 1, b: 2 } }), "body differs");
  assert.equal(compareAnswer("exact", { status: 400, body: {} }, { status: 200, body: {} }), "status 200, expected 400");
  const expected = { status: 400, body: { code: "parse-failed", error_prefix: "abc" } };
  assert.equal(compareAnswer("error-prefix", expected, { status: 400, body: { code: "parse-failed", error: "abcdef", path: "$" } }), undefined);
  assert.match(String(compareAnswer("error-prefix", expected, { status: 400, body: { code: "x", error: "abc" } })), /code/);
});

function runCli(directory: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(ROOT, "dist", "conformance", "runner", "cli.js"), directory]);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout })));
}

test("runner: one line per case, a summary line, non-zero exit on a failure; environment from the parent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "conformance-"));
  try {
    await cp(join(ROOT, "conformance", "environment.yaml"), join(dir, "environment.yaml"));
    await cp(join(ROOT, "conformance", "remote-schemas"), join(dir, "remote-schemas"), { recursive: true });
    await cp(join(ROOT, "conformance", "cases", "11-v1query-delete-success.yaml"), join(dir, "cases", "11.yaml"), { recursive: true });
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
  const { code, stdout } = await runCli(join(ROOT, "conformance", "cases"));
  assert.match(stdout, /\n\d+ passed, 0 failed\n$/);
  assert.equal(code, 0);
});
