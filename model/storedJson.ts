/**
 * Hasura's stored JSON read into the model, with schemas: the one parser of each stored format.
 * (The local server has a parser of its own where it must reproduce Hasura's exact parse errors.)
 */
import { z } from "zod";
import { findJsonHazard, isJsonObject, maxJsonDepth, type JsonHazard, type JsonValue } from "./json";
import type { RemoteField } from "./remoteField";
import { canonicalTarget, type StoredDefinition } from "./relationshipTarget";
import { qualifyTable } from "./table";

/** A JSON value, checked without copying (zod's records would drop keys named `__proto__`). */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

/** `remote_field` as Hasura stores it: each level `{arguments, field?}`. */
export const remoteFieldJsonSchema: z.ZodType<RemoteField> = z.lazy(() =>
  z.record(z.string(), z.looseObject({ arguments: z.record(z.string(), jsonValueSchema), field: remoteFieldJsonSchema.optional() })),
);

/** A table as Hasura stores it, `"name"` or `{schema?, name}`, kept as it is written. */
export const tableRefJsonSchema = z.union([z.string(), z.looseObject({ schema: z.string().optional(), name: z.string() })]);

/** A table as Hasura stores it, qualified. */
export const tableJsonSchema = tableRefJsonSchema.transform(qualifyTable);

const names = z.array(z.string());

const toRemoteSchemaJson = z
  .looseObject({ remote_schema: z.string(), lhs_fields: names, remote_field: remoteFieldJsonSchema })
  .transform((json) => ({ kind: "toRemoteSchema" as const, remoteSchema: json.remote_schema, lhsFields: json.lhs_fields, remoteField: json.remote_field }));

const toSourceJson = z
  .looseObject({ relationship_type: z.enum(["object", "array"]), source: z.string(), table: tableJsonSchema, field_mapping: z.record(z.string(), z.string()) })
  .transform((json) => ({
    kind: "toSource" as const,
    relationshipType: json.relationship_type,
    source: json.source,
    table: json.table,
    fieldMapping: json.field_mapping,
  }));

const definitionFormats = {
  to_remote_schema: z
    .looseObject({ to_remote_schema: toRemoteSchemaJson })
    .transform((json) => ({ format: "definition" as const, target: json.to_remote_schema })),
  to_source: z.looseObject({ to_source: toSourceJson }).transform((json) => ({ format: "definition" as const, target: json.to_source })),
  remote_schema: z.looseObject({ remote_schema: z.string(), hasura_fields: names, remote_field: remoteFieldJsonSchema }).transform((json) => ({
    format: "legacy" as const,
    target: { kind: "toRemoteSchema" as const, remoteSchema: json.remote_schema, lhsFields: json.hasura_fields, remoteField: json.remote_field },
  })),
};

/** A parse that either gives the value or says, in a sentence, why the JSON is not that. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * A stored definition, in canonical form so that the legacy and `definition` formats of the same join
 * compare equal; or why the JSON is not a definition this project understands.
 */
export function parseStoredDefinition(json: unknown): Parsed<StoredDefinition> {
  const hazard = findJsonHazard(json, maxJsonDepth);
  if (hazard !== undefined) return { ok: false, reason: hazardReason(hazard) };
  // The key that is present picks the format, so that a failure speaks of that format's fields.
  const key = isJsonObject(json) ? (["to_remote_schema", "to_source", "remote_schema"] as const).find((name) => name in json) : undefined;
  if (key === undefined) return { ok: false, reason: "its definition has none of to_remote_schema, to_source or remote_schema" };
  const parsed = definitionFormats[key].safeParse(json);
  if (!parsed.success) return { ok: false, reason: `its definition is not in a format this provider reads (${firstIssue(parsed.error)})` };
  return { ok: true, value: { format: parsed.data.format, target: canonicalTarget(parsed.data.target) } };
}

/** A hazard as the end of a sentence. */
export function hazardReason(hazard: JsonHazard): string {
  const where = hazard.path.length === 0 ? "the value" : hazard.path.join(".");
  if (hazard.problem === "too-deep") return `it nests deeper than ${maxJsonDepth} levels at ${where}`;
  return hazard.problem === "proto-key" ? `it holds a key named "__proto__" at ${where}` : "it holds too many values";
}

/** The first problem zod found, as `path: message`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const deepest = issue.code === "invalid_union" ? (issue.errors.flat()[0] ?? issue) : issue;
  const path = [...issue.path, ...(deepest === issue ? [] : deepest.path)];
  return `${path.length === 0 ? "" : `${path.join(".")}: `}${deepest.message}`;
}
