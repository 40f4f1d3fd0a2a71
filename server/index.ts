/**
 * The local Hasura-compatible metadata server's public entry: start it in-process with
 * `startHasuraServer`, or start a GraphQL server for a remote schema with
 * `startRemoteSchemaServer`. Tests, the demo and the bench depend on the names here; everything
 * else in server/ is internal. See docs/local-hasura-server.md.
 */
export { startHasuraServer, defaultServerVersion } from "./boot/start";
export { startRemoteSchemaServer, type RunningRemoteSchemaServer } from "./remoteSchemas/remoteSchemaServer";
export type { TableSpec } from "./engine/catalog";
export type { SourceSpec } from "./boot/environment";
export type { FaultController, FaultSpec, ResetWhen } from "./harness/faults";
export type { ServerStats } from "./harness/stats";
export type { HasuraServerOptions, RunningHasuraServer } from "./boot/options";
