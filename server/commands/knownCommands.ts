import type { Backend } from "./command";

/**
 * Names of real Hasura metadata commands the local server does not implement. They answer
 * `not-supported` rather than the "unknown command" parse error, which would wrongly say Hasura
 * has no such command.
 */

/** Backend-specific commands (after the `pg_` prefix) that Hasura has and this server lacks. */
export const otherBackendCommands: ReadonlySet<string> = new Set([
  "add_source",
  "drop_source",
  "update_source",
  "set_table_customization",
  "set_apollo_federation_config",
  "get_source_tables",
  "track_tables",
  "untrack_tables",
  "set_table_is_enum",
  "get_table_info",
  "create_insert_permission",
  "create_select_permission",
  "create_update_permission",
  "create_delete_permission",
  "drop_insert_permission",
  "drop_select_permission",
  "drop_update_permission",
  "drop_delete_permission",
  "set_permission_comment",
  "create_object_relationship",
  "create_array_relationship",
  "set_relationship_comment",
  "rename_relationship",
  "drop_relationship",
  "suggest_relationships",
  "invoke_event_trigger",
  "create_event_trigger",
  "delete_event_trigger",
  "redeliver_event",
  "track_function",
  "untrack_function",
  "set_function_customization",
  "create_function_permission",
  "drop_function_permission",
  "run_sql",
  "track_native_query",
  "untrack_native_query",
  "track_logical_model",
  "untrack_logical_model",
]);

/** Backend-agnostic commands that Hasura has and this server lacks. */
export const otherAgnosticCommands: ReadonlySet<string> = new Set([
  "rename_source",
  "list_source_kinds",
  "get_source_kind_capabilities",
  "add_remote_schema_permissions",
  "drop_remote_schema_permissions",
  "create_action",
  "drop_action",
  "update_action",
  "create_action_permission",
  "drop_action_permission",
  "create_cron_trigger",
  "delete_cron_trigger",
  "create_scheduled_event",
  "delete_scheduled_event",
  "get_cron_triggers",
  "create_query_collection",
  "rename_query_collection",
  "drop_query_collection",
  "add_query_to_collection",
  "drop_query_from_collection",
  "add_collection_to_allowlist",
  "drop_collection_from_allowlist",
  "create_rest_endpoint",
  "drop_rest_endpoint",
  "set_custom_types",
  "set_api_limits",
  "remove_api_limits",
  "set_metrics_config",
  "remove_metrics_config",
  "add_inherited_role",
  "drop_inherited_role",
  "add_host_to_tls_allowlist",
  "drop_host_from_tls_allowlist",
  "set_graphql_schema_introspection_options",
  "set_query_tags",
  "dump_internal_state",
  "test_webhook_transform",
  "run_sql",
  "insert",
  "select",
  "update",
  "delete",
  "count",
]);

/**
 * Hasura's backend prefixes and the source kind each acts on, which is also the backend name its
 * messages use: every kind's own name, and `pg` for `postgres` (`backendTextNames`,
 * Hasura/RQL/Types/BackendType.hs). Data connector agents' names are prefixes too; this server has none.
 */
export const backendPrefixes: Readonly<Record<string, Backend>> = {
  pg: "postgres",
  postgres: "postgres",
  citus: "citus",
  cockroach: "cockroach",
  mssql: "mssql",
  bigquery: "bigquery",
};
