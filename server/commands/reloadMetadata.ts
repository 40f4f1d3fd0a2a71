/**
 * `reload_metadata` (Hasura/RQL/DDL/Metadata.hs `runReloadMetadata`, its arguments in
 * Metadata/Types.hs `ReloadMetadata`): `reload_remote_schemas` and `reload_sources` each take `true`
 * (all, the default), `false` (none) or a list of names; the named remote schemas are introspected
 * again and the named sources' catalogs read again, everything else keeps what the schema cache
 * holds; then one rebuild. Names not in the metadata are refused before anything happens. The
 * answer is `{message, is_consistent}`, with `inconsistent_objects` only when there are some.
 */
import type { JsonObject } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import type { Cursor } from "../base/cursor";
import type { Invalidation } from "../engine/sourceResolution";
import type { Tx } from "../engine/tx";
import type { Command } from "./command";
import { introspectRemoteSchemas } from "./metadataOps";

/** Hasura's `ReloadSpec`: everything, or the names listed (`false` lists none). */
type ReloadSpec = "all" | string[];

/** Parses one `ReloadSpec` field; absent or null is `all`, as Hasura defaults it. */
function reloadSpec(cursor: Cursor | undefined, fallback: ReloadSpec): ReloadSpec {
  if (cursor === undefined) return fallback;
  if (typeof cursor.value === "boolean") return cursor.value ? "all" : [];
  return cursor.array().map((name) => name.nonEmptyText());
}

interface ReloadArgs {
  remoteSchemas: ReloadSpec;
  sources: ReloadSpec;
  recreateEventTriggers: ReloadSpec;
  dataConnectors: ReloadSpec;
}

function parseReloadArgs(cursor: Cursor): ReloadArgs {
  const object = cursor.object("ReloadMetadata");
  return {
    remoteSchemas: reloadSpec(object.optional("reload_remote_schemas"), "all"),
    sources: reloadSpec(object.optional("reload_sources"), "all"),
    recreateEventTriggers: reloadSpec(object.optional("recreate_event_triggers"), []),
    dataConnectors: reloadSpec(object.optional("reload_data_connectors"), "all"),
  };
}

/** The invalidation a spec asks for, after checking every name it lists is known (Hasura's `checkRemoteSchema`/`checkSource`). */
function invalidation(spec: ReloadSpec, known: readonly string[], notFound: (name: string) => string): Invalidation {
  if (spec === "all") return "all";
  for (const name of spec) if (!known.includes(name)) throw err400("not-exists", notFound(name));
  return new Set(spec);
}

/** Parses and builds `reload_metadata`. */
export function reloadMetadataCommand(type: string, cursor: Cursor): Command {
  const args = parseReloadArgs(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const remoteSchemaNames = tx.metadata.remoteSchemas.map((schema) => schema.name);
      const sourceNames = tx.metadata.sources.map((source) => source.name);
      const remoteSchemas = invalidation(args.remoteSchemas, remoteSchemaNames, (name) => `Remote schema with name ${dquote(name)} not found in metadata`);
      const sources = invalidation(args.sources, sourceNames, (name) => `Source with name ${dquote(name)} not found in metadata`);
      invalidation(args.recreateEventTriggers, sourceNames, (name) => `Source with name ${dquote(name)} not found in metadata`);
      // This server has no data connector agents, so every listed one is unknown.
      invalidation(args.dataConnectors, [], (name) => `Data connector with name ${dquote(name)} not found in metadata`);
      await introspectRemoteSchemas(tx, tx.metadata, remoteSchemas);
      tx.inconsistencies = [];
      await tx.rebuild(sources);
      const body: JsonObject = { message: "success", is_consistent: tx.inconsistencies.length === 0 };
      if (tx.inconsistencies.length > 0) body.inconsistent_objects = tx.inconsistencyList(tx.inconsistencies);
      return body;
    },
  };
}
