/**
 * The local Hasura-compatible metadata server: start it in-process with `startHasuraServer`, or
 * start a GraphQL server for a remote schema with `startRemoteSchemaServer`. See
 * docs/local-hasura-server.md.
 */
export { startHasuraServer, DEFAULT_SERVER_VERSION } from "./start";
export { startRemoteSchemaServer, type RunningRemoteSchemaServer } from "./remote-schema-server";
export type {
  FaultController,
  FaultSpec,
  HasuraMetadata,
  HasuraRemoteRelationshipJson,
  HasuraRemoteSchemaJson,
  HasuraServerOptions,
  HasuraSourceJson,
  HasuraTableJson,
  ResetWhen,
  RunningHasuraServer,
  ServerStats,
  TableSpec,
} from "./types";
