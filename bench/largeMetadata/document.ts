/**
 * A production-sized Hasura metadata document for the large-metadata case: `count` tracked tables in
 * the `default` source, each as a real project has them, about 4 KB of metadata a table: custom root
 * fields and column names, object and array relationships, a computed field, select, insert, update
 * and delete permissions for two roles, and an event trigger. 2,000 such tables make about 8 MB, the
 * size of the document the issue measured. The tables and the computed fields' functions exist in the
 * server's database (the relationships join on the tables' columns; Hasura checks each computed field
 * against its function); everything else the server keeps as it was sent.
 */
import type { JsonObject } from "../../model";
import type { SourceSpec } from "../../server";

const columns = [
  { name: "id", type: "integer" },
  { name: "owner_id", type: "integer" },
  { name: "parent_id", type: "integer" },
  { name: "name", type: "text" },
  { name: "status", type: "text" },
  { name: "amount", type: "numeric" },
  { name: "attributes", type: "jsonb" },
  { name: "is_active", type: "boolean" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
];
const columnNames = columns.map((column) => column.name);
const roles = ["user", "manager"];

/** The name of the `index`th generated table (from 0). */
export function tableName(index: number): string {
  return `entity_${String(index).padStart(5, "0")}`;
}

/** The generated tables and their computed fields' functions, as the `default` source's database has them. */
export function defaultDatabase(count: number): SourceSpec {
  const names = Array.from({ length: count }, (_, index) => tableName(index));
  return {
    name: "default",
    tables: names.map((name) => ({ schema: "public", name, columns: structuredClone(columns) })),
    sql: names
      .map(
        (name) =>
          `CREATE FUNCTION public.${name}_display_name(entity public.${name}) RETURNS text LANGUAGE sql STABLE AS $$ SELECT entity.name || ' (' || entity.status || ')' $$;`,
      )
      .join("\n"),
  };
}

/** The generated tables' metadata, as `export_metadata` lists a source's tables. */
export function tableMetadata(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, index) => oneTable(index, count));
}

function oneTable(index: number, count: number): JsonObject {
  const name = tableName(index);
  const parent = { schema: "public", name: tableName((index + 1) % count) };
  const ownFilter: JsonObject = { owner_id: { _eq: "X-Hasura-User-Id" } };
  const managerFilter: JsonObject = { _or: [ownFilter, { parent: { owner_id: { _eq: "X-Hasura-User-Id" } } }, { status: { _in: ["open", "review"] } }] };
  const filterOf = (role: string): JsonObject => (role === "user" ? ownFilter : managerFilter);
  return {
    table: { schema: "public", name },
    configuration: {
      comment: `Entity ${index}: one of the ${count} tables of the generated project; owned by a user, nested under its parent, audited on every change.`,
      custom_name: `Entity${index}`,
      custom_root_fields: { select: `entities${index}`, select_by_pk: `entity${index}`, insert: `insertEntities${index}`, update: `updateEntities${index}` },
      column_config: Object.fromEntries(columnNames.map((column) => [column, { custom_name: camel(column), comment: `The ${column.replace(/_/g, " ")}.` }])),
    },
    object_relationships: [
      { name: "parent", using: { foreign_key_constraint_on: "parent_id" } },
      { name: "owner", using: { manual_configuration: { remote_table: parent, column_mapping: { owner_id: "id" } } } },
    ],
    array_relationships: [{ name: "children", using: { foreign_key_constraint_on: { table: parent, columns: ["parent_id"] } } }],
    computed_fields: [
      {
        name: "display_name",
        definition: { function: { schema: "public", name: `${name}_display_name` }, table_argument: "entity" },
        comment: "The name with its status.",
      },
    ],
    select_permissions: roles.map((role) => ({
      role,
      permission: { columns: columnNames, computed_fields: ["display_name"], filter: filterOf(role), allow_aggregations: role === "manager", limit: 100 },
    })),
    insert_permissions: roles.map((role) => ({
      role,
      permission: { check: filterOf(role), set: { owner_id: "X-Hasura-User-Id" }, columns: columnNames.filter((column) => column !== "id") },
    })),
    update_permissions: roles.map((role) => ({
      role,
      permission: { columns: ["name", "status", "amount", "attributes", "is_active"], filter: filterOf(role), check: { is_active: { _eq: true } } },
    })),
    delete_permissions: roles.map((role) => ({ role, permission: { filter: filterOf(role) } })),
    event_triggers: [
      {
        name: `${name}_audit`,
        definition: { enable_manual: false, insert: { columns: "*" }, update: { columns: ["status", "amount"] }, delete: { columns: "*" } },
        retry_conf: { interval_sec: 10, num_retries: 3, timeout_sec: 60 },
        webhook_from_env: "AUDIT_WEBHOOK_URL",
        headers: [{ name: "x-audit-source", value: `hasura/${name}` }],
      },
    ],
  };
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
