export { RemoteRelationship } from "./remoteRelationship";
export type { RemoteRelationshipArgs, RemoteFieldArgs, RemoteFieldCallArgs, TableArgs, ToSourceArgs } from "./remoteRelationship";
export { RemoteSchemaRelationship } from "./remoteSchemaRelationship";
export type { RemoteSchemaRelationshipArgs, ToRemoteSchemaArgs } from "./remoteSchemaRelationship";
