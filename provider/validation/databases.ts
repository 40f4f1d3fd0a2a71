/**
 * What `check` reads of an endpoint's database sources, to judge what a relationship names in them
 * before anything is written: the sources, their kinds, tracked tables and computed fields from the
 * metadata (one `export_metadata`, shared with every other read of the run), and each source's
 * columns and computed-field functions from its database (one read-only `run_sql` per
 * Postgres-family source, asked once per process). What cannot be read is skipped with one note, and
 * Hasura judges it when it is written.
 */
import type { MetadataDocument, SourceCatalog } from "../../model";
import type { CallContext } from "../hasura/errors";
import type { RuleIssue } from "../rules/rule";
import { checkReadsOf } from "../runtime/checkReads";
import { warnOnce } from "../runtime/engineLog";
import { gatewayFor } from "../runtime/runtime";
import { checkReadFailure, whatHappened } from "./liveValidation";

/** The database sources of one endpoint, as check sees them. */
export interface Databases {
  readonly endpoint: string;
  /** The metadata as check first read it: its sources, their kinds, tracked tables and computed fields. */
  readonly metadata: MetadataDocument;
  /** The catalog of a source's database (the tables it tracks, their computed fields' functions); undefined when it cannot be read, which one note says. */
  catalog(source: string): Promise<SourceCatalog | undefined>;
}

/** The database sources of an endpoint as check can use them; see liveValidation's checkReadFailure for `skipped` and `refused`. */
export type DatabasesAnswer =
  { readonly kind: "databases"; readonly databases: Databases } | { readonly kind: "skipped" } | { readonly kind: "refused"; readonly issue: RuleIssue };

/** The database sources of `endpoint` for the relationship `context` names. */
export async function databasesAt(endpoint: string, context: CallContext): Promise<DatabasesAnswer> {
  const gateway = checkReadsOf(gatewayFor(endpoint));
  let metadata: MetadataDocument;
  try {
    metadata = await gateway.sources(context);
  } catch (error) {
    const issue = checkReadFailure(endpoint, error);
    return issue === undefined ? { kind: "skipped" } : { kind: "refused", issue };
  }
  const catalog = async (source: string): Promise<SourceCatalog | undefined> => {
    const skipped = (why: string) => {
      warnOnce(
        `catalog ${endpoint} ${source}`,
        `could not read the columns of source "${source}" at Hasura ${endpoint} (${why}), so the join columns of its tables (hasuraFields, toSource.fieldMapping) were not checked; its tables were. Hasura will judge the columns when they are written.`,
      );
      return undefined;
    };
    try {
      const lookup = await gateway.sourceCatalog(source, context);
      if (lookup.kind === "found") return lookup.catalog;
      return lookup.kind === "unsupported" ? skipped(lookup.why) : undefined;
    } catch (error) {
      return skipped(whatHappened(error));
    }
  };
  return { kind: "databases", databases: { endpoint, metadata, catalog } };
}
