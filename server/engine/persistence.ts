/**
 * The data directory: committed metadata and its `resource_version` in `metadata.json`, written
 * atomically (a temporary file in the same directory, flushed, then renamed over the old one), so
 * a crash leaves either the old file or the new one, never half of one.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { isJsonObject, type JsonObject } from "../../model";

/** What the data directory holds. */
export interface PersistedState {
  resource_version: number;
  metadata: JsonObject;
  /** URLs of the remote schema servers an environment started, by name, so a restart can reuse their ports. */
  environment_remote_schemas?: Record<string, string>;
}

/** The file operations an atomic write uses; replaceable in tests to simulate a crash. */
export interface WriteIo {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const realIo: WriteIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

let counter = 0;

/** Writes `text` to `path` so that readers only ever see the old or the new content. */
export async function writeFileAtomic(path: string, text: string, io: WriteIo = realIo): Promise<void> {
  counter += 1;
  const temporary = `${path}.${process.pid}.${counter}.tmp`;
  try {
    const handle = await io.open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temporary, path);
  } catch (error) {
    await io.unlink(temporary).catch(() => undefined);
    throw error;
  }
  // Flush the directory entry too, so the rename itself survives a power loss.
  const directory = await fs.open(join(path, ".."), "r").catch(() => undefined);
  await directory?.sync().catch(() => undefined);
  await directory?.close();
}

/** The path of the state file in `dataDir`. */
export function stateFile(dataDir: string): string {
  return join(dataDir, "metadata.json");
}

/** Reads the data directory; undefined when it holds no state yet. Throws on a corrupt file. */
export async function loadState(dataDir: string): Promise<PersistedState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(stateFile(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed) || typeof parsed.resource_version !== "number" || !isJsonObject(parsed.metadata)) {
    throw new Error(`The data file ${stateFile(dataDir)} is not a metadata state file.`);
  }
  const state: PersistedState = { resource_version: parsed.resource_version, metadata: parsed.metadata };
  if (isJsonObject(parsed.environment_remote_schemas)) {
    const urls: Record<string, string> = {};
    for (const [name, url] of Object.entries(parsed.environment_remote_schemas)) if (typeof url === "string") urls[name] = url;
    state.environment_remote_schemas = urls;
  }
  return state;
}

/** Writes the state into `dataDir` (created if missing), atomically. */
export async function saveState(dataDir: string, state: PersistedState): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}
