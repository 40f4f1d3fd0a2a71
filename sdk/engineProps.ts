import * as pulumi from "@pulumi/pulumi";
import { declaredByKey } from "../provider/declarations";
import { providerModuleText, type ProviderExport } from "../provider/handle";
import { dryRunKey, engineParallelKey } from "../provider/inputs/check";

/**
 * The properties and options every relationship resource registers with, besides its own inputs:
 * the endpoint's default, the `import` option turned into an input, the dynamic provider host's
 * `__provider` reference (see provider/handle.ts), and for `check` the resource's name, whether this
 * is a preview and the engine's parallelism.
 */
export function engineProps(
  resource: { readonly name: string },
  args: { readonly endpoint?: pulumi.Input<string>; readonly adoptExisting?: pulumi.Input<boolean> },
  opts: pulumi.CustomResourceOptions,
  provider: ProviderExport,
): { readonly props: Record<string, unknown>; readonly options: pulumi.CustomResourceOptions } {
  // The endpoint is an input, not provider config, so that moving a relationship to another Hasura
  // shows in the diff. A missing one is reported by check, with the fix, rather than thrown here.
  const endpoint = args.endpoint ?? new pulumi.Config("hasura").get("endpoint");
  // The engine's import cannot reach a dynamic provider (its Read carries no inputs, so the host
  // cannot find the provider's code; pulumi/pulumi#16175). The import option becomes an input
  // instead, and create takes over the existing relationship when it is provably the same one.
  const { import: importId, ...options } = opts;
  // check validates unchanged relationships against the live remote schema only in a preview, so
  // that a remote schema changed under them shows there, while an up of nothing sends nothing.
  // check gets no URN from the dynamic provider host, and needs to tell two resources declaring the
  // same relationship from one resource checked twice (provider/declarations.ts); check removes it.
  // A plain name, not the URN: an Output of the parent's URN would make the resource depend on its
  // parent, and on every child of a parent component, itself included.
  const declaredBy = resource.name;
  const props = {
    endpoint,
    adoptExisting: args.adoptExisting,
    importId,
    __provider: providerModuleText(provider),
    [dryRunKey]: pulumi.runtime.isDryRun(),
    [engineParallelKey]: engineParallelism(process.env),
    [declaredByKey]: declaredBy,
  };
  return { props, options };
}

/**
 * The engine's `--parallel` (or PULUMI_PARALLEL), as the Node.js language host tells the program
 * (PULUMI_NODEJS_PARALLEL, @pulumi/pulumi runtime/state.ts); undefined when it does not.
 */
export function engineParallelism(env: NodeJS.ProcessEnv): number | undefined {
  const parallel = Number(env.PULUMI_NODEJS_PARALLEL);
  return Number.isSafeInteger(parallel) && parallel > 0 ? parallel : undefined;
}
