import type { JsonObject } from "../../model";
import path from "node:path";
import { startHasuraServer, type HasuraServerOptions, type RunningHasuraServer } from "../../server";
import { listRemoteRelationships } from "../../scripts/hasuraAdmin";
import { repoRoot } from "../../scripts/pulumiCli";
import { remoteRelationshipProvider } from "../../provider";
import { resetRuntime } from "../../provider/runtime/runtime";
import type { RemoteRelationshipInputs } from "../../provider/resources/remoteRelationship";

/** The admin secret of the conformance environment. */
export const conformanceSecret = "conformance-secret";

/** A local Hasura with the conformance environment: tables public.profiles and custom.profiles, remote schemas user, my-remote-schema, prefixer-proxy. */
export function startConformanceHasura(options: HasuraServerOptions = {}): Promise<RunningHasuraServer> {
  return startHasuraServer({ environment: path.join(repoRoot, "conformance", "environment.yaml"), ...options });
}

/**
 * Configures the in-process provider as the dynamic provider host would, from stack config values,
 * starting afresh: nothing cached by earlier cases (snapshots, introspections, API choice) is used.
 */
export async function configureProvider(config: Record<string, string>): Promise<void> {
  await resetRuntime();
  await remoteRelationshipProvider.configure({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } });
}

/** The remote relationships Hasura holds on a table, by name, as exported. */
export function relationshipsOn(server: RunningHasuraServer, table: { schema: string; name: string }, source = "default"): Record<string, unknown> {
  const listed = listRemoteRelationships(server.exportMetadata() as unknown as JsonObject).filter(
    (entry) => entry.source === source && entry.table === `${table.schema}.${table.name}`,
  );
  return Object.fromEntries(listed.map((relationship) => [relationship.name, relationship.definition]));
}

/** Canonical inputs of a relationship `name` on public.profiles joining remote schema "user" by id, as check returns them. */
export function inputsFor(endpoint: string, name: string, overrides: Partial<RemoteRelationshipInputs> = {}): RemoteRelationshipInputs {
  return {
    endpoint,
    source: "default",
    table: { schema: "public", name: "profiles" },
    name,
    hasuraFields: ["id"],
    remoteSchema: "user",
    remoteField: { user: { arguments: { id: "$id" } } },
    ...overrides,
  };
}

/** A relationship on public.profiles as a program declares it (before check): to remote schema "user" by id, unless `change` says otherwise. */
export function profilesRelationship(endpoint: string, change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    endpoint,
    name: "rel",
    table: "profiles",
    hasuraFields: ["id"],
    remoteSchema: "user",
    remoteField: { user: { arguments: { id: "$id" } } },
    ...change,
  };
}
