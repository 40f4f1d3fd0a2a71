/**
 * Removes what tsc left in dist/ from sources that no longer exist: tsc writes outputs but never deletes
 * them, so a renamed or deleted module would otherwise stay in dist/, be packed into the published
 * package, and a deleted test would still run. An output is kept when its source is there: `X.ts` for
 * `dist/X.js`, `X.d.ts`, `X.js.map`; anything else in dist/ is left alone.
 */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./repoPaths";

/** The source a file in dist/ was compiled from, relative to the root; undefined for files tsc does not make. */
export function sourceOf(outputRelative: string): string | undefined {
  const match = /^(.*)\.(js|d\.ts|js\.map|d\.ts\.map)$/.exec(outputRelative);
  return match === null ? undefined : `${match[1]}.ts`;
}

/** Deletes every output under `distDir` whose source is not under `root`; resolves with what it deleted, relative to dist/. */
export function pruneBuild(root: string = repoRoot, distDir: string = path.join(root, "dist")): string[] {
  const removed: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(distDir, relative))) {
      const child = path.join(relative, entry);
      if (statSync(path.join(distDir, child)).isDirectory()) walk(child);
      else {
        const source = sourceOf(child);
        if (source !== undefined && !existsSync(path.join(root, source))) {
          rmSync(path.join(distDir, child));
          removed.push(child);
        }
      }
    }
  };
  if (existsSync(distDir)) walk("");
  return removed;
}

if (require.main === module) {
  const removed = pruneBuild();
  if (removed.length > 0) console.log(`Removed ${removed.length} stale file(s) from dist/ whose source is gone: ${removed.join(", ")}`);
}
