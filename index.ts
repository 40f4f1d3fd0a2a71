/** The library: the resources, and their dynamic providers for advanced use and tests. */
export * from "./sdk";
export { remoteRelationshipProvider, remoteSchemaRelationshipProvider } from "./provider";
export { formatRelationshipId, parseRelationshipId } from "./provider/resources/remoteRelationship/id";
export { formatRemoteSchemaRelationshipId, parseRemoteSchemaRelationshipId } from "./provider/resources/remoteSchemaRelationship/id";
