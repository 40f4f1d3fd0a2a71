/**
 * When the schema cache reads a source's catalog again, as Hasura's `buildSchemaCacheRule` decides
 * it (Hasura/RQL/DDL/Schema/Cache.hs): `resolveSourceIfNeeded` is wrapped in `Inc.cache`, which
 * re-runs `resolveDatabaseMetadata` (the catalog read: tracked tables, their columns, computed
 * field functions, scalar types) only when its input differs by `==` from the last build's, or when
 * the source's invalidation key moved. Its input is the source's whole metadata, so a source is read
 * again when it is new, when it was invalidated (`replace_metadata` invalidates every source,
 * `reload_metadata` those in `reload_sources`, `run_sql` with its metadata check its own), or when
 * anything in its metadata changed (a tracked table, a remote relationship of one of its tables).
 * A change elsewhere (a remote schema, a relationship on a remote schema's type) reads nothing. Pure.
 */
import type { SourceCatalog } from "../../model";
import type { SourceMetadata } from "../metadata/records";
import { metadataJson } from "../metadata/serialize";

/** A source the schema cache resolved: the catalog read and the source metadata it was read for. */
export interface ResolvedSource {
  /** The source's metadata at the read, as JSON text (the `==` of Hasura's cache). */
  key: string;
  catalog: SourceCatalog;
}

/** Which sources a rebuild invalidates: every one, or those named. */
export type Invalidation = "all" | ReadonlySet<string>;

/** No source invalidated: a rebuild reads only sources that are new or whose metadata changed. */
export const noInvalidation: Invalidation = new Set<string>();

/** The key that decides whether a source's last catalog read still stands. */
export function sourceKey(source: SourceMetadata): string {
  return JSON.stringify(metadataJson({ sources: [source], remoteSchemas: [], extra: {} }).sources);
}

/** True when the catalog of source `name`, whose metadata now has `key`, must be read again before the next build. */
export function needsCatalogRead(name: string, key: string, known: ResolvedSource | undefined, invalidated: Invalidation): boolean {
  if (invalidated === "all" || invalidated.has(name)) return true;
  return known === undefined || known.key !== key;
}
