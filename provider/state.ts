/**
 * The resource's stored outputs, as this release and every earlier one wrote them. The engine hands
 * old outputs to `diff`, `update`, `read` and `delete`, and old state lives on across upgrades, so
 * every one of those methods reads them through here.
 */
import type { z } from "zod";
import { findJsonHazard, maxJsonDepth } from "../model";
import type { ProviderSettings } from "./runtime/settings";

/** What outputs carry besides the inputs, and what a reading of them leaves out. */
const notInputs = ["__provider", "inconsistency"];

/**
 * Outputs written by 0.1.0 or later, in today's canonical form; undefined when they cannot be read
 * as the resource's inputs at all (then only what `endpointOf` can find is used).
 */
export function upgradeOutputs<S extends z.ZodObject>(schema: S, props: Readonly<Record<string, unknown>> | undefined): z.output<S> | undefined {
  const outputs = Object.fromEntries(Object.entries(props ?? {}).filter(([key]) => !notInputs.includes(key)));
  // A state nested deeper than any relationship would overflow the parser's stack: it is not one.
  if (findJsonHazard(outputs, maxJsonDepth) !== undefined) return undefined;
  const parsed = schema.safeParse(outputs);
  return parsed.success ? parsed.data : undefined;
}

/** A stored relationship as messages name it: the kind's noun and the resource's ID. */
export interface StoredSubject {
  readonly noun: string;
  readonly id: string;
}

/**
 * The Hasura a stored relationship lives in: the endpoint its state names (kept there so that deletes
 * still know where to go), else the stack's `hasura:endpoint`.
 */
export function endpointOf(subject: StoredSubject, props: { readonly endpoint?: unknown } | undefined, settings: ProviderSettings, operation: string): string {
  const stored = props?.endpoint;
  const endpoint = typeof stored === "string" && stored !== "" ? stored : settings.endpoint;
  const { noun, id } = subject;
  if (endpoint === undefined) {
    throw new Error(
      `Cannot ${operation} ${noun} "${id}": no endpoint is known. Set it for this stack with \`pulumi config set hasura:endpoint https://...\`, or pass endpoint.`,
    );
  }
  if (!URL.canParse(endpoint)) {
    throw new Error(
      `Cannot ${operation} ${noun} "${id}": the endpoint its state names, ${JSON.stringify(endpoint.slice(0, 80))}, is not a URL. Fix the state with \`pulumi stack export\` and \`pulumi stack import\`.`,
    );
  }
  return endpoint;
}

/** The inputs that only steer `create`: never a change, carried from inputs to outputs and from old state to new. */
export const steeringInputs: readonly string[] = ["adoptExisting", "importId"];

/** The steering inputs of `props`, where they are what they should be. */
export function steeringOf(props: { readonly adoptExisting?: unknown; readonly importId?: unknown } | undefined): {
  adoptExisting?: boolean;
  importId?: string;
} {
  return {
    ...(typeof props?.adoptExisting === "boolean" ? { adoptExisting: props.adoptExisting } : {}),
    ...(typeof props?.importId === "string" ? { importId: props.importId } : {}),
  };
}
