import { columnConflictText, errorToText, tableText, validateToRemoteSchema, type ToRemoteSchema } from "../../../model";
import type { CallContext } from "../../hasura/errors";
import { closestFirst, maxListed, quote, quotedList } from "../../inputs/messageText";
import { containsUnknown } from "../../inputs/unknowns";
import type { RuleIssue } from "../../rules/rule";
import { databasesAt, type Databases } from "../../validation/databases";
import { fixFor, type FixPlaces } from "../../validation/fixes";
import { tableJoinSide, type JoinSide } from "../../validation/joinSide";
import { liveValidationApplies, refusal, remoteSchemaOf, type LiveValidationScope } from "../../validation/liveValidation";
import { lookUpTable, type TableSide } from "../../validation/tableChecks";
import { toSourceIssues } from "../../validation/toSourceChecks";
import { formatRelationshipId } from "./id";
import type { RemoteRelationshipInputs } from "./schema";

/** Where this resource keeps what a fix names. */
const places: FixPlaces = {
  remoteSchema: "remoteSchema",
  remoteField: "remoteField",
  joinFields: "hasuraFields",
  joinFieldsAre: "columns or computed fields of the table",
};

/** What one check of one relationship works with. */
interface Checking {
  readonly inputs: RemoteRelationshipInputs;
  readonly id: string;
  readonly context: CallContext;
  /** Hasura's text as it reports an inconsistency of this relationship. */
  readonly inconsistency: (text: string) => string;
}

/**
 * What Hasura would refuse in a `RemoteRelationship`'s canonical inputs, in Hasura's order: the
 * table (its source exists and tracks it, its database has it), then the target (a remote schema
 * and its tree, joined by columns or computed fields of the table; or a table of a database source,
 * joined by a mapping of columns), then the name (not one of the table's columns). None when the
 * scope leaves it out or the inputs it needs are unknown; a part Hasura cannot be asked about is
 * skipped, with one note.
 */
export async function liveChecks(inputs: RemoteRelationshipInputs, scope: LiveValidationScope): Promise<RuleIssue[]> {
  if (!liveValidationApplies(inputs, scope, ["endpoint", "source", "table", "name"])) return [];
  const id = formatRelationshipId(inputs);
  const table = quote(tableText(inputs.table));
  const checking: Checking = {
    inputs,
    id,
    context: { operation: "check", resource: { noun: "remote relationship", id } },
    inconsistency: (text) => `Inconsistent object: in table ${table}: in remote relationship ${quote(inputs.name)}: ${text}`,
  };

  // Hasura looks the table up before it reads anything of the definition (askTableInfo).
  const answer = await databasesAt(inputs.endpoint, checking.context);
  if (answer.kind === "refused") return [answer.issue];
  const databases = answer.kind === "databases" ? answer.databases : undefined;
  let side: TableSide | undefined;
  if (databases !== undefined) {
    const catalog = await databases.catalog(inputs.source);
    const found = lookUpTable(databases.metadata, inputs.source, inputs.table, catalog, { source: ["source"], table: ["table"] });
    if (!found.ok) return [found.issue];
    side = found.side;
  }

  const targetIssues = await targetChecks(checking, databases, side);
  if (targetIssues.length > 0) return targetIssues;
  // Hasura adds the relationship to the table's fields only once its target resolved.
  if (side?.columns?.some((column) => column.name === inputs.name)) {
    const fix = `${quote(inputs.name)} is a column of ${table}: give the relationship another name.`;
    return [refusal("ColumnConflict", ["name"], `Inconsistent object: ${columnConflictText}`, fix)];
  }
  return [];
}

/** The target's refusals; none when its inputs are not all known, or Hasura cannot be asked about it. */
async function targetChecks(checking: Checking, databases: Databases | undefined, side: TableSide | undefined): Promise<RuleIssue[]> {
  const { inputs } = checking;
  if (inputs.toSource !== undefined) {
    if (containsUnknown(inputs.toSource) || databases === undefined || side === undefined) return [];
    return toSourceIssues(databases, { kind: "toSource", ...inputs.toSource }, tableJoinSide(side), checking.inconsistency, {
      noun: "remote relationship",
      id: checking.id,
    });
  }
  const { hasuraFields, remoteSchema, remoteField } = inputs;
  if (hasuraFields === undefined || remoteSchema === undefined || remoteField === undefined) return [];
  if ([hasuraFields, remoteSchema, remoteField].some(containsUnknown)) return [];
  const from = side === undefined ? undefined : tableJoinSide(side);
  return remoteSchemaChecks(checking, { kind: "toRemoteSchema", remoteSchema, lhsFields: hasuraFields, remoteField }, from);
}

/** The remote schema target against the remote schema as Hasura holds it, joined by the table's columns and computed fields where they are known. */
async function remoteSchemaChecks(checking: Checking, target: ToRemoteSchema, from: JoinSide | undefined): Promise<RuleIssue[]> {
  const { inputs, inconsistency } = checking;
  const answer = await remoteSchemaOf(inputs.endpoint, target.remoteSchema, checking.context);
  if (answer.kind === "skipped") return [];
  if (answer.kind === "refused") return [answer.issue];
  if (answer.kind === "missing") {
    return [
      refusal(
        "RemoteSchemaNotFound",
        ["remoteSchema"],
        inconsistency(`remote schema with name ${JSON.stringify(target.remoteSchema)} not found`),
        "Add the remote schema to Hasura first, or fix remoteSchema.",
      ),
    ];
  }
  const schema = answer.schema;
  const failure = validateToRemoteSchema(target, inputs.name, { identifier: tableText(inputs.table), joinFields: from?.joinFields }, schema);
  if (failure === undefined) return [];
  // The shared rules speak Hasura's names; this resource calls lhs_fields hasuraFields.
  const path = failure.path.map((segment, index) => (index === 0 && segment === "lhsFields" ? "hasuraFields" : segment));
  const reason = failure.reason;
  if (reason.kind !== "JoinFieldNonExistent" || from === undefined) {
    return [refusal(reason.kind, path, inconsistency(errorToText(reason, { maxListed })), fixFor(failure, schema, places))];
  }
  // The fix lists the allowed fields close to the one written first, so that a cut list still shows what was meant.
  const why = from.whyNotJoinable(reason.field);
  const offer = quotedList(closestFirst(reason.field, reason.allowed));
  const fix = `${why === undefined ? "" : `${JSON.stringify(reason.field)} cannot join: ${why}. `}Use ${from.joinFieldsAre} in hasuraFields: ${offer}.`;
  return [refusal(reason.kind, path, inconsistency(errorToText(reason, { maxListed })), fix)];
}
