import { isDeepStrictEqual } from "node:util";
import { exampleProgram } from "../examples/basic/program";
import { startDemoTarget, type DemoTarget } from "./demo/target";
import { exportMetadata, hasuraCall, listRemoteRelationships } from "./hasuraAdmin";
import { createLocalStack, type LocalStack } from "./localStack";

/**
 * `npm run demo`: the whole life of two remote relationships through the real Pulumi engine, told
 * step by step, with the engine's own output shown as it comes.
 */
async function main(): Promise<void> {
  const target = await startDemoTarget();
  try {
    await tell(target);
  } finally {
    await target.stop();
  }
}

async function tell(target: DemoTarget): Promise<void> {
  say(`Hasura: ${target.description}.`);
  const before = await exportMetadata(target.endpoint, target.adminSecret);
  const stack = await createLocalStack({
    program: async () => exampleProgram(),
    projectName: "hasura-remote-relationships-example",
    stackName: "demo",
    config: { "hasura:endpoint": target.endpoint },
    secrets: target.adminSecret ? { "hasura:adminSecret": target.adminSecret } : {},
    onOutput: (text) => process.stdout.write(text.replace(/^(?=.)/gm, "    │ ")),
  });
  say(`Stack "demo" on a local file backend in ${stack.backendDir}; the admin secret is stack config, encrypted with a passphrase.`);

  step(
    1,
    "Preview",
    "The program (examples/basic/program.ts) declares two relationships on table users: messages -> remote schema messages, team -> remote schema teams. Nothing exists yet, so the plan is to create both.",
  );
  await stack.preview();

  step(2, "Up", "Pulumi checks the inputs, then the provider reads Hasura's metadata and creates each relationship through the metadata API.");
  await stack.up();
  await showRelationships(target);

  step(
    3,
    "An update in place",
    'Set example:messagesQuery=filter: the "messages" relationship now joins messages(where: {userId: {eq: $id}}) instead of messagesByUser. The relationship keeps its name, so this is an update, not a replacement.',
  );
  await changeConfigAndApply(stack, target, "example:messagesQuery", "filter");

  step(
    4,
    "A replacement",
    'Set example:messagesName=userMessages: a new name is another relationship, so Pulumi creates "userMessages" first, then deletes "messages".',
  );
  await changeConfigAndApply(stack, target, "example:messagesName", "userMessages");

  step(
    5,
    "Drift, found and repaired",
    'Someone deletes "team" in the Hasura console and changes "userMessages" by hand. `pulumi refresh` reads Hasura and finds both; the next `pulumi up` puts them back.',
  );
  await hasuraCall(target.endpoint, target.adminSecret, {
    type: "pg_delete_remote_relationship",
    args: { source: "default", table: { schema: "public", name: "users" }, name: "team" },
  });
  await hasuraCall(target.endpoint, target.adminSecret, {
    type: "pg_update_remote_relationship",
    args: {
      source: "default",
      table: { schema: "public", name: "users" },
      name: "userMessages",
      definition: { to_remote_schema: { remote_schema: "messages", lhs_fields: ["id"], remote_field: { messagesByUser: { arguments: { userId: "$id" } } } } },
    },
  });
  await showRelationships(target);
  const refresh = await stack.refresh();
  say(`refresh: ${JSON.stringify(refresh.summary.resourceChanges ?? {})} — "team" dropped from the state, "userMessages" updated to what Hasura holds.`);
  await stack.preview();
  await stack.up();
  await showRelationships(target);

  step(6, "Destroy", "Pulumi deletes every relationship it manages; Hasura's metadata is back to where it started.");
  await stack.destroy();
  const after = await exportMetadata(target.endpoint, target.adminSecret);
  say(
    isDeepStrictEqual(listRemoteRelationships(after), listRemoteRelationships(before))
      ? "Hasura's remote relationships are as they were before the first up."
      : "Warning: Hasura's remote relationships differ from before the first up.",
  );
  await showSecretKept(stack, target);
  say("Done. Every step above ran the real Pulumi engine and the provider against Hasura's metadata API.");
}

/** What a user does to change a stack: set a config value, preview, up; then what Hasura received and holds. */
async function changeConfigAndApply(stack: LocalStack, target: DemoTarget, key: string, value: string): Promise<void> {
  await stack.stack.setConfig(key, { value });
  await stack.preview();
  const counts = target.stats();
  await stack.up();
  showRequestDelta(target, counts);
  await showRelationships(target);
}

async function showRelationships(target: DemoTarget): Promise<void> {
  const listed = listRemoteRelationships(await exportMetadata(target.endpoint, target.adminSecret));
  say(listed.length === 0 ? "Hasura now holds no remote relationships." : "Hasura now holds:");
  for (const relationship of listed) say(`  ${relationship.table}.${relationship.name}: ${JSON.stringify(relationship.definition)}`);
}

function showRequestDelta(target: DemoTarget, before: Record<string, number> | undefined): void {
  const after = target.stats();
  if (before === undefined || after === undefined) return;
  const delta = Object.entries(after)
    .map(([type, count]) => [type, count - (before[type] ?? 0)] as const)
    .filter(([type, count]) => count > 0 && !type.includes("export_metadata") && !type.includes("version"));
  say(`Writes Hasura received during that up: ${delta.map(([type, count]) => `${count} × ${type}`).join(", ") || "none"}.`);
}

async function showSecretKept(stack: LocalStack, target: DemoTarget): Promise<void> {
  if (!target.adminSecret) return;
  const state = await stack.exportText();
  const leaked = state.includes(target.adminSecret) || stack.output.some((text) => text.includes(target.adminSecret as string));
  say(
    leaked ? "Warning: the admin secret appears in the state or the output." : "The admin secret appears nowhere in the exported state or the engine's output.",
  );
}

function step(number: number, title: string, explanation: string): void {
  console.log(`\n━━ Step ${number}: ${title} ━━`);
  say(explanation);
}

function say(text: string): void {
  console.log(`» ${text}`);
}

main().catch((error: Error) => {
  console.error(`\nThe demo failed: ${error.message}`);
  process.exit(1);
});
