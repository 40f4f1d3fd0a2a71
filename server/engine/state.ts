/**
 * The committed state of the server (metadata plus the schema cache derived from it) and the
 * shape of a command, shared by the engine, the transaction and the command modules.
 */
import type { GraphQLSchema } from "graphql";
import type { JsonObject, JsonValue } from "../../model";
import type { Metadata } from "../metadata/records";
import type { InconsistentObject } from "../schemaCache/inconsistency";
import type { ResolvedSource } from "./sourceResolution";

/** An introspected remote schema: the schema for validation and the raw answer for `introspect_remote_schema`. */
export interface IntrospectedSchema {
  schema: GraphQLSchema;
  raw: JsonValue;
  /** The definition it was introspected with; a changed definition means introspecting again. */
  definition: JsonObject;
}

/** Metadata and schema cache; replaced as a whole when a write commits. */
export interface EngineState {
  metadata: Metadata;
  remoteSchemas: ReadonlyMap<string, IntrospectedSchema>;
  remoteSchemaFailures: ReadonlyMap<string, string>;
  inconsistencies: readonly InconsistentObject[];
  /** The sources the schema cache resolved, with the catalog read each was built from. */
  resolvedSources: ReadonlyMap<string, ResolvedSource>;
}

/** Which API a request came through; it decides how paths and some messages look. */
export type Endpoint = "/v1/metadata" | "/v1/query" | "/v2/query";
