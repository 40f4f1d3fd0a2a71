import type { Relationship, RelationshipKey } from "./model";
import { defaultSource } from "./normalize";

/** Which of Hasura's APIs carries the calls: `/v1/metadata` (v2.0.10+) or the deprecated `/v1/query`. */
export type ApiMode = "metadata" | "query";

/** What the `hasura:api` setting may say; `auto` asks the server's `/v1/version`. */
export type ApiSetting = ApiMode | "auto";

/** A request to send: the API path and the JSON body. */
export interface HasuraRequest {
  readonly path: "/v1/metadata" | "/v1/query";
  readonly body: Readonly<Record<string, unknown>>;
}

/** The change a write makes. */
export type WriteKind = "create" | "update" | "delete";

/** The first version whose `/v1/metadata` takes `definition.to_remote_schema` for remote relationships. */
export const firstMetadataApiVersion = [2, 0, 10] as const;

/**
 * The API to use for a server that reports `version` (e.g. "v2.48.3", "v1.3.3"). A version that cannot
 * be read, such as a development build, is taken to be recent.
 */
export function chooseApi(setting: ApiSetting, version: string | undefined): ApiMode {
  if (setting !== "auto") return setting;
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? "");
  if (!match) return "metadata";
  const parts = match.slice(1, 4).map(Number);
  for (let index = 0; index < 3; index++) {
    if (parts[index] !== firstMetadataApiVersion[index]) return parts[index] > firstMetadataApiVersion[index] ? "metadata" : "query";
  }
  return "metadata";
}

/** Reads the whole metadata; on `/v1/metadata` in version 2 form, so that it carries `resource_version`. */
export function exportRequest(mode: ApiMode): HasuraRequest {
  return mode === "metadata"
    ? { path: "/v1/metadata", body: { type: "export_metadata", version: 2, args: {} } }
    : { path: "/v1/query", body: { type: "export_metadata", args: {} } };
}

/** Creates or updates one relationship; `resourceVersion` guards `/v1/metadata` writes against concurrent changes. */
export function writeRequest(mode: ApiMode, kind: "create" | "update", relationship: Relationship, resourceVersion?: number): HasuraRequest {
  const table = tableOf(relationship);
  if (mode === "metadata") {
    const args = {
      source: relationship.source,
      table,
      name: relationship.name,
      definition: {
        to_remote_schema: { remote_schema: relationship.remoteSchema, lhs_fields: [...relationship.hasuraFields], remote_field: relationship.remoteField },
      },
    };
    return { path: "/v1/metadata", body: { type: `pg_${kind}_remote_relationship`, ...guard(resourceVersion), args } };
  }
  const args = {
    ...legacySource(relationship),
    name: relationship.name,
    table,
    hasura_fields: [...relationship.hasuraFields],
    remote_schema: relationship.remoteSchema,
    remote_field: relationship.remoteField,
  };
  return { path: "/v1/query", body: { type: `${kind}_remote_relationship`, args } };
}

/** Deletes one relationship, guarded like `writeRequest`. */
export function deleteRequest(mode: ApiMode, key: RelationshipKey, resourceVersion?: number): HasuraRequest {
  const table = tableOf(key);
  return mode === "metadata"
    ? { path: "/v1/metadata", body: { type: "pg_delete_remote_relationship", ...guard(resourceVersion), args: { source: key.source, table, name: key.name } } }
    : { path: "/v1/query", body: { type: "delete_remote_relationship", args: { ...legacySource(key), table, name: key.name } } };
}

function tableOf(key: RelationshipKey) {
  return { schema: key.table.schema, name: key.table.name };
}

function guard(resourceVersion: number | undefined) {
  return resourceVersion === undefined ? {} : { resource_version: resourceVersion };
}

/** The deprecated API predates sources: name the source only when it is not the default one. */
function legacySource(key: RelationshipKey) {
  return key.source === defaultSource ? {} : { source: key.source };
}
