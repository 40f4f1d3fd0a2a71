/**
 * Hasura's inconsistent objects (`get_inconsistent_metadata`): what no longer builds, for instance a
 * relationship whose remote schema changed under it. Read with a schema; matched to relationships by
 * the definition Hasura echoes with each object.
 */
import { z } from "zod";
import type { RemoteSchemaRelationshipKey, TableRelationshipKey } from "./relationshipKey";
import { firstIssue, tableJsonSchema, type Parsed } from "./storedJson";
import { sameTable } from "./table";

const inconsistentObject = z.looseObject({ type: z.string(), reason: z.string().optional(), name: z.string().optional(), definition: z.unknown() });

const answer = z.looseObject({ is_consistent: z.boolean(), inconsistent_objects: z.array(inconsistentObject) });

/** One inconsistent object as Hasura lists it. */
export type InconsistentObject = z.infer<typeof inconsistentObject>;

/** The inconsistent objects of a `get_inconsistent_metadata` answer, or why the answer is not Hasura's. */
export function parseInconsistencies(body: unknown): Parsed<readonly InconsistentObject[]> {
  const parsed = answer.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data.inconsistent_objects }
    : { ok: false, reason: `it is not {is_consistent, inconsistent_objects} (${firstIssue(parsed.error)})` };
}

const tableEcho = z.looseObject({ source: z.string().optional(), table: tableJsonSchema, name: z.string() });
// Hasura reads `type_name` but its derived ToJSON has echoed the type as `type`: take either.
const remoteSchemaEcho = z
  .looseObject({ remote_schema: z.string(), type_name: z.string().optional(), type: z.string().optional(), name: z.string() })
  .transform((echo) => ({ remoteSchema: echo.remote_schema, typeName: echo.type_name ?? echo.type, name: echo.name }));

/** Hasura's reason for the relationship on a table, when it is inconsistent. */
export function tableRelationshipInconsistency(objects: readonly InconsistentObject[], key: TableRelationshipKey): string | undefined {
  return objects.find((object) => {
    if (object.type !== "remote_relationship") return false;
    const echo = tableEcho.safeParse(object.definition);
    return echo.success && (echo.data.source ?? "default") === key.source && sameTable(echo.data.table, key.table) && echo.data.name === key.name;
  })?.reason;
}

/** Hasura's reason for the relationship on a remote schema's type, when it is inconsistent. */
export function remoteSchemaRelationshipInconsistency(objects: readonly InconsistentObject[], key: RemoteSchemaRelationshipKey): string | undefined {
  return objects.find((object) => {
    const echo = remoteSchemaEcho.safeParse(object.definition);
    return echo.success && echo.data.remoteSchema === key.remoteSchema && echo.data.typeName === key.typeName && echo.data.name === key.name;
  })?.reason;
}
