/**
 * How the demo talks: a step's title and explanation, a line of its own, and what Hasura holds,
 * received or was never shown (the admin secret) between the steps.
 */
import { listRemoteSchemaRelationships } from "../../model";
import { exportMetadata, listRemoteRelationships } from "../hasuraAdmin";
import type { ProjectStack } from "./projectStack";
import type { DemoTarget } from "./target";

/** Prints a step's title and what it will do. */
export function step(number: number, title: string, explanation: string): void {
  console.log(`\n━━ Step ${number}: ${title} ━━`);
  say(explanation);
}

/** Prints one line of the demo's own (set apart from the engine's output by its mark). */
export function say(text: string): void {
  console.log(`» ${text}`);
}

/** Lists the remote relationships Hasura holds now, of both kinds. */
export async function showRelationships(target: DemoTarget): Promise<void> {
  const metadata = await exportMetadata(target.endpoint, target.adminSecret);
  const listed = listRemoteRelationships(metadata);
  const onTypes = listRemoteSchemaRelationships(metadata);
  say(listed.length + onTypes.length === 0 ? "Hasura now holds no remote relationships." : "Hasura now holds:");
  for (const relationship of listed) say(`  ${relationship.table}.${relationship.name}: ${JSON.stringify(relationship.definition)}`);
  for (const relationship of onTypes)
    say(
      `  remote schema ${relationship.key.remoteSchema}, type ${relationship.key.typeName}: ${relationship.key.name}: ${JSON.stringify(relationship.held.raw)}`,
    );
}

/** The metadata writes Hasura received since `before` (request counts by type), where the target can tell. */
export function showRequestDelta(target: DemoTarget, before: Readonly<Record<string, number>> | undefined): void {
  const after = target.stats();
  if (before === undefined || after === undefined) return;
  const delta = Object.entries(after)
    .map(([type, count]) => [type, count - (before[type] ?? 0)] as const)
    .filter(([type, count]) => count > 0 && /(create|update|delete)_remote|replace_metadata/.test(type));
  say(`Writes Hasura received during that up: ${delta.map(([type, count]) => `${count} × ${type}`).join(", ") || "none"}.`);
}

/** Says whether the admin secret shows anywhere in the stack's exported state or in what the CLI printed. */
export async function showSecretKept(stack: ProjectStack, target: DemoTarget): Promise<void> {
  const secret = target.adminSecret;
  if (!secret) return;
  const state = await stack.exportText();
  const leaked = state.includes(secret) || stack.output.some((text) => text.includes(secret));
  say(leaked ? "Warning: the admin secret appears in the state or the output." : "The admin secret appears nowhere in the exported state or the CLI's output.");
}
