/**
 * What the state keeps of a provider: a small reference to the installed package, not a copy of its
 * code. The dynamic provider host reads a resource's `__provider` property as the text of a CommonJS
 * module whose `handler()` returns the provider (`@pulumi/pulumi/cmd/dynamic-provider`, getProvider).
 * `pulumi.dynamic.Resource` fills it by serializing the provider's closures: 67 KB of this package's
 * code per copy when loaded from the repository, 2.2 KB even for a handle that only calls `require`,
 * twice per resource (inputs and outputs), in a checkpoint the engine rewrites after every step. So
 * the resources write the module text themselves: one line that requires `provider/index.js`.
 *
 * That file and its export names are part of the state format: old state loads them by name, so they
 * must never move or be renamed.
 */
import path from "node:path";

/** The providers the package exports from `provider/index.js`. */
export type ProviderExport = "remoteRelationshipProvider" | "remoteSchemaRelationshipProvider";

/**
 * How the provider host finds `provider/index.js`: by package name when the package is installed in
 * a `node_modules` folder (resolved from the program's folder, as a user has it), else by absolute
 * path (this repository's own tests, demo and bench, which load it from the working copy).
 */
export function providerModuleReference(entry: string = path.join(__dirname, "index.js")): string {
  const parts = entry.split(path.sep);
  // The last node_modules segment, so that pnpm's .pnpm/<pkg>@<version>/node_modules/<pkg> works too.
  const at = parts.lastIndexOf("node_modules");
  return at < 0 ? entry : parts.slice(at + 1).join("/");
}

/** The `__provider` text of a resource: a module whose `handler()` loads the named provider from the package. */
export function providerModuleText(exportName: ProviderExport, reference: string = providerModuleReference()): string {
  return `exports.handler = function () { return require(${JSON.stringify(reference)})[${JSON.stringify(exportName)}]; };\n`;
}
