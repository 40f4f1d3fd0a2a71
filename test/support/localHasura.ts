import path from "node:path";
import { startHasuraServer, type HasuraServerOptions, type RunningHasuraServer } from "../../server";
import { repoRoot } from "../../scripts/pulumiCli";
import { remoteRelationshipProvider } from "../../provider";

/** The admin secret of the conformance environment. */
export const conformanceSecret = "conformance-secret";

/** A local Hasura with the conformance environment: tables public.profiles and custom.profiles, remote schemas user, my-remote-schema, prefixer-proxy. */
export function startConformanceHasura(options: HasuraServerOptions = {}): Promise<RunningHasuraServer> {
  return startHasuraServer({ environment: path.join(repoRoot, "conformance", "environment.yaml"), ...options });
}

/** Configures the in-process provider as the dynamic provider host would, from stack config values. */
export async function configureProvider(config: Record<string, string>): Promise<void> {
  await remoteRelationshipProvider.configure({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } });
}

/** The remote relationships Hasura holds on a table, by name, as exported. */
export function relationshipsOn(server: RunningHasuraServer, table: { schema: string; name: string }, source = "default"): Record<string, unknown> {
  const metadata = server.exportMetadata() as unknown as {
    sources: { name: string; tables: { table: { schema: string; name: string }; remote_relationships?: { name: string; definition: unknown }[] }[] }[];
  };
  const entry = metadata.sources.find((s) => s.name === source)?.tables.find((t) => t.table.schema === table.schema && t.table.name === table.name);
  return Object.fromEntries((entry?.remote_relationships ?? []).map((relationship) => [relationship.name, relationship.definition]));
}
