/** The library: the `RemoteRelationship` resource, and its dynamic provider for advanced use and tests. */
export * from "./sdk";
export { remoteRelationshipProvider } from "./provider";
export { formatRelationshipId, parseRelationshipId } from "./provider/relationshipId";
