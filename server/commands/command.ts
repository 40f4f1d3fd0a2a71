/**
 * The shape of a parsed command and the helpers every command module shares: the success answer
 * and the schema-cache lookups Hasura runs before changing anything (`askTableInfo`,
 * `askRemoteRel`), with their messages.
 */
import { catalogColumns, tableNotFoundText, tableText, type JsonObject, type JsonValue, type QualifiedTable } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import { findTable, type Metadata, type SourceMetadata, type TableMetadata } from "../metadata/records";
import { tableRelationshipId } from "../schemaCache/build";
import type { Tx } from "../engine/tx";

/** A parsed request, ready to run inside a transaction. */
export interface Command {
  /** The request `type` as sent, e.g. `pg_create_remote_relationship`; used for stats. */
  type: string;
  /** Whether a success is written to metadata storage (and bumps `resource_version`). */
  modifiesMetadata: boolean;
  run(tx: Tx): Promise<JsonValue>;
  /**
   * For commands `bulk_atomic` accepts: the check against the schema cache as it was before the
   * bulk, and the metadata change, applied without a rebuild of its own.
   */
  atomic?: { check(tx: Tx): void; apply(metadata: Metadata): void };
}

/** Hasura's `successMsg`. */
export function success(): JsonObject {
  return { message: "success" };
}

/**
 * The kind of source a backend command acts on (Hasura's backend type, named as a source's `kind`):
 * `pg_` and `postgres_` commands act on `postgres` sources, `mssql_` ones on `mssql` sources, ...
 */
export type Backend = "postgres" | "citus" | "cockroach" | "mssql" | "bigquery";

/** True when the metadata holds source `name` with the kind `backend` commands act on. */
export function sourceOfKind(metadata: Metadata, backend: Backend, name: string): SourceMetadata | undefined {
  return metadata.sources.find((source) => source.name === name && source.kind === backend);
}

/**
 * Hasura's `askTableInfo`: the table must be tracked in a source of the command's kind and present
 * in the schema cache. Answers its metadata or throws 400 `not-exists`.
 */
export function askTableInfo(tx: Tx, backend: Backend, source: string, table: QualifiedTable): TableMetadata {
  const found = sourceOfKind(tx.metadata, backend, source) === undefined ? undefined : findTable(tx.metadata, source, table);
  const inCache =
    found !== undefined && catalogColumns(tx.catalog(source), table) !== undefined && tx.isConsistent(`table ${tableText(table)} in source ${source}`);
  if (found !== undefined && inCache) return found;
  throw err400("not-exists", tx.services.profile === "v2" ? tableNotFoundText(table, source) : `table ${dquote(tableText(table))} does not exist`);
}

/**
 * Hasura's `askRemoteRel`: the name must be a remote relationship of the table in the schema
 * cache. A column of that name answers `unexpected-payload`; anything else `not-exists`.
 */
export function askRemoteRelationship(tx: Tx, source: string, table: TableMetadata, name: string): void {
  const columns = catalogColumns(tx.catalog(source), table.table) ?? [];
  if (columns.includes(name)) throw err400("unexpected-payload", "expecting a remote relationship");
  const exists = table.remoteRelationships.some((relationship) => relationship.name === name);
  if (!exists || !tx.isConsistent(tableRelationshipId(source, tableText(table.table), name))) {
    throw err400("not-exists", `${dquote(name)} does not exist`);
  }
}
