export { RemoteRelationship } from "./remoteRelationship";
export type { RemoteRelationshipArgs, RemoteFieldArgs, RemoteFieldCallArgs, TableArgs } from "./remoteRelationship";
