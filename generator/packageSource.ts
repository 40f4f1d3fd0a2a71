/**
 * Where the running copy of this package came from, so that a generated project depends on exactly
 * that: the registry's version when npm installed it from a registry, the very tarball it was
 * installed from otherwise (`npx --package=./pulumi-hasura-remote-relationships-0.2.0.tgz ...`), and,
 * when it runs from a clone of its repository, the tarball `npm pack` makes there.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** How a project depends on this package, and what must happen before `npm install` can. */
export type PackageSource =
  | { readonly kind: "registry"; readonly dependency: string }
  | { readonly kind: "tarball"; readonly dependency: string; readonly tarball: string; readonly present: boolean }
  | { readonly kind: "clone"; readonly dependency: string; readonly folder: string; readonly tarball: string };

/** What the decision reads of the file system. */
export interface Files {
  /** A file's text, or undefined when it is not there. */
  text(file: string): string | undefined;
  exists(file: string): boolean;
}

const localFiles: Files = { text: (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined), exists: existsSync };

/** The package's own name and version, as its package.json says. */
export interface PackageIdentity {
  readonly name: string;
  readonly version: string;
}

/**
 * The source of the package whose root folder is `root`. npm records how it installed each package
 * in the install's lockfile (`node_modules/.package-lock.json`, else `package-lock.json`): a `file:`
 * tarball or a registry URL. Another package manager keeps no such record: then the registry is assumed.
 */
export function packageSourceOf(root: string, identity: PackageIdentity, files: Files = localFiles): PackageSource {
  const parts = path.resolve(root).split(path.sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) {
    // npm pack names its tarball after the package: a scope's "@" dropped, its "/" made "-".
    const tarball = path.join(root, `${identity.name.replace(/^@/, "").replace("/", "-")}-${identity.version}.tgz`);
    return { kind: "clone", dependency: `file:${tarball}`, folder: path.resolve(root), tarball };
  }
  const installRoot = parts.slice(0, at).join(path.sep) || path.sep;
  const entry = parts.slice(at).join("/");
  const resolved = lockEntryResolved(installRoot, entry, files);
  if (resolved !== undefined && resolved.startsWith("file:")) {
    const tarball = path.resolve(installRoot, resolved.slice("file:".length));
    return { kind: "tarball", dependency: `file:${tarball}`, tarball, present: files.exists(tarball) };
  }
  return { kind: "registry", dependency: `^${identity.version}` };
}

/** The `resolved` of a package in the install's lockfile, when it records one. */
function lockEntryResolved(installRoot: string, entry: string, files: Files): string | undefined {
  for (const lockfile of [path.join(installRoot, "node_modules", ".package-lock.json"), path.join(installRoot, "package-lock.json")]) {
    const text = files.text(lockfile);
    if (text === undefined) continue;
    try {
      const resolved = (JSON.parse(text) as { packages?: Record<string, { resolved?: unknown }> }).packages?.[entry]?.resolved;
      if (typeof resolved === "string") return resolved;
    } catch {
      // A lockfile npm cannot have written tells nothing; the next one may.
    }
  }
  return undefined;
}
