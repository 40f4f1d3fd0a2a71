/**
 * A transaction over the engine state, the server's `MetadataT`/`CacheRWT`: commands change a
 * private copy, rebuild the schema cache on it (paying the modelled cost) and either commit the
 * copy or drop it. Also Hasura's checks around a rebuild (`buildSchemaCacheFor`,
 * `withNewInconsistentObjsCheck`).
 */
import type { JsonObject, SourceCatalog } from "../../model";
import { err400, err500 } from "../base/apiError";
import type { Metadata } from "../metadata/records";
import { buildInconsistencies } from "../schemaCache/build";
import { fullReason, inconsistencyJson, newlyInconsistent, type InconsistentObject, type Profile } from "../schemaCache/inconsistency";
import type { Databases } from "./catalog";
import { needsCatalogRead, noInvalidation, sourceKey, type Invalidation, type ResolvedSource } from "./sourceResolution";
import type { EngineState, IntrospectedSchema } from "./state";

/** What a transaction needs from the server around it. */
export interface TxServices {
  databases: Databases;
  profile: Profile;
  /** Current committed resource version (for `export_metadata` v2). */
  resourceVersion(): number;
  /** Pays for and counts one schema-cache rebuild of `metadata`. */
  rebuildCost(metadata: Metadata): Promise<void>;
  /** Pays for and counts one introspection of a source's catalog (Hasura's `resolveDatabaseMetadata`). */
  catalogIntrospectionCost(): Promise<void>;
  /** Introspects a remote schema; throws a `remote-schema-error` when it cannot. */
  introspect(name: string, definition: JsonObject): Promise<IntrospectedSchema>;
  /** Counts one executed command (bulk children included). */
  countCommand(type: string): void;
}

/** A private, mutable copy of the engine state. */
export class Tx {
  metadata: Metadata;
  remoteSchemas: Map<string, IntrospectedSchema>;
  remoteSchemaFailures: Map<string, string>;
  inconsistencies: InconsistentObject[];
  resolvedSources: Map<string, ResolvedSource>;

  constructor(
    state: EngineState,
    readonly services: TxServices,
  ) {
    this.metadata = structuredClone(state.metadata);
    this.remoteSchemas = new Map(state.remoteSchemas);
    this.remoteSchemaFailures = new Map(state.remoteSchemaFailures);
    this.inconsistencies = [...state.inconsistencies];
    this.resolvedSources = new Map(state.resolvedSources);
  }

  /** The state as it stands now, to commit or to restore later. */
  snapshot(): EngineState {
    return {
      metadata: structuredClone(this.metadata),
      remoteSchemas: new Map(this.remoteSchemas),
      remoteSchemaFailures: new Map(this.remoteSchemaFailures),
      inconsistencies: [...this.inconsistencies],
      resolvedSources: new Map(this.resolvedSources),
    };
  }

  /** Puts back a state taken with `snapshot` (a failed `bulk_keep_going` child). */
  restore(state: EngineState): void {
    this.metadata = structuredClone(state.metadata);
    this.remoteSchemas = new Map(state.remoteSchemas);
    this.remoteSchemaFailures = new Map(state.remoteSchemaFailures);
    this.inconsistencies = [...state.inconsistencies];
    this.resolvedSources = new Map(state.resolvedSources);
  }

  /** The catalog the schema cache holds for a source, if the source resolved. */
  catalog(source: string): SourceCatalog | undefined {
    return this.resolvedSources.get(source)?.catalog;
  }

  /**
   * Resolves the sources of the current metadata as Hasura's build does: a source with a database
   * of its kind keeps its last catalog read unless it is invalidated or its metadata changed, and
   * is read again (paying the read) otherwise; a source without one stays unresolved.
   */
  private async resolveSources(invalidated: Invalidation): Promise<void> {
    const resolved = new Map<string, ResolvedSource>();
    for (const source of this.metadata.sources) {
      if (this.services.databases.kind(source.name) !== source.kind) continue;
      const key = sourceKey(source);
      const known = this.resolvedSources.get(source.name);
      if (known !== undefined && !needsCatalogRead(source.name, key, known, invalidated)) {
        resolved.set(source.name, known);
        continue;
      }
      await this.services.catalogIntrospectionCost();
      resolved.set(source.name, { key, catalog: await this.services.databases.introspect(source.name) });
    }
    this.resolvedSources = resolved;
  }

  /**
   * Rebuilds the schema cache of the current metadata, reading the catalogs of the sources that need
   * it (those in `invalidated` always); answers the objects that became inconsistent.
   */
  async rebuild(invalidated: Invalidation = noInvalidation): Promise<InconsistentObject[]> {
    await this.resolveSources(invalidated);
    await this.services.rebuildCost(this.metadata);
    const before = this.inconsistencies;
    this.inconsistencies = buildInconsistencies({
      metadata: this.metadata,
      catalogs: new Map([...this.resolvedSources].map(([name, source]) => [name, source.catalog])),
      profile: this.services.profile,
      remoteSchemas: new Map([...this.remoteSchemas].map(([name, introspected]) => [name, introspected.schema])),
      remoteSchemaFailures: this.remoteSchemaFailures,
    });
    return newlyInconsistent(before, this.inconsistencies);
  }

  /** The JSON list of inconsistencies as Hasura reports them in `internal`. */
  inconsistencyList(objects: readonly InconsistentObject[]): JsonObject[] {
    return objects.map((object) => inconsistencyJson(object, this.services.profile));
  }

  /**
   * Hasura's `buildSchemaCacheFor`: change the metadata, rebuild, and fail when the object
   * `objectId` (or any other) became inconsistent. The caller's transaction is then dropped.
   */
  async buildSchemaCacheFor(objectId: string, change: (metadata: Metadata) => void): Promise<void> {
    change(this.metadata);
    const fresh = await this.rebuild();
    const matching = fresh.filter((object) => object.id === objectId);
    if (matching.length > 0) {
      const code = this.services.profile === "v2" ? "invalid-configuration" : "constraint-violation";
      const reasons = matching.map((object) => fullReason(object, this.services.profile)).join(", ");
      throw err400(code, reasons, this.inconsistencyList(matching));
    }
    if (fresh.length > 0) throw err400("unexpected", "cannot continue due to new inconsistent metadata", this.inconsistencyList(fresh));
  }

  /** A rebuild that fails with 500 when anything became inconsistent (Hasura's `withNewInconsistentObjsCheck`). */
  async rebuildChecked(change: (metadata: Metadata) => void, invalidated: Invalidation = noInvalidation): Promise<void> {
    change(this.metadata);
    const fresh = await this.rebuild(invalidated);
    if (fresh.length > 0) throw err500("cannot continue due to newly found inconsistent metadata", this.inconsistencyList(fresh));
  }

  /** True when the object with this id is in the schema cache (not inconsistent). */
  isConsistent(objectId: string): boolean {
    return !this.inconsistencies.some((object) => object.id === objectId);
  }
}
