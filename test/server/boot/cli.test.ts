/**
 * The command line (boot/cli.ts): `ready http://HOST:PORT` on one stdout line once listening, a
 * clean stop on SIGTERM and SIGINT, and a readable failure on bad flags.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { environmentFile, metadata, root } from "../helpers";

const cliPath = join(root, "dist", "server", "boot", "cli.js");

function start(args: string[]): { child: ChildProcessWithoutNullStreams; ready: Promise<string> } {
  const child = spawn(process.execPath, [cliPath, ...args]);
  const ready = new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.split("\n")[0]);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before ready`)));
  });
  return { child, ready };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test("cli: prints exactly one ready line and stops cleanly on SIGTERM", async () => {
  const { child, ready } = start(["--environment", environmentFile, "--port", "0"]);
  const line = await ready;
  assert.match(line, /^ready http:\/\/127\.0\.0\.1:\d+$/);
  const url = line.slice("ready ".length);
  assert.equal((await metadata({ url }, { type: "export_metadata", args: {} })).status, 200);
  const exit = exited(child);
  child.kill("SIGTERM");
  assert.equal(await exit, 0);
});

test("cli: stops cleanly on SIGINT; flags reach the server", async () => {
  const { child, ready } = start(["--server-version", "v1.3.3", "--admin-secret", "s", "--fail-next", "1", "--fail-status", "503"]);
  const url = (await ready).slice("ready ".length);
  const version = await fetch(`${url}/v1/version`);
  assert.deepEqual(await version.json(), { version: "v1.3.3" });
  const headers = { "X-Hasura-Admin-Secret": "s", "content-type": "application/json" };
  const failed = await fetch(`${url}/v1/query`, { method: "POST", headers, body: JSON.stringify({ type: "export_metadata", args: {} }) });
  assert.equal(failed.status, 503);
  const exit = exited(child);
  child.kill("SIGINT");
  assert.equal(await exit, 0);
});

test("cli: a bad flag fails with a message and a non-zero exit", async () => {
  const child = spawn(process.execPath, [cliPath, "--no-such-flag"]);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  assert.notEqual(await exited(child), 0);
  assert.match(stderr, /no-such-flag/);
});
