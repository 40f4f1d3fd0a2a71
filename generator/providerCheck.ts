/**
 * The provider's own `check`, run on a declaration exactly as `pulumi preview` will run it on the
 * program's resource: the static checks, then the live ones against the remote schemas Hasura holds.
 * So the bin never writes a declaration the first preview would refuse, with no second copy of any rule.
 */
import { remoteRelationshipProvider, remoteSchemaRelationshipProvider } from "../provider";
import { dryRunKey } from "../provider/inputs/check";
import { resetRuntime } from "../provider/runtime/runtime";
import type { ResourceType } from "./declarations";
import type { DeclarationCheck } from "./inventory";

const providers = { RemoteRelationship: remoteRelationshipProvider, RemoteSchemaRelationship: remoteSchemaRelationshipProvider } satisfies Record<
  ResourceType,
  unknown
>;

/**
 * Runs `work` with a check against the Hasura at `endpoint`, configured as a stack whose
 * `hasura:endpoint` is that endpoint and whose admin secret is `adminSecret`; the provider's
 * connections are closed afterwards, so that the process can end.
 */
export async function withProviderCheck<T>(endpoint: string, adminSecret: string | undefined, work: (check: DeclarationCheck) => Promise<T>): Promise<T> {
  const config: Readonly<Record<string, string | undefined>> = { "hasura:endpoint": endpoint, "hasura:adminSecret": adminSecret };
  const get = (key: string) => config[key];
  const require = (key: string) => {
    const value = get(key);
    if (value === undefined) throw new Error(`${key} is not set.`);
    return value;
  };
  try {
    // Both providers share one runtime: configuring one configures it for both.
    await remoteRelationshipProvider.configure({ config: { get, require } });
    return await work(async (entry) => {
      const { args } = entry.definition.declaration;
      const news = { ...Object.fromEntries(args), endpoint, importId: entry.id, [dryRunKey]: true };
      const result = await providers[entry.resourceType].check({}, news);
      return (result.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
    });
  } finally {
    await resetRuntime();
  }
}
