/**
 * `run_sql` and its backend-prefixed forms (Hasura/Backends/Postgres/DDL/RunSQL.hs): arguments
 * `{sql, source?, cascade?, check_metadata_consistency?, read_only?, no_transaction?}`; the source
 * must be one of the command's kind in the schema cache (Hasura's `askSourceInfo` messages); the
 * SQL runs on the source's embedded Postgres and is answered in Hasura's format
 * (database/runSql.ts). When it may change the schema — not `read_only`, and
 * `check_metadata_consistency` or else the SQL naming `alter`, `drop`, `replace`, `create
 * function` or `comment on` — Hasura rebuilds the schema cache with that source invalidated,
 * refusing new inconsistencies (`withMetadataCheck`), and the request is a metadata write.
 */
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import type { Cursor } from "../base/cursor";
import type { Tx } from "../engine/tx";
import type { Backend, Command } from "./command";

interface RunSqlArgs {
  sql: string;
  source: string;
  checkMetadataConsistency?: boolean;
  readOnly: boolean;
  noTransaction: boolean;
}

function parseRunSqlArgs(cursor: Cursor): RunSqlArgs {
  const object = cursor.object("RunSQL");
  const args: RunSqlArgs = {
    sql: object.required("sql").text(),
    source: object.optional("source")?.nonEmptyText() ?? "default",
    readOnly: object.optional("read_only")?.boolean() ?? false,
    noTransaction: object.optional("no_transaction")?.boolean() ?? false,
  };
  object.optional("cascade")?.boolean();
  const check = object.optional("check_metadata_consistency")?.boolean();
  if (check !== undefined) args.checkMetadataConsistency = check;
  return args;
}

// Hasura's heuristic for SQL that may change the schema (`isSchemaCacheBuildRequiredRunSQL`).
const ddlKeyword = /\balter\b|\bdrop\b|\breplace\b|\bcreate function\b|\bcomment on\b/i;

/** True when Hasura runs this `run_sql` with its metadata check, rebuilding the schema cache. */
export function needsMetadataCheck(args: Pick<RunSqlArgs, "sql" | "readOnly" | "checkMetadataConsistency">): boolean {
  if (args.readOnly) return false;
  return args.checkMetadataConsistency ?? ddlKeyword.test(args.sql);
}

/** Hasura's `askSourceInfo` for a command acting on `backend` sources. */
function askSource(tx: Tx, backend: Backend, source: string): void {
  const metadata = tx.metadata.sources.find((candidate) => candidate.name === source);
  if (metadata === undefined) throw err400("not-exists", `source with name ${dquote(source)} does not exist`);
  if (metadata.kind !== backend) {
    throw err400(
      "not-exists",
      `source with name ${dquote(source)} has backend type ${dquote(metadata.kind)} which does not match the expected type ${backend}`,
    );
  }
  if (tx.catalog(source) === undefined) throw err400("unexpected", `source with name ${dquote(source)} is inconsistent`);
}

/** Parses and builds `run_sql` for `backend` sources. */
export function runSqlCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const args = parseRunSqlArgs(cursor);
  const check = needsMetadataCheck(args);
  return {
    type,
    modifiesMetadata: check,
    async run(tx: Tx) {
      askSource(tx, backend, args.source);
      const answer = await tx.services.databases.runSql(args.source, args.sql, { readOnly: args.readOnly, noTransaction: args.noTransaction });
      if (check) await tx.rebuildChecked(() => undefined, new Set([args.source]));
      return answer;
    },
  };
}
