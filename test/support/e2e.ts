import type { RunningHasuraServer } from "../../server";
import { RemoteRelationship, type RemoteRelationshipArgs } from "../../sdk";
import { createLocalStack, type LocalStack, type LocalStackOptions } from "../../scripts/localStack";
import { conformanceSecret } from "./localHasura";

/** One resource of a test program: its Pulumi name, its args, and resource options. */
export interface RelationshipSpec {
  readonly resource: string;
  readonly args: RemoteRelationshipArgs;
  readonly import?: string;
}

/** An inline program declaring exactly these relationships, exporting their IDs. */
export function programOf(specs: () => readonly RelationshipSpec[]) {
  return async () => {
    const ids: Record<string, unknown> = {};
    for (const spec of specs()) ids[spec.resource] = new RemoteRelationship(spec.resource, spec.args, spec.import ? { import: spec.import } : {}).id;
    return ids;
  };
}

/** The relationship args most tests start from: public.profiles joined to remote schema "user". */
export function userOfProfile(name: string, overrides: Partial<RemoteRelationshipArgs> = {}): RemoteRelationshipArgs {
  return { name, table: "profiles", hasuraFields: ["id"], remoteSchema: "user", remoteField: { user: { arguments: { id: "$id" } } }, ...overrides };
}

/** A stack against a local server, with `hasura:endpoint` and the secret `hasura:adminSecret` set as a user would. */
export function stackFor(
  server: RunningHasuraServer,
  options: Omit<LocalStackOptions, "config" | "secrets"> & { adminSecret?: string; config?: Record<string, string> },
): Promise<LocalStack> {
  return createLocalStack({
    ...options,
    config: { "hasura:endpoint": server.url, ...options.config },
    secrets: { "hasura:adminSecret": options.adminSecret ?? conformanceSecret },
    onOutput: process.env.E2E_VERBOSE ? (text) => process.stderr.write(text) : undefined,
  });
}

/** How many requests of each metadata write type the server has answered. */
export function writesOf(server: RunningHasuraServer): Record<string, number> {
  const requests = (server.stats() as unknown as { requests: Record<string, number> }).requests;
  return Object.fromEntries(
    Object.entries(requests).filter(([type]) => /(create|update|delete)_remote(_schema_remote)?_relationship|replace_metadata/.test(type)),
  );
}

/** The change in write counts between two readings, leaving out zeros. */
export function writeDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([type, count]) => [type, count - (before[type] ?? 0)] as const)
      .filter(([, count]) => count !== 0),
  );
}
