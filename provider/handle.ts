/**
 * What the state keeps of a provider: a small reference to the installed package, not a copy of its
 * code. Pulumi serializes the provider object given to a dynamic resource into every resource's
 * inputs and outputs; serialized by value this package's code weighed 67 KB per copy and the engine
 * rewrites the whole checkpoint after each step, so `up` grew with N squared. The handle serialized
 * instead is a few closures around one string: where `require` finds `provider/index.js`.
 *
 * That file and its export names are part of the state format: old state loads them by name, so they
 * must never move or be renamed.
 */
import path from "node:path";
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The providers the package exports from `provider/index.js`. */
export type ProviderExport = "remoteRelationshipProvider";

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

/** A provider that loads the real one from the package at call time; this is what the state stores. */
export function providerHandle(exportName: ProviderExport, reference: string = providerModuleReference()): dynamic.ResourceProvider {
  // `require` is left free by Pulumi's serializer, so in the provider host it is the host's own require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): Required<dynamic.ResourceProvider> => require(reference)[exportName];
  return {
    configure: (request) => load().configure(request),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
  };
}
