/**
 * The providers, as the state's handles load them (provider/handle.ts). This file and the names it
 * exports are part of the state format: never move or rename them.
 */
export { remoteRelationshipProvider } from "./remoteRelationshipProvider";
export type { RemoteRelationshipOutputs } from "./remoteRelationshipProvider";
export { remoteSchemaRelationshipProvider } from "./remoteSchemaRelationshipProvider";
export type { RemoteSchemaRelationshipOutputs } from "./remoteSchemaRelationshipProvider";
