/** The library: the resources, and their dynamic providers for advanced use and tests. */
import type * as providers from "./provider";

export * from "./sdk";
export { formatRelationshipId, parseRelationshipId } from "./provider/resources/remoteRelationship/id";
export { formatRemoteSchemaRelationshipId, parseRemoteSchemaRelationshipId } from "./provider/resources/remoteSchemaRelationship/id";

/** The dynamic provider of `RemoteRelationship` (what the engine's provider host runs). */
export declare const remoteRelationshipProvider: typeof providers.remoteRelationshipProvider;
/** The dynamic provider of `RemoteSchemaRelationship`. */
export declare const remoteSchemaRelationshipProvider: typeof providers.remoteSchemaRelationshipProvider;

// The providers load on first use. A program needs only the resources: the providers run in the
// engine's provider host, a process of their own, and loading them (their HTTP client, schemas and
// GraphQL, about a quarter of a second) would hold back the program's first resource.
for (const name of ["remoteRelationshipProvider", "remoteSchemaRelationshipProvider"] as const) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => loadProviders()[name] });
}

function loadProviders(): typeof providers {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: import would load it with this file
  return require("./provider");
}
