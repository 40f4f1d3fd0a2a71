/**
 * Computed fields: a tracked table's field backed by a SQL function. Resolved against the source's
 * catalog as Hasura's `buildComputedField` (Hasura/RQL/DDL/Schema/Cache/Fields.hs) and Postgres
 * `buildComputedFieldInfo` (Hasura/Backends/Postgres/DDL/ComputedField.hs) do it: the function must
 * exist once (no overloads), and then every failure is collected — a name that is no GraphQL name, a
 * VOLATILE function, a return type that is neither a base type nor a set of a tracked table, a table
 * argument that is missing or not this table's row type, a session argument that is missing or not
 * JSON — into Hasura's one message. And which computed fields can join a remote relationship: scalar
 * ones with no input arguments besides the row and the session (Fields.hs `lhsJoinFields`). The
 * local server builds its schema cache with this; the provider predicts Hasura with it at preview.
 * Pure.
 */
import { z } from "zod";
import { isGraphqlName } from "./graphqlName";
import { tableKey, type CatalogType, type FunctionArgument, type FunctionSpec, type SourceCatalog } from "./sourceCatalog";
import { tableJsonSchema } from "./storedJson";
import { sameTable, tableText, type QualifiedTable } from "./table";

/** A computed field's definition (Hasura's Postgres `ComputedFieldDefinition`). */
export interface ComputedFieldDefinition {
  function: QualifiedTable;
  tableArgument?: string;
  sessionArgument?: string;
}

/** A computed field of a tracked table, backed by a SQL function. */
export interface ComputedField {
  name: string;
  definition: ComputedFieldDefinition;
  /** An explicit comment; absent when Hasura's `Automatic`. */
  comment?: string | null;
}

/** A computed field that resolved: its function's return type and the input arguments left to callers. */
export interface ResolvedComputedField {
  readonly name: string;
  readonly returnsTable: boolean;
  readonly returnType: CatalogType;
  readonly callerArguments: readonly FunctionArgument[];
}

/** Wraps `text` in double quotes without escaping, as Hasura's `dquote` does. */
function quoted(text: string): string {
  return `"${text}"`;
}

function typeTable(type: CatalogType): QualifiedTable {
  return { schema: type.schema, name: type.name };
}

/** Hasura's `makeReasonMessage`. */
function reasonMessage(errors: readonly string[]): string {
  if (errors.length === 1) return `because ${errors[0]}`;
  return `for the following reasons:\n${errors.map((error) => `  • ${error}\n`).join("")}`;
}

/** The function of a computed field, or the reason Hasura gives when it cannot pick one. */
function singleFunction(catalog: SourceCatalog, name: QualifiedTable): FunctionSpec | string {
  const overloads = catalog.functions.get(tableKey(name)) ?? [];
  const text = quoted(tableText(name));
  if (overloads.length === 0) return `no such function exists: ${text}`;
  if (overloads.length > 1) return `function ${text} is overloaded. Overloaded functions are not supported`;
  return overloads[0];
}

/**
 * Resolves `field` of `table`; answers the resolved field, or the reason without its table and field
 * context (`the computed field "c" cannot be added to table "t" because ...`).
 */
export function resolveComputedField(
  field: ComputedField,
  table: QualifiedTable,
  catalog: SourceCatalog,
  trackedTables: readonly QualifiedTable[],
): ResolvedComputedField | string {
  const spec = singleFunction(catalog, field.definition.function);
  if (typeof spec === "string") return spec;
  const fn = quoted(tableText(field.definition.function));
  const errors: string[] = [];
  if (!isGraphqlName(field.name)) errors.push(`${quoted(field.name)} is not valid GraphQL name`);
  if (spec.volatility === "volatile") errors.push(`the function ${fn} is of type VOLATILE; cannot be added as a computed field`);
  const returnsTable = spec.returnsSet && spec.returnType.kind === "composite";
  if (returnsTable && !trackedTables.some((tracked) => sameTable(tracked, typeTable(spec.returnType)))) {
    errors.push(`the function ${fn} returning set of table ${quoted(tableText(typeTable(spec.returnType)))} is not tracked or not found in database`);
  }
  if (!returnsTable && spec.returnType.kind !== "base") errors.push(`the function ${fn} returning type ${spec.returnType.name} is not a BASE type`);

  const args = spec.inputArguments;
  const checkTableArgument = (argument: FunctionArgument, described: string) => {
    if (argument.type.kind !== "composite") errors.push(`${described} is not COMPOSITE type`);
    if (!sameTable(typeTable(argument.type), table)) {
      errors.push(`${described} of type ${quoted(tableText(typeTable(argument.type)))} is not the table to which the computed field is being added`);
    }
  };
  let tableArgumentIndex = 0;
  const named = field.definition.tableArgument;
  if (named !== undefined) {
    tableArgumentIndex = args.findIndex((argument) => argument.name === named);
    // Hasura stops here (`refute`): nothing else can be checked without the table argument.
    if (tableArgumentIndex === -1) return failure(field, table, [...errors, `${quoted(named)} is not an input argument of the function ${fn}`]);
    checkTableArgument(args[tableArgumentIndex], `${quoted(named)} argument of the function ${fn}`);
  } else if (args.length === 0) {
    errors.push(`the function ${fn} has no input arguments`);
  } else {
    checkTableArgument(args[0], `first argument of the function ${fn}`);
  }
  const session = field.definition.sessionArgument;
  let sessionIndex = -1;
  if (session !== undefined) {
    sessionIndex = args.findIndex((argument) => argument.name === session);
    if (sessionIndex === -1) return failure(field, table, [...errors, `${quoted(session)} is not an input argument of the function ${fn}`]);
    if (!["json", "jsonb"].includes(args[sessionIndex].type.name)) errors.push(`${quoted(session)} argument of the function ${fn} is not of type JSON`);
  }
  if (errors.length > 0) return failure(field, table, errors);
  const callerArguments = args.filter((_, index) => index !== tableArgumentIndex && index !== sessionIndex);
  return { name: field.name, returnsTable, returnType: spec.returnType, callerArguments };
}

function failure(field: ComputedField, table: QualifiedTable, errors: readonly string[]): string {
  return `the computed field ${quoted(field.name)} cannot be added to table ${quoted(tableText(table))} ${reasonMessage(errors)}`;
}

/** True when a resolved computed field can be a join field of a remote relationship. */
export function isJoinable(field: ResolvedComputedField): boolean {
  return !field.returnsTable && field.callerArguments.length === 0;
}

/** A computed field as Hasura stores it: `{name, definition: {function, table_argument?, session_argument?}, comment?}`. */
const computedFieldJson = z
  .looseObject({
    name: z.string(),
    definition: z.looseObject({
      function: tableJsonSchema,
      table_argument: z.string().nullish(),
      session_argument: z.string().nullish(),
    }),
  })
  .transform(({ name, definition }): ComputedField => {
    const read: ComputedFieldDefinition = { function: definition.function };
    if (typeof definition.table_argument === "string") read.tableArgument = definition.table_argument;
    if (typeof definition.session_argument === "string") read.sessionArgument = definition.session_argument;
    return { name, definition: read };
  });

/** The computed fields in a table's `computed_fields` as Hasura stores them; an entry this cannot read is left out. */
export function readComputedFields(json: unknown): ComputedField[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    const parsed = computedFieldJson.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
