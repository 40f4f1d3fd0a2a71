/**
 * `pulumi-hasura-remote-relationships generate`: from a live Hasura to a ready Pulumi TypeScript
 * project that declares every remote relationship it holds, each with the `import` option set to its
 * ID, so that the first `pulumi up` takes them all over without writing to Hasura.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GenerateOptions } from "./arguments";
import { heldRelationships } from "./declarations";
import { inventoryOf, refusedByCheck, type Inventory } from "./inventory";
import { readLiveHasura } from "./liveHasura";
import { packageSourceOf, type PackageSource } from "./packageSource";
import { ensureWritable, projectFiles, projectNameFor, writeProject } from "./project";
import { withProviderCheck } from "./providerCheck";

export { parseCommand, usage, type Command, type GenerateOptions } from "./arguments";
export { declarers, heldRelationships, type HeldEntry, type Place, type ResourceType } from "./declarations";
export { CommandError } from "./errors";
export { inventoryOf, refusedByCheck, resourceNameOf, type Declaration, type Inventory, type Skipped } from "./inventory";
export { packageSourceOf, type PackageSource } from "./packageSource";
export { renderAdoption, renderProgram } from "./program";
export { ensureWritable, projectFileNames, projectFiles, projectNameFor, writeProject } from "./project";

/** What a run found and wrote. */
export interface GenerateReport {
  readonly endpoint: string;
  /** How the metadata was read: `/v1/metadata` or `/v1/query`, and the server's version when it says. */
  readonly api: string;
  readonly version?: string;
  readonly inventory: Inventory;
  readonly dir: string;
  readonly projectName: string;
  /** This package's name, as the next steps run its bin. */
  readonly packageName: string;
  readonly files: readonly string[];
  /** Where the package.json it wrote installs this package from. */
  readonly packageSource: PackageSource;
}

/** The folder this package is installed in (or cloned to): the one its package.json is in. */
export const packageRoot = path.join(__dirname, "..", "..");

/** This package's name and version, and the `@pulumi/pulumi` range a generated project depends on (its peer range's floor, with `^`). */
export function packageFacts(): { readonly name: string; readonly version: string; readonly pulumiRange: string } {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as {
    name: string;
    version: string;
    peerDependencies: Record<string, string>;
  };
  const floor = /^>=\s*(\d+\.\d+\.\d+)/.exec(manifest.peerDependencies["@pulumi/pulumi"] ?? "");
  return { name: manifest.name, version: manifest.version, pulumiRange: floor === null ? "^3.0.0" : `^${floor[1]}` };
}

/** Reads the metadata, decides what to declare, and writes the project. Throws a CommandError with the fix. */
export async function generate(options: GenerateOptions, adminSecret: string | undefined): Promise<GenerateReport> {
  const facts = packageFacts();
  ensureWritable(options.out, options.force);
  const live = await readLiveHasura(options.endpoint, adminSecret);
  const held = heldRelationships(live.snapshot.metadata, live.inconsistencies, options.endpoint);
  const refused = await withProviderCheck(options.endpoint, adminSecret, (check) => refusedByCheck(held, check));
  const inventory = inventoryOf(held, refused);
  const projectName = options.name ?? projectNameFor(options.out);
  const packageSource = packageSourceOf(packageRoot, facts);
  const files = projectFiles(inventory, {
    name: projectName,
    endpoint: options.endpoint,
    packageName: facts.name,
    packageVersion: facts.version,
    packageDependency: packageSource.dependency,
    pulumiRange: facts.pulumiRange,
  });
  writeProject(options.out, files);
  return {
    endpoint: options.endpoint,
    api: live.api === "metadata" ? "/v1/metadata" : "/v1/query",
    version: live.version,
    inventory,
    dir: path.resolve(options.out),
    projectName,
    packageName: facts.name,
    files: [...files.keys()],
    packageSource,
  };
}
