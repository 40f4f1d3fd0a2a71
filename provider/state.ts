/**
 * The resource's stored outputs, as this release and every earlier one wrote them. The engine hands
 * old outputs to `diff`, `update`, `read` and `delete`, and old state lives on across upgrades, so
 * every one of those methods reads them through here.
 */
import { findJsonHazard, maxJsonDepth } from "../model";
import { remoteRelationshipInputsSchema, type RemoteRelationshipInputs } from "./inputs/schema";
import type { ProviderSettings } from "./runtime/settings";

/**
 * Outputs written by 0.1.0 or later, in today's canonical form; undefined when they cannot be read
 * as a relationship at all (then only what `endpointOf` can find is used).
 */
export function upgradeOutputs(props: unknown): RemoteRelationshipInputs | undefined {
  const { __provider: _provider, ...outputs } = (props ?? {}) as Record<string, unknown>;
  // A state nested deeper than any relationship would overflow the parser's stack: it is not one.
  if (findJsonHazard(outputs, maxJsonDepth) !== undefined) return undefined;
  const parsed = remoteRelationshipInputsSchema.safeParse(outputs);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The Hasura a stored relationship lives in: the endpoint its state names (kept there so that deletes
 * still know where to go), else the stack's `hasura:endpoint`.
 */
export function endpointOf(id: string, props: unknown, settings: ProviderSettings, operation: string): string {
  const stored = (props as { endpoint?: unknown } | undefined)?.endpoint;
  const endpoint = upgradeOutputs(props)?.endpoint ?? (typeof stored === "string" && stored !== "" ? stored : settings.endpoint);
  if (endpoint === undefined) {
    throw new Error(`Cannot ${operation} remote relationship "${id}": no endpoint is known. Set hasura:endpoint for this stack, or pass endpoint.`);
  }
  return endpoint;
}

/** The inputs that only steer `create` and are carried from inputs to outputs and from old state to new. */
export function steeringOf(props: { readonly adoptExisting?: unknown; readonly importId?: unknown } | undefined): {
  adoptExisting?: boolean;
  importId?: string;
} {
  return {
    ...(typeof props?.adoptExisting === "boolean" ? { adoptExisting: props.adoptExisting } : {}),
    ...(typeof props?.importId === "string" ? { importId: props.importId } : {}),
  };
}
