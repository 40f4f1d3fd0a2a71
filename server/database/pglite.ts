/**
 * Embedded Postgres instances (PGlite: Postgres compiled to WebAssembly) for the local server's
 * sources, made cheap to start because tests start many servers. PGlite compiles its WebAssembly
 * module once per process by itself; a freshly initialised data
 * directory is made once per machine and PGlite version (initdb takes seconds) and kept, as a tar
 * snapshot, in the OS temporary directory, so that a new instance only unpacks it. Instances are
 * closed when their server stops: an open one keeps Postgres's timers, and so the process, alive.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

let version: Promise<string> | undefined;
let snapshot: Promise<Blob> | undefined;

async function readVersion(): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(dirname(require.resolve("@electric-sql/pglite")), "..", "package.json"), "utf8"));
  return typeof manifest === "object" && manifest !== null && "version" in manifest ? String(manifest.version) : "unknown";
}

/** The installed PGlite's version, which names the kept data directory. */
export function pgliteVersion(): Promise<string> {
  version ??= readVersion();
  return version;
}

/** Where the initialised data directory of this PGlite version is kept between processes. */
function snapshotFile(pglite: string): string {
  return join(tmpdir(), "hasura-local-server", `pgdata-${pglite}.tar`);
}

async function makeSnapshot(): Promise<Blob> {
  const file = snapshotFile(await pgliteVersion());
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made on this machine yet (or unreadable): run initdb once and keep the result.
  }
  const fresh = await PGlite.create({ relaxedDurability: true });
  try {
    const tarball = await fresh.dumpDataDir("none");
    const bytes = Buffer.from(await tarball.arrayBuffer());
    await mkdir(dirname(file), { recursive: true });
    // A unique temporary name, then rename: processes racing to make it never see half a file.
    const temporary = `${file}.${process.pid}.${createHash("sha1").update(String(Math.random())).digest("hex").slice(0, 8)}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    return new Blob([bytes]);
  } finally {
    await fresh.close();
  }
}

/** An empty Postgres database of its own, pristine as after initdb. */
export async function openDatabase(): Promise<PGlite> {
  snapshot ??= makeSnapshot();
  return PGlite.create({ loadDataDir: await snapshot, relaxedDurability: true });
}

/** Closes a database; its Postgres timers stop with it, so a process that is done can exit. */
export async function releaseDatabase(db: PGlite): Promise<void> {
  if (!db.closed) await db.close();
}
