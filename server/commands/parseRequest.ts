/**
 * Turns a request body into a `Command`, as Hasura's `RQLMetadata` (`/v1/metadata`) and
 * `RQLQuery` (`/v1/query`) parsers do, so parse failures carry Hasura's messages and paths:
 * backend commands on `/v1/metadata` wrap their message ("Error when parsing command ..."), and
 * `/v1/query` reports paths relative to the request (Hasura's derived parser adds no `args`).
 */
import type { JsonValue } from "../../model";
import { err400 } from "../base/apiError";
import { Cursor, modifyFailure, type ObjectCursor } from "../base/cursor";
import type { Endpoint } from "../engine/state";
import type { Profile } from "../schemaCache/inconsistency";
import { bulkAtomicCommand, bulkCommand, bulkKeepGoingCommand } from "./bulk";
import type { Backend, Command } from "./command";
import { backendPrefixes, otherAgnosticCommands, otherBackendCommands } from "./knownCommands";
import { addComputedFieldCommand, dropComputedFieldCommand } from "./computedFields";
import { dropInconsistentMetadataCommand } from "./dropInconsistentMetadata";
import { clearMetadataCommand, exportMetadataCommand, getInconsistentMetadataCommand, replaceMetadataCommand } from "./metadataOps";
import { reloadMetadataCommand } from "./reloadMetadata";
import { runSqlCommand } from "./runSql";
import {
  addRemoteSchemaCommand,
  introspectRemoteSchemaCommand,
  reloadRemoteSchemaCommand,
  removeRemoteSchemaCommand,
  updateRemoteSchemaCommand,
} from "./remoteSchemas";
import { deleteSchemaRelationshipCommand, upsertSchemaRelationshipCommand } from "./schemaRelationships";
import { createRelationshipCommand, deleteRelationshipCommand, updateRelationshipCommand } from "./tableRelationships";
import { trackTableCommand, untrackTableCommand } from "./tables";

interface Context {
  endpoint: Endpoint;
  profile: Profile;
}

type Parser = (type: string, args: () => Cursor, context: Context) => Command;

const backendParsers: Record<string, (type: string, backend: Backend, args: Cursor, context: Context) => Command> = {
  create_remote_relationship: (type, backend, args, context) => createRelationshipCommand(type, backend, args, context.profile),
  update_remote_relationship: (type, backend, args, context) => updateRelationshipCommand(type, backend, args, context.profile),
  delete_remote_relationship: (type, backend, args) => deleteRelationshipCommand(type, backend, args),
  track_table: (type, backend, args) => trackTableCommand(type, backend, args),
  add_computed_field: (type, backend, args) => addComputedFieldCommand(type, backend, args),
  drop_computed_field: (type, backend, args) => dropComputedFieldCommand(type, backend, args),
  untrack_table: (type, backend, args) => untrackTableCommand(type, backend, args),
};

const agnosticParsers: Record<string, Parser> = {
  add_remote_schema: (type, args) => addRemoteSchemaCommand(type, args()),
  update_remote_schema: (type, args) => updateRemoteSchemaCommand(type, args()),
  remove_remote_schema: (type, args) => removeRemoteSchemaCommand(type, args()),
  reload_remote_schema: (type, args) => reloadRemoteSchemaCommand(type, args()),
  introspect_remote_schema: (type, args) => introspectRemoteSchemaCommand(type, args()),
  create_remote_schema_remote_relationship: (type, args) => upsertSchemaRelationshipCommand(type, args(), false),
  update_remote_schema_remote_relationship: (type, args) => upsertSchemaRelationshipCommand(type, args(), true),
  delete_remote_schema_remote_relationship: (type, args) => deleteSchemaRelationshipCommand(type, args()),
  export_metadata: (type, args) => withArgs(args, () => exportMetadataCommand(type, 1)),
  replace_metadata: (type, args) => replaceMetadataCommand(type, args()),
  clear_metadata: (type, args) => withArgs(args, () => clearMetadataCommand(type)),
  reload_metadata: (type, args) => reloadMetadataCommand(type, args()),
  get_inconsistent_metadata: (type, args) => withArgs(args, () => getInconsistentMetadataCommand(type)),
  drop_inconsistent_metadata: (type, args) => withArgs(args, () => dropInconsistentMetadataCommand(type)),
  bulk: (type, args, context) => bulkCommand(type, children(args(), context)),
  bulk_keep_going: (type, args, context) => bulkKeepGoingCommand(type, children(args(), context)),
  bulk_atomic: (type, args, context) => bulkAtomicCommand(type, children(args(), context)),
};

/** Commands `/v1/query` knows; the backend ones act on `postgres` sources. */
const queryCommands = new Set([
  "create_remote_relationship",
  "update_remote_relationship",
  "delete_remote_relationship",
  "track_table",
  "add_existing_table_or_view",
  "untrack_table",
  "add_computed_field",
  "drop_computed_field",
  "add_remote_schema",
  "update_remote_schema",
  "remove_remote_schema",
  "reload_remote_schema",
  "introspect_remote_schema",
  "export_metadata",
  "replace_metadata",
  "clear_metadata",
  "reload_metadata",
  "get_inconsistent_metadata",
  "drop_inconsistent_metadata",
  "run_sql",
  "bulk",
]);

/**
 * `/v2/query` (Hasura/Server/API/V2Query.hs `RQLQuery`): `run_sql` for each backend that has one,
 * the data commands, and `bulk`. This server runs SQL only on its Postgres-family sources.
 */
const queryV2RunSql: Readonly<Record<string, Backend>> = { run_sql: "postgres", citus_run_sql: "citus", cockroach_run_sql: "cockroach" };
const queryV2Unsupported: ReadonlySet<string> = new Set([
  "mssql_run_sql",
  "bigquery_run_sql",
  "mysql_run_sql",
  "dataconnector_run_sql",
  "bigquery_database_inspection",
  "insert",
  "select",
  "update",
  "delete",
  "count",
]);

/** For commands whose arguments carry nothing: Hasura still requires the `args` key. */
function withArgs(args: () => Cursor, build: () => Command): Command {
  args();
  return build();
}

function children(args: Cursor, context: Context): Command[] {
  return args.array().map((child) => parseCommand(child, context));
}

function unsupported(type: string): Command {
  return {
    type,
    modifiesMetadata: false,
    async run() {
      throw err400("not-supported", `${JSON.stringify(type)} is not supported by this local Hasura-compatible server`);
    },
  };
}

function argsOf(object: ObjectCursor, context: Context): () => Cursor {
  return () => {
    const args = object.required("args");
    return context.endpoint === "/v1/query" ? new Cursor(args.value, object.path) : args;
  };
}

function backendCommand(object: ObjectCursor, type: string, context: Context): Command {
  const cut = type.indexOf("_");
  const prefix = cut === -1 ? type : type.slice(0, cut);
  const command = cut === -1 ? "" : type.slice(cut + 1);
  const backendName = backendPrefixes[prefix];
  if (backendName === undefined) {
    object.fail(`unknown metadata command "${type}"; "${prefix}" was not recognized as a valid backend name`);
  }
  const args = argsOf(object, context)();
  const parser = backendParsers[command];
  if (parser === undefined) {
    if (otherBackendCommands.has(command)) return unsupported(type);
    return object.fail(`unknown metadata command "${command}" for backend ${backendName}`);
  }
  const details = (message: string): string =>
    [
      `Error when parsing command ${command}.`,
      "See our documentation at https://hasura.io/docs/latest/graphql/core/api-reference/metadata-api/index.html#metadata-apis.",
      `Internal error message: ${message}`,
    ].join("\n");
  return modifyFailure(details, () => parser(type, backendName, args, context));
}

function apiVersion(object: ObjectCursor): 1 | 2 {
  const cursor = object.optional("version");
  if (cursor === undefined) return 1;
  const version = cursor.integer();
  if (version === 1 || version === 2) return version;
  return cursor.fail(`expected 1 or 2, encountered ${version}`);
}

function metadataCommand(object: ObjectCursor, context: Context): Command {
  const version = apiVersion(object);
  const type = object.required("type").text();
  if (version === 2) {
    if (type === "export_metadata") return withArgs(argsOf(object, context), () => exportMetadataCommand(type, 2));
    if (type === "replace_metadata") return replaceMetadataCommand(type, argsOf(object, context)(), 2);
    object.fail(`unknown RQLMetadataV2 type "${type}"; expected one of "replace_metadata", "export_metadata"`);
  }
  const agnostic = agnosticParsers[type];
  if (agnostic !== undefined) return agnostic(type, argsOf(object, context), context);
  if (otherAgnosticCommands.has(type)) return unsupported(type);
  return backendCommand(object, type, context);
}

function queryV2Command(object: ObjectCursor, context: Context): Command {
  const type = object.required("type").text();
  const backend = queryV2RunSql[type];
  if (backend !== undefined) return runSqlCommand(type, backend, argsOf(object, context)());
  if (type === "bulk") return bulkCommand(type, children(argsOf(object, context)(), context));
  if (queryV2Unsupported.has(type)) return unsupported(type);
  return object.fail(`unknown query type "${type}"`);
}

function queryCommand(object: ObjectCursor, context: Context): Command {
  apiVersion(object);
  const type = object.required("type").text();
  if (!queryCommands.has(type)) {
    if (otherAgnosticCommands.has(type) || otherBackendCommands.has(type)) return unsupported(type);
    object.fail(`unknown query type "${type}"`);
  }
  const args = argsOf(object, context);
  if (type === "add_existing_table_or_view") return trackTableCommand(type, "postgres", args());
  if (type === "run_sql") return runSqlCommand(type, "postgres", args());
  const backend = backendParsers[type];
  if (backend !== undefined) return backend(type, "postgres", args(), context);
  return agnosticParsers[type](type, args, context);
}

/** Parses one command object (a whole request, or a child of a bulk). */
export function parseCommand(cursor: Cursor, context: Context): Command {
  if (context.endpoint === "/v1/metadata") return metadataCommand(cursor.object("RQLMetadataRequest"), context);
  if (context.endpoint === "/v2/query") return queryV2Command(cursor.object("RQLQuery"), context);
  return queryCommand(cursor.object("Object"), context);
}

/** A parsed request: the command and, on `/v1/metadata`, the `resource_version` it expects. */
export interface ParsedRequest {
  command: Command;
  resourceVersion?: number;
}

/** Parses a request body for `endpoint`; throws a `parse-failed` error with Hasura's message and path. */
export function parseRequest(body: JsonValue, endpoint: Endpoint, profile: Profile): ParsedRequest {
  const cursor = new Cursor(body, []);
  const context = { endpoint, profile };
  if (endpoint !== "/v1/metadata") return { command: parseCommand(cursor, context) };
  const object = cursor.object("RQLMetadata");
  const resourceVersion = object.optional("resource_version")?.integer();
  const command = parseCommand(cursor, context);
  return resourceVersion === undefined ? { command } : { command, resourceVersion };
}
