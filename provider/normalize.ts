import type { JsonValue, QualifiedTable, RelationshipInputs, RemoteField, RemoteFieldCall } from "./model";

/** The source Hasura means when none is named. */
export const defaultSource = "default";

/** The Postgres schema Hasura means when a table is given as a bare string. */
export const defaultSchema = "public";

/** `"users"` and `{name: "users"}` both mean `{schema: "public", name: "users"}`, as in Hasura. */
export function normalizeTable(table: string | { readonly schema?: string; readonly name: string }): QualifiedTable {
  if (typeof table === "string") return { schema: defaultSchema, name: table };
  return { schema: table.schema ?? defaultSchema, name: table.name };
}

/** Join fields are a set in Hasura: duplicates collapse and order is not kept, so keep them sorted. */
export function normalizeFields(fields: readonly string[]): string[] {
  return [...new Set(fields)].sort();
}

/** A copy of a JSON value with object keys sorted at every depth, so equal values look equal. */
export function canonicalJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === "object") {
    const sorted: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) sorted[key] = canonicalJson(value[key]);
    return sorted;
  }
  return value;
}

/** A remote field tree in canonical form: sorted argument keys and no empty `field` levels. */
export function normalizeRemoteField(field: RemoteField): RemoteField {
  const result: { [name: string]: RemoteFieldCall } = {};
  for (const name of Object.keys(field).sort()) {
    const call = field[name];
    const args = canonicalJson(call.arguments ?? {}) as RemoteFieldCall["arguments"];
    result[name] = call.field === undefined ? { arguments: args } : { arguments: args, field: normalizeRemoteField(call.field) };
  }
  return result;
}

/** An endpoint without trailing slashes, so `https://h/` and `https://h` are the same Hasura. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, "");
}

/** The relationship as this provider names it in messages: `source.schema.table.name`. */
export function relationshipLabel(key: { readonly source: string; readonly table: QualifiedTable; readonly name: string }): string {
  return `${key.source}.${key.table.schema}.${key.table.name}.${key.name}`;
}

/** The raw, validated inputs that `normalizeInputs` accepts. */
export interface RawRelationshipInputs {
  readonly endpoint: string;
  readonly source?: string;
  readonly table: string | { readonly schema?: string; readonly name: string };
  readonly name: string;
  readonly hasuraFields: readonly string[];
  readonly remoteSchema: string;
  readonly remoteField: RemoteField;
  readonly adoptExisting?: boolean;
  readonly importId?: string;
}

/** How each input is normalized; `normalizeInputs` and the partial form in `check` both use it. */
export const inputNormalizers = {
  endpoint: (value: string): string => normalizeEndpoint(value),
  source: (value: string | undefined): string => value ?? defaultSource,
  table: (value: RawRelationshipInputs["table"]): QualifiedTable => normalizeTable(value),
  name: (value: string): string => value,
  hasuraFields: (value: readonly string[]): string[] => normalizeFields(value),
  remoteSchema: (value: string): string => value,
  remoteField: (value: RemoteField): RemoteField => normalizeRemoteField(value),
} as const;

/** Validated inputs in the one form that state, diff and every Hasura call use. */
export function normalizeInputs(raw: RawRelationshipInputs): RelationshipInputs {
  const normalized: RelationshipInputs = {
    endpoint: inputNormalizers.endpoint(raw.endpoint),
    source: inputNormalizers.source(raw.source),
    table: inputNormalizers.table(raw.table),
    name: raw.name,
    hasuraFields: inputNormalizers.hasuraFields(raw.hasuraFields),
    remoteSchema: raw.remoteSchema,
    remoteField: inputNormalizers.remoteField(raw.remoteField),
  };
  return { ...normalized, ...steeringOf(raw) };
}

/** The steering inputs that are set, to carry from inputs to outputs and from old state to new. */
export function steeringOf(raw: { readonly adoptExisting?: boolean; readonly importId?: string }): { adoptExisting?: boolean; importId?: string } {
  return {
    ...(raw.adoptExisting === undefined ? {} : { adoptExisting: raw.adoptExisting }),
    ...(raw.importId === undefined ? {} : { importId: raw.importId }),
  };
}
