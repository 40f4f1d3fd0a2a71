/**
 * Which admin secret goes to which Hasura. The stack's `hasura:adminSecret` (or HASURA_GRAPHQL_ADMIN_SECRET)
 * belongs to the stack's `hasura:endpoint` alone; any other Hasura gets the secret configured for it in
 * `hasura:adminSecrets`, keyed by its endpoint. A resource names its endpoint, and a program may take
 * endpoints from data (a stack reference, a generated file), so an endpoint without a secret of its own
 * never gets another Hasura's: it is refused, with the fix, before anything is sent.
 */
import { credentialsFix, refusal, setCommand, type SentCredentials } from "../hasura/credentials";
import { canonicalEndpoint } from "../inputs/fields";

/** One admin secret and the one Hasura it is sent to. */
export interface AdminSecret {
  /** The Hasura it belongs to, canonical (origin and base path); undefined when the stack's secret has no `hasura:endpoint` to go to. */
  readonly endpoint: string | undefined;
  readonly secret: string;
  /** Where it was configured, for messages (never the secret): `hasura:adminSecret`, `hasura:adminSecrets["https://..."]`, ... */
  readonly from: string;
  /** True for the stack's own secret (`hasura:adminSecret` or the environment), which belongs to `hasura:endpoint`. */
  readonly ofStack: boolean;
}

/** What goes to one endpoint: its secret, no secret (none is configured anywhere), or nothing at all, with why. */
export type SecretRoute =
  | { readonly kind: "secret"; readonly secret: string; readonly from: string }
  | { readonly kind: "none" }
  | { readonly kind: "refused"; readonly reason: string };

/** How a user removes the secret configured at `from`. */
function removeCommand(from: string): string {
  if (from === "HASURA_GRAPHQL_ADMIN_SECRET") return "`unset HASURA_GRAPHQL_ADMIN_SECRET`";
  if (from === "hasura:adminSecret") return "`pulumi config rm hasura:adminSecret`";
  return `\`pulumi config rm --path '${from}'\``;
}

/** The config key that holds the secret of the Hasura at `endpoint`, as `pulumi config set --path` takes it. */
export function perEndpointKey(endpoint: string): string {
  return `hasura:adminSecrets[${JSON.stringify(endpoint)}]`;
}

/**
 * Reads the secrets: the stack's, from `hasura:adminSecret` or else HASURA_GRAPHQL_ADMIN_SECRET, for
 * `stackEndpoint`; and each entry of `hasura:adminSecrets` (an object from endpoint to secret, as the
 * engine passes it or as JSON text) for its endpoint. A malformed value is an error that names its key,
 * never a secret.
 */
export function readAdminSecrets(
  get: (key: string) => unknown,
  env: Readonly<Record<string, string | undefined>>,
  stackEndpoint: string | undefined,
): readonly AdminSecret[] {
  const fromConfig = get("hasura:adminSecret");
  const stack =
    fromConfig !== undefined
      ? { secret: fromConfig, from: "hasura:adminSecret" }
      : env.HASURA_GRAPHQL_ADMIN_SECRET !== undefined
        ? { secret: env.HASURA_GRAPHQL_ADMIN_SECRET, from: "HASURA_GRAPHQL_ADMIN_SECRET" }
        : undefined;
  const secrets: AdminSecret[] = [];
  if (stack !== undefined) {
    checkAdminSecret(stack.secret, stack.from);
    const endpoint = stackEndpoint === undefined ? undefined : canonicalEndpoint(stackEndpoint);
    secrets.push({ endpoint, secret: stack.secret, from: stack.from, ofStack: true });
  }
  for (const entry of perEndpointSecrets(get("hasura:adminSecrets"))) {
    const same = secrets.find((known) => known.endpoint === entry.endpoint);
    if (same === undefined) secrets.push(entry);
    else if (same.secret !== entry.secret) {
      throw new Error(
        `${same.from} and ${entry.from} both give the admin secret of Hasura at ${entry.endpoint}, and they differ. Keep one: ${removeCommand(entry.from)}.`,
      );
    }
  }
  return secrets;
}

/**
 * What may be sent to `endpoint`: the secret configured for it; no secret when none is configured at all
 * (a Hasura without an admin secret); otherwise nothing, and the reason with the fix. A secret configured
 * for another Hasura is never sent.
 */
export function routeSecret(secrets: readonly AdminSecret[], endpoint: string): SecretRoute {
  const target = canonicalEndpoint(endpoint);
  const own = secrets.find((entry) => entry.endpoint === target);
  if (own !== undefined) return { kind: "secret", secret: own.secret, from: own.from };
  if (secrets.length === 0) return { kind: "none" };
  const setOwn = setCommand(perEndpointKey(target));
  const stack = secrets.find((entry) => entry.ofStack);
  const reason =
    stack === undefined
      ? `No admin secret is configured for Hasura at ${target} (hasura:adminSecrets holds secrets of other Hasuras only, and those are never sent to it). Give it its own with ${setOwn}.`
      : stack.endpoint === undefined
        ? `No admin secret is configured for Hasura at ${target}: the stack's admin secret (${stack.from}) is sent only to hasura:endpoint, which this stack does not set. ` +
          `If the secret is this Hasura's, \`pulumi config set hasura:endpoint ${target}\`; if not, give this Hasura its own with ${setOwn}.`
        : `No admin secret is configured for Hasura at ${target}: the stack's admin secret (${stack.from}) is sent only to hasura:endpoint (${stack.endpoint}). ` +
          `If ${target} is that same Hasura, give the resource that endpoint; if it is another, give it its own secret with ${setOwn}.`;
  return { kind: "refused", reason };
}

/**
 * What a call to `endpoint` carries under `route` (routes that send nothing are refused before any
 * call), and the key that holds that Hasura's secret: the stack's own key for `hasura:endpoint`, its
 * entry of `hasura:adminSecrets` for any other.
 */
export function sentCredentials(route: SecretRoute, endpoint: string, stackEndpoint: string | undefined): SentCredentials {
  if (route.kind === "secret") return { from: route.from, setKey: route.from };
  const target = canonicalEndpoint(endpoint);
  const ofStack = stackEndpoint !== undefined && canonicalEndpoint(stackEndpoint) === target;
  return { setKey: ofStack ? "hasura:adminSecret" : perEndpointKey(target) };
}

/**
 * Why Hasura at `endpoint` refused this process's credentials, in Hasura's words (`answer`), and the
 * fix: which secret was sent, or that none is configured for it, and the command that sets the right one.
 */
export function credentialsReason(route: SecretRoute, endpoint: string, stackEndpoint: string | undefined, answer: string): string {
  const sent = sentCredentials(route, endpoint, stackEndpoint);
  return `Hasura at ${canonicalEndpoint(endpoint)} ${refusal(sent)} (${answer}). ${credentialsFix(sent)}`;
}

/**
 * True when `endpoint` is plain http to a host other than this machine: a secret sent there crosses the
 * network readable by anyone on the way.
 */
export function sendsInClear(endpoint: string): boolean {
  const url = new URL(endpoint);
  if (url.protocol !== "http:") return false;
  const host = url.hostname.toLowerCase();
  const loopback = host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  return !loopback;
}

/** The entries of `hasura:adminSecrets`: JSON text or an object, from endpoint to secret. */
function perEndpointSecrets(value: unknown): AdminSecret[] {
  if (value === undefined) return [];
  const fix = "Set each entry with `pulumi config set --secret --path 'hasura:adminSecrets[\"https://hasura.example.com\"]' <its admin secret>`.";
  let map: unknown = value;
  if (typeof value === "string") {
    try {
      map = JSON.parse(value);
    } catch {
      throw new Error(`hasura:adminSecrets is not an object from endpoint to admin secret. ${fix}`);
    }
  }
  if (typeof map !== "object" || map === null || Array.isArray(map))
    throw new Error(`hasura:adminSecrets is not an object from endpoint to admin secret. ${fix}`);
  const entries: AdminSecret[] = [];
  for (const [key, secret] of Object.entries(map)) {
    const from = perEndpointKey(key);
    const endpoint = endpointKey(key, from);
    if (typeof secret !== "string") throw new Error(`${from} is not a string. ${fix}`);
    checkAdminSecret(secret, from);
    const same = entries.find((entry) => entry.endpoint === endpoint);
    if (same !== undefined && same.secret !== secret) throw new Error(`${same.from} and ${from} name the same Hasura with different secrets. Keep one.`);
    if (same === undefined) entries.push({ endpoint, secret, from, ofStack: false });
  }
  return entries;
}

/** A key of `hasura:adminSecrets` in canonical form; an error naming the key when it is not Hasura's base URL. */
function endpointKey(key: string, from: string): string {
  let url: URL;
  try {
    url = new URL(key.trim());
  } catch {
    throw new Error(`${from}: the key is not an http(s) URL. Key each secret by its Hasura's base URL, as the resources' endpoint gives it.`);
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new Error(`${from}: the key is not Hasura's base URL (http or https, no user, query or fragment). Key each secret by its Hasura's base URL.`);
  }
  return canonicalEndpoint(key);
}

/**
 * An admin secret must be a non-empty value an HTTP header can carry, or every call would fail with an
 * error that seems to be about the endpoint or the secret's value. The message names where the secret
 * came from, never the secret.
 */
function checkAdminSecret(secret: unknown, from: string): asserts secret is string {
  if (typeof secret !== "string") throw new Error(`The admin secret in ${from} is not a string. Set it again with \`pulumi config set --secret\`.`);
  if (secret === "") {
    throw new Error(
      `The admin secret in ${from} is empty (a shell variable that was not set gives an empty value), and no Hasura has an empty admin secret. ` +
        `Set it with ${setCommand(from)}, or, if this Hasura has no admin secret, ${removeCommand(from)}.`,
    );
  }
  if (/[^\t\x20-\x7e\x80-\xff]/.test(secret)) {
    throw new Error(`The admin secret in ${from} holds a line break or another character an HTTP header cannot carry. Set it again without it.`);
  }
  if (secret.trim() !== secret) {
    throw new Error(
      `The admin secret in ${from} starts or ends with white space, which HTTP drops, so Hasura would never see it as set. Set it again without it.`,
    );
  }
}
