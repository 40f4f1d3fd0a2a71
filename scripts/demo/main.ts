/**
 * `npm run demo`: the whole life of remote relationships of every kind through the Pulumi CLI, as a user runs
 * it: the repository's Pulumi.yaml program (examples/basic), a stack with its Pulumi.demo.yaml, and
 * `pulumi` commands, told step by step, with each command and the engine's own output shown as it comes.
 * What it shows of Hasura between the steps is in narration.ts.
 */
import { isDeepStrictEqual } from "node:util";
import { listRemoteSchemaRelationships } from "../../model";
import { exportMetadata, hasuraCall, listRemoteRelationships } from "../hasuraAdmin";
import { say, showRelationships, showRequestDelta, showSecretKept, step } from "./narration";
import { createProjectStack, type ProjectStack } from "./projectStack";
import { startDemoTarget, type DemoTarget } from "./target";

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
  const stack = await createProjectStack("demo", (text) => process.stdout.write(text.replace(/^(?=.)/gm, "    │ ")));
  try {
    await tellWith(stack, target, before);
  } finally {
    stack.cleanUp();
  }
}

async function tellWith(stack: ProjectStack, target: DemoTarget, before: Awaited<ReturnType<typeof exportMetadata>>): Promise<void> {
  say(
    `The project is this repository's Pulumi.yaml, whose program is examples/basic (built to dist/). Its stack "demo" keeps its state on a local file backend in ${stack.backendDir}, and its config in Pulumi.demo.yaml, the admin secret encrypted with a passphrase.`,
  );
  await stack.pulumi("stack", "init");
  await stack.pulumi("config", "set", "hasura:endpoint", target.endpoint);
  if (target.adminSecret) await stack.setSecret("hasura:adminSecret", target.adminSecret);

  step(
    1,
    "Preview",
    "The program (examples/basic/program.ts) declares one relationship of each kind: on table users, messages -> remote schema messages and team -> remote schema teams, orders -> table orders (to_source); on remote schema teams' type Team, members -> table users. Nothing exists yet, so the plan is to create all four. The preview also checks each remote field against the remote schema as Hasura holds it.",
  );
  await stack.pulumi("preview", "--diff");

  step(
    2,
    "Up",
    "Pulumi checks the inputs, then the provider reads Hasura's metadata and creates the relationships. Those that arrive together go to Hasura as one metadata write (replace_metadata): one schema rebuild for all of them, where Hasura would rebuild once per write.",
  );
  const beforeUp = target.stats();
  await stack.pulumi("up", "--yes");
  showRequestDelta(target, beforeUp);
  await showRelationships(target);

  step(
    3,
    "A mistake preview catches",
    'Set example:messagesQuery=typo: the "messages" relationship now passes user_id, an argument the remote schema does not have. The preview asks Hasura for the remote schema and fails, naming the property and giving Hasura\'s own reason; nothing is written.',
  );
  await stack.pulumi("config", "set", "example:messagesQuery", "typo");
  const beforeTypo = target.stats();
  await stack.pulumi("preview", "--diff").then(
    () => say("Warning: the preview did not fail."),
    () => say("The preview failed as it should, before anything reached Hasura's metadata."),
  );
  showRequestDelta(target, beforeTypo);

  step(
    4,
    "An update in place",
    'Set example:messagesQuery=filter: the "messages" relationship now joins messages(where: {userId: {eq: $id}}) instead of messagesByUser. The relationship keeps its name, so this is an update, not a replacement.',
  );
  await changeConfigAndApply(stack, target, "example:messagesQuery", "filter");

  step(
    5,
    "A replacement",
    'Set example:messagesName=userMessages: a new name is another relationship, so Pulumi creates "userMessages" first, then deletes "messages".',
  );
  await changeConfigAndApply(stack, target, "example:messagesName", "userMessages");

  step(
    6,
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
  await stack.pulumi("refresh", "--yes");
  say(
    `After the refresh the state holds ${(await relationshipIdsInState(stack)).join(", ")}: "team" dropped from it, "userMessages" updated to what Hasura holds.`,
  );
  await stack.pulumi("preview", "--diff");
  await stack.pulumi("up", "--yes");
  await showRelationships(target);

  step(7, "Destroy", "Pulumi deletes every relationship it manages; Hasura's metadata is back to where it started.");
  await stack.pulumi("destroy", "--yes");
  const after = await exportMetadata(target.endpoint, target.adminSecret);
  say(
    isDeepStrictEqual(listRemoteRelationships(after), listRemoteRelationships(before)) &&
      isDeepStrictEqual(listRemoteSchemaRelationships(after), listRemoteSchemaRelationships(before))
      ? "Hasura's remote relationships are as they were before the first up."
      : "Warning: Hasura's remote relationships differ from before the first up.",
  );
  await showSecretKept(stack, target);
  say("Done. Every step above ran the Pulumi CLI on the example program, and the provider against Hasura's metadata API.");
}

/** What a user does to change a stack: set a config value, preview, up; then what Hasura received and holds. */
async function changeConfigAndApply(stack: ProjectStack, target: DemoTarget, key: string, value: string): Promise<void> {
  await stack.pulumi("config", "set", key, value);
  await stack.pulumi("preview", "--diff");
  const counts = target.stats();
  await stack.pulumi("up", "--yes");
  showRequestDelta(target, counts);
  await showRelationships(target);
}

/** The IDs of the relationships in the stack's state. */
async function relationshipIdsInState(stack: ProjectStack): Promise<string[]> {
  const state = JSON.parse(await stack.exportText()) as { deployment: { resources?: { type: string; id?: string }[] } };
  return (state.deployment.resources ?? [])
    .filter((resource) => /hasura:Remote(Schema)?Relationship$/.test(resource.type))
    .map((resource) => resource.id ?? "?");
}

main().catch((error: Error) => {
  console.error(`\nThe demo failed: ${error.message}`);
  process.exit(1);
});
