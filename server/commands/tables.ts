/**
 * `pg_track_table` / `pg_untrack_table` and the `/v1/query` `track_table` / `untrack_table`.
 * Tracking a table the database lacks fails in the rebuild, as in Hasura; untracking drops the
 * table's own remote relationships and refuses (unless `cascade`) when others join to it.
 */
import { defaultSource, sameTable, tableText, type QualifiedTable } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import type { Cursor, ObjectCursor } from "../base/cursor";
import { parseQualifiedTable } from "../metadata/parseTable";
import { dependencyMessage, tableDependents } from "../schemaCache/dependents";
import type { Tx } from "../engine/tx";
import { sourceOfKind, success, type Backend, type Command } from "./command";

interface TableArgs {
  source: string;
  table: QualifiedTable;
  cascade: boolean;
}

function parseTableArgs(cursor: Cursor): TableArgs {
  const object: ObjectCursor = cursor.object("TrackTable");
  const source = object.optional("source")?.nonEmptyText() ?? defaultSource;
  const cascade = object.optional("cascade")?.boolean() ?? false;
  // `/v1/query` also accepts the table itself as the arguments (`{schema, name}`).
  const table = object.has("table") ? parseQualifiedTable(object.required("table")) : parseQualifiedTable(cursor);
  return { source, table, cascade };
}

function sourceOf(tx: Tx, backend: Backend, name: string) {
  const source = sourceOfKind(tx.metadata, backend, name);
  if (source === undefined) throw err400("not-exists", `source with name ${dquote(name)} does not exist`);
  return source;
}

/** Parses and builds `track_table`. */
export function trackTableCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const args = parseTableArgs(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const source = sourceOf(tx, backend, args.source);
      if (source.tables.some((table) => sameTable(table.table, args.table))) {
        throw err400("already-tracked", `view/table already tracked: ${dquote(tableText(args.table))}`);
      }
      await tx.buildSchemaCacheFor(`table ${tableText(args.table)} in source ${args.source}`, (metadata) => {
        metadata.sources.find((candidate) => candidate.name === args.source)?.tables.push({ table: args.table, remoteRelationships: [], extra: {} });
      });
      return success();
    },
  };
}

/** Parses and builds `untrack_table`. */
export function untrackTableCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const args = parseTableArgs(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const source = sourceOf(tx, backend, args.source);
      if (!source.tables.some((table) => sameTable(table.table, args.table))) {
        throw err400("already-untracked", `view/table already untracked: ${dquote(tableText(args.table))}`);
      }
      const dependents = tableDependents(tx.metadata, tx.inconsistencies, args.source, args.table);
      if (dependents.length > 0 && !args.cascade) throw err400("dependency-error", dependencyMessage(dependents.map((d) => d.text)));
      await tx.rebuildChecked((metadata) => {
        for (const dependent of dependents) dependent.drop(metadata);
        const owner = metadata.sources.find((candidate) => candidate.name === args.source);
        if (owner !== undefined) owner.tables = owner.tables.filter((table) => !sameTable(table.table, args.table));
      });
      return success();
    },
  };
}
