/**
 * `pulumi-hasura-remote-relationships generate`: from a live Hasura to a ready Pulumi TypeScript
 * project that declares every remote relationship it holds, each with the `import` option set to its
 * ID, so that the first `pulumi up` takes them all over without writing to Hasura.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GenerateOptions } from "./arguments";
import { inventoryOf, type Inventory } from "./declarations";
import { ensureWritable, projectFiles, projectNameFor, writeProject } from "./project";
import { readMetadata } from "./readMetadata";

export { parseCommand, usage, type Command, type GenerateOptions } from "./arguments";
export { inventoryOf, resourceNameOf, type Declaration, type Inventory, type Skipped } from "./declarations";
export { GeneratorError } from "./errors";
export { renderProgram } from "./program";
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
  readonly files: readonly string[];
}

/** This package's name and version, and the `@pulumi/pulumi` range a generated project depends on (its peer range's floor, with `^`). */
export function packageFacts(): { readonly name: string; readonly version: string; readonly pulumiRange: string } {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
    peerDependencies: Record<string, string>;
  };
  const floor = /^>=\s*(\d+\.\d+\.\d+)/.exec(manifest.peerDependencies["@pulumi/pulumi"] ?? "");
  return { name: manifest.name, version: manifest.version, pulumiRange: floor === null ? "^3.0.0" : `^${floor[1]}` };
}

/** Reads the metadata, decides what to declare, and writes the project. Throws a GeneratorError with the fix. */
export async function generate(options: GenerateOptions, adminSecret: string | undefined): Promise<GenerateReport> {
  const facts = packageFacts();
  ensureWritable(options.out, options.force);
  const read = await readMetadata(options.endpoint, adminSecret);
  const inventory = inventoryOf(read.snapshot.metadata, options.endpoint);
  const projectName = options.name ?? projectNameFor(options.out);
  const files = projectFiles(inventory, {
    name: projectName,
    endpoint: options.endpoint,
    packageName: facts.name,
    packageVersion: facts.version,
    pulumiRange: facts.pulumiRange,
  });
  writeProject(options.out, files);
  return {
    endpoint: options.endpoint,
    api: read.api === "metadata" ? "/v1/metadata" : "/v1/query",
    version: read.version,
    inventory,
    dir: path.resolve(options.out),
    projectName,
    files: [...files.keys()],
  };
}
