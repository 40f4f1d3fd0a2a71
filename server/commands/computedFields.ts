/**
 * `<prefix>_add_computed_field` and `<prefix>_drop_computed_field` (and the `/v1/query`
 * `add_computed_field` / `drop_computed_field`), as Hasura/RQL/DDL/ComputedField.hs runs them: add
 * looks the table up (`$.args.table`), puts the field (replacing one of the same name) and rebuilds,
 * failing with the field's inconsistency; drop looks the table and the field up (`$.args.name`),
 * refuses while remote relationships join on the field (even with `cascade`, which Hasura only
 * honours for permissions), and rebuilds.
 */
import { catalogColumns, defaultSource, sameTable, tableText, type ComputedField, type QualifiedTable } from "../../model";
import { dquote } from "../base/aeson";
import { err400, err500, isApiError, underPath } from "../base/apiError";
import type { Cursor } from "../base/cursor";
import type { Tx } from "../engine/tx";
import { purgeObject } from "../metadata/purge";
import { parseComputedFieldDefinition, parseQualifiedTable } from "../metadata/parseTable";
import { computedFieldId, tableRelationshipId } from "../schemaCache/build";
import { askTableInfo, success, type Backend, type Command } from "./command";

/** Runs a lookup whose failure Hasura reports one key deeper (`withPathK`). */
function atKey<T>(key: string, lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    throw isApiError(error) ? underPath(error, key) : error;
  }
}

interface FieldArgs {
  source: string;
  table: QualifiedTable;
  name: string;
}

/** Parses and builds `add_computed_field`. */
export function addComputedFieldCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const object = cursor.object("AddComputedField");
  const args: FieldArgs = {
    source: object.optional("source")?.nonEmptyText() ?? defaultSource,
    table: parseQualifiedTable(object.required("table")),
    name: object.required("name").nonEmptyText(),
  };
  const field: ComputedField = { name: args.name, definition: parseComputedFieldDefinition(object.required("definition")) };
  const comment = object.optional("comment")?.text();
  if (comment !== undefined) field.comment = comment;
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      atKey("table", () => askTableInfo(tx, backend, args.source, args.table));
      await tx.buildSchemaCacheFor(computedFieldId(args.source, tableText(args.table), args.name), (metadata) => {
        const table = metadata.sources.find((source) => source.name === args.source)?.tables.find((candidate) => sameTable(candidate.table, args.table));
        if (table === undefined) return;
        const fields = table.computedFields ?? [];
        const index = fields.findIndex((candidate) => candidate.name === args.name);
        table.computedFields = index === -1 ? [...fields, field] : fields.map((candidate, at) => (at === index ? field : candidate));
      });
      return success();
    },
  };
}

/** The consistent remote relationships of the table that join on the field, as Hasura reports them. */
function dependents(tx: Tx, args: FieldArgs): string[] {
  const table = tx.metadata.sources.find((source) => source.name === args.source)?.tables.find((candidate) => sameTable(candidate.table, args.table));
  const text = tableText(args.table);
  return (table?.remoteRelationships ?? [])
    .filter((relationship) => {
      const target = relationship.definition.target;
      const joins = target.kind === "toSource" ? Object.keys(target.fieldMapping) : target.lhsFields;
      return joins.includes(args.name) && tx.isConsistent(tableRelationshipId(args.source, text, relationship.name));
    })
    .map((relationship) => `remote relationship ${text}.${relationship.name} in source ${dquote(args.source)}`)
    .sort();
}

/** Hasura's `askComputedFieldInfo`: the name must be a consistent computed field of the table. */
function askComputedField(tx: Tx, args: FieldArgs): void {
  const table = tx.metadata.sources.find((source) => source.name === args.source)?.tables.find((candidate) => sameTable(candidate.table, args.table));
  const quoted = dquote(args.name);
  if ((catalogColumns(tx.catalog(args.source), args.table) ?? []).includes(args.name)) {
    throw err400("unexpected-payload", `expecting a computed field; but, ${quoted} is a column`);
  }
  if (table?.remoteRelationships.some((relationship) => relationship.name === args.name)) {
    throw err400("unexpected-payload", `expecting a computed field; but, ${quoted} is a remote relationship`);
  }
  const present = (table?.computedFields ?? []).some((field) => field.name === args.name);
  if (!present || !tx.isConsistent(computedFieldId(args.source, tableText(args.table), args.name))) {
    throw err400("not-exists", `computed field ${quoted} does not exist`);
  }
}

/** Parses and builds `drop_computed_field`. */
export function dropComputedFieldCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const object = cursor.object("DropComputedField");
  const args: FieldArgs = {
    source: object.optional("source")?.nonEmptyText() ?? defaultSource,
    table: parseQualifiedTable(object.required("table")),
    name: object.required("name").nonEmptyText(),
  };
  const cascade = object.optional("cascade")?.boolean() ?? false;
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      atKey("table", () => askTableInfo(tx, backend, args.source, args.table));
      atKey("name", () => askComputedField(tx, args));
      const found = dependents(tx, args);
      if (found.length > 0 && !cascade) throw err400("dependency-error", `cannot drop due to the following dependent objects: ${found.join(", ")}`);
      // Hasura's cascade purges only permissions; any other dependent is an internal error there.
      if (found.length > 0) throw err500(`unexpected dependency for computed field ${dquote(args.name)}; ${found[0]}`);
      await tx.rebuildChecked((metadata) => purgeObject(metadata, { kind: "computedField", ...args }));
      return success();
    },
  };
}
