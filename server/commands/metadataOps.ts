/**
 * Whole-metadata commands: `export_metadata` (v1 bare object, v2 with `resource_version`),
 * `replace_metadata` (bare metadata or `{metadata, allow_inconsistent_metadata}`, one rebuild),
 * `clear_metadata` and `get_inconsistent_metadata`.
 */
import { defaultSource, errorMessage, type JsonObject } from "../../model";
import { err400 } from "../base/apiError";
import type { Cursor } from "../base/cursor";
import { parseMetadata, withDefaultSource } from "../metadata/parseMetadata";
import { metadataJson, metadataJsonV1 } from "../metadata/serialize";
import type { Metadata } from "../metadata/records";
import { noInvalidation, type Invalidation } from "../engine/sourceResolution";
import type { Tx } from "../engine/tx";
import { success, type Command } from "./command";

/** Parses `export_metadata`; `version` 2 answers `{resource_version, metadata}`. */
export function exportMetadataCommand(type: string, version: 1 | 2): Command {
  return {
    type,
    modifiesMetadata: false,
    async run(tx: Tx) {
      const metadata = tx.services.profile === "v2" ? metadataJson(tx.metadata) : metadataJsonV1(tx.metadata);
      return version === 2 ? { resource_version: tx.services.resourceVersion(), metadata } : metadata;
    },
  };
}

/** Parses `get_inconsistent_metadata`. */
export function getInconsistentMetadataCommand(type: string): Command {
  return {
    type,
    modifiesMetadata: false,
    async run(tx: Tx) {
      return { is_consistent: tx.inconsistencies.length === 0, inconsistent_objects: tx.inconsistencyList(tx.inconsistencies) };
    },
  };
}

/**
 * Introspects the remote schemas of `metadata` that the schema cache has no introspection of for
 * their current definition, and those invalidated; the others keep theirs, as Hasura's
 * `buildRemoteSchemas` is cached per remote schema on its definition and invalidation key.
 */
export async function introspectRemoteSchemas(tx: Tx, metadata: Metadata, invalidated: Invalidation = noInvalidation): Promise<void> {
  for (const schema of metadata.remoteSchemas) {
    const known = tx.remoteSchemas.get(schema.name);
    const isInvalidated = invalidated === "all" || invalidated.has(schema.name);
    if (!isInvalidated && known !== undefined && JSON.stringify(known.definition) === JSON.stringify(schema.definition)) continue;
    try {
      tx.remoteSchemas.set(schema.name, await tx.services.introspect(schema.name, schema.definition));
      tx.remoteSchemaFailures.delete(schema.name);
    } catch (error) {
      tx.remoteSchemas.delete(schema.name);
      tx.remoteSchemaFailures.set(schema.name, errorMessage(error));
    }
  }
}

/**
 * Replaces the metadata of `tx` with `replacement`, introspecting remote schemas it has not
 * seen, with one rebuild that invalidates every source (Hasura's `runReplaceMetadataV2'` builds
 * with `ciSources` = all the new metadata's sources, so each one's catalog is introspected again);
 * fails unless inconsistencies are allowed. Shared with `clear_metadata` and start-up loading.
 */
export async function replaceMetadata(tx: Tx, replacement: Metadata, allowInconsistent: boolean): Promise<JsonObject> {
  await introspectRemoteSchemas(tx, replacement);
  tx.metadata = replacement;
  tx.inconsistencies = [];
  await tx.rebuild("all");
  if (!allowInconsistent && tx.inconsistencies.length > 0) {
    throw err400("unexpected", "cannot continue due to inconsistent metadata", tx.inconsistencyList(tx.inconsistencies));
  }
  return { is_consistent: tx.inconsistencies.length === 0, inconsistent_objects: tx.inconsistencyList(tx.inconsistencies) };
}

/**
 * Parses `replace_metadata`. With the request's `version: 2` the arguments must be
 * `{metadata, allow_inconsistent_metadata?}` (Hasura's `ReplaceMetadataV2`); without it, arguments
 * holding a `metadata` key are that form and any others a bare metadata document. The wrapped
 * form answers the consistency report, the bare one `success`.
 */
export function replaceMetadataCommand(type: string, cursor: Cursor, apiVersion: 1 | 2 = 1): Command {
  const object = cursor.object(apiVersion === 2 ? "ReplaceMetadataV2" : "ReplaceMetadata");
  const wrapped = apiVersion === 2 || object.has("metadata");
  const allowInconsistent = wrapped ? (object.optional("allow_inconsistent_metadata")?.boolean("AllowInconsistentMetadata") ?? false) : false;
  const parsed = parseMetadata(wrapped ? object.required("metadata") : cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const replacement = withDefaultSource(parsed, tx.metadata);
      if (replacement === undefined) throw err400("not-supported", "cannot import metadata without sources since no default source is defined");
      const answer = await replaceMetadata(tx, replacement, allowInconsistent);
      return wrapped ? answer : success();
    },
  };
}

/** `clear_metadata`: an empty `default` source (configuration kept) and nothing else. */
export function clearMetadataCommand(type: string): Command {
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const base = tx.metadata.sources.find((source) => source.name === defaultSource);
      const sources = base === undefined ? [] : [{ ...base, tables: [] }];
      await replaceMetadata(tx, { sources, remoteSchemas: [], extra: {} }, true);
      return success();
    },
  };
}
