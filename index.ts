/** The library: the resources, and their dynamic providers for advanced use and tests. */
export * from "./sdk";
export { remoteRelationshipProvider, remoteSchemaRelationshipProvider } from "./provider";
export { formatRelationshipId, formatRemoteSchemaRelationshipId, parseRelationshipId, parseRemoteSchemaRelationshipId } from "./provider/relationshipId";
