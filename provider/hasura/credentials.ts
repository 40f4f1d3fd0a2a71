/**
 * A Hasura that refuses the credentials a call carried, told the same way wherever it is met (check's
 * reads, refresh, a write, destroy): which admin secret was sent, by where it was configured (never
 * the secret), and the command that sets the one this Hasura runs with.
 */

/** The admin secret a call to one Hasura carried, and where that Hasura's own secret is set. */
export interface SentCredentials {
  /** Where the secret sent was configured: `hasura:adminSecret`, `hasura:adminSecrets["https://..."]` or HASURA_GRAPHQL_ADMIN_SECRET; none was sent when undefined. */
  readonly from?: string;
  /** The key that holds this Hasura's secret: `from`, or where one would be set. */
  readonly setKey: string;
}

/** How a user sets the secret configured at `key`. */
export function setCommand(key: string): string {
  if (key === "HASURA_GRAPHQL_ADMIN_SECRET") return "`export HASURA_GRAPHQL_ADMIN_SECRET=<its admin secret>`";
  if (key === "hasura:adminSecret") return "`pulumi config set --secret hasura:adminSecret <its admin secret>`";
  return `\`pulumi config set --secret --path '${key}' <its admin secret>\``;
}

/** What the Hasura did with what was sent, after "Hasura at X". */
export function refusal(sent: SentCredentials): string {
  return sent.from === undefined ? "needs an admin secret, and none is configured for it" : `refused the admin secret from ${sent.from}`;
}

// refresh and destroy configure the provider with the stack config the last `up` recorded in the state,
// not with today's, and a secret in that config wins over the environment: after a rotation their
// refusal is a stale secret, which only running the program replaces. A secret from the environment is
// read afresh by every run, so rotating it needs nothing more.
const recordedConfigNote =
  "If it was set or changed since the last `pulumi up`: `pulumi refresh` and `pulumi destroy` do not run the program, so they send the secret " +
  "that the last `pulumi up` recorded (HASURA_GRAPHQL_ADMIN_SECRET does not override it); run them with `--run-program`, or run `pulumi up` first.";

/** Operations that refresh and destroy run on the recorded config: reads and deletes. */
const mayRunOnRecordedConfig = new Set(["read", "delete"]);

/** What to do: set the right secret, and, for what refresh and destroy run, how to make them use it. */
export function credentialsFix(sent: SentCredentials, operation?: string): string {
  const fix = sent.from === undefined ? `Set it with ${setCommand(sent.setKey)}.` : `Set the one this Hasura runs with: ${setCommand(sent.setKey)}.`;
  const recorded = operation !== undefined && mayRunOnRecordedConfig.has(operation) && sent.from !== "HASURA_GRAPHQL_ADMIN_SECRET";
  return recorded ? `${fix} ${recordedConfigNote}` : fix;
}
