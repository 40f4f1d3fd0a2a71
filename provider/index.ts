/**
 * The providers, as the state's handles load them (provider/handle.ts). This file and the names it
 * exports are part of the state format: never move or rename them.
 */
export { remoteRelationshipProvider } from "./resources/remoteRelationship/provider";
export type { RemoteRelationshipOutputs } from "./resources/remoteRelationship/provider";
export { remoteSchemaRelationshipProvider } from "./resources/remoteSchemaRelationship/provider";
export type { RemoteSchemaRelationshipOutputs } from "./resources/remoteSchemaRelationship/provider";
