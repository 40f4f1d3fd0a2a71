/**
 * The data directory (engine/persistence.ts): metadata and resource_version survive a restart
 * (remote schema servers of the environment come back where the metadata expects them), and the
 * state file is written atomically — a failed or killed write leaves the previous file whole.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadState, writeFileAtomic, type WriteIo } from "../../../server/engine/persistence";
import { environmentFile, metadata, pgCreate, profileRelationships, root, startEnvServer } from "../helpers";

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "hasura-local-"));
}

async function killDuringWrites(dataDir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [join(root, "dist", "server", "boot", "cli.js"), "--environment", environmentFile, "--data-dir", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().replace("ready ", ""))));
  const writes = (async () => {
    for (let index = 0; ; index += 1) {
      await metadata({ url }, pgCreate(`r${index % 5}`)).catch(() => undefined);
      if (child.exitCode !== null || child.signalCode !== null) return;
    }
  })();
  await sleep(afterMs);
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  await writes;
}

test("persistence: metadata and resource_version survive a restart", async () => {
  const dataDir = await tempDir();
  try {
    const first = await startEnvServer({ dataDir });
    await metadata(first, pgCreate("kept"));
    const version = first.stats().resourceVersion;
    await first.stop();
    const second = await startEnvServer({ dataDir });
    try {
      assert.deepEqual(
        (profileRelationships(second) as { name: string }[]).map((r) => r.name),
        ["kept"],
      );
      assert.equal(second.stats().resourceVersion, version);
      const consistency = await metadata(second, { type: "get_inconsistent_metadata", args: {} });
      assert.deepEqual(consistency.body, { is_consistent: true, inconsistent_objects: [] });
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("persistence: a failed write leaves the old file and no temporary file", async () => {
  const dir = await tempDir();
  try {
    const file = join(dir, "state.json");
    await writeFileAtomic(file, "old");
    const crashing: WriteIo = {
      open: fs.open,
      unlink: fs.unlink,
      rename: async () => {
        throw new Error("crash before rename");
      },
    };
    await assert.rejects(writeFileAtomic(file, "new", crashing), /crash before rename/);
    assert.equal(await readFile(file, "utf8"), "old");
    assert.deepEqual(await readdir(dir), ["state.json"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("persistence: a corrupt state file stops the server from starting", async () => {
  const dataDir = await tempDir();
  try {
    await writeFile(join(dataDir, "metadata.json"), '{"resource_version": 1, "metad');
    await assert.rejects(startEnvServer({ dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("persistence: killing the server mid-writes never leaves a half-written file", async () => {
  const dataDir = await tempDir();
  try {
    for (const afterMs of [150, 230, 310]) {
      await killDuringWrites(dataDir, afterMs);
      const state = await loadState(dataDir);
      assert.ok(state !== undefined && state.resource_version >= 1);
      const restarted = await startEnvServer({ dataDir });
      await restarted.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
