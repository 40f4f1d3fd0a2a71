/**
 * Inconsistent metadata objects (Hasura's `InconsistentObject`), their identity across rebuilds
 * (`moiName`) and their JSON, which differs between Hasura v2 and 1.3.
 */
import type { JsonObject, JsonValue } from "../../model";
import type { MetadataObjectRef } from "../metadata/records";

/** Which Hasura generation's wording the server speaks. */
export type Profile = "v2" | "v1";

/** One object the last schema-cache build could not include. */
export interface InconsistentObject {
  /** Hasura's `moiName`, e.g. `remote_relationship r in table profiles in source default`. */
  id: string;
  /** Hasura's `moiTypeName`, e.g. `remote_relationship`. */
  type: string;
  /** The reason without the `Inconsistent object: ` prefix. */
  reason: string;
  definition: JsonValue;
  /** The metadata object it is, for `drop_inconsistent_metadata`. */
  ref: MetadataObjectRef;
}

/** The reason as Hasura reports it: v2 prefixes `Inconsistent object: `, 1.3 did not. */
export function fullReason(object: InconsistentObject, profile: Profile): string {
  return profile === "v2" ? `Inconsistent object: ${object.reason}` : object.reason;
}

/** The JSON of one inconsistency, as in `internal` lists and `get_inconsistent_metadata`. */
export function inconsistencyJson(object: InconsistentObject, profile: Profile): JsonObject {
  const json: JsonObject = { definition: structuredClone(object.definition), reason: fullReason(object, profile), type: object.type };
  if (profile === "v2") json.name = object.id;
  return json;
}

/** The objects of `fresh` whose ids were not inconsistent before (Hasura's `HashMap.difference`). */
export function newlyInconsistent(before: readonly InconsistentObject[], fresh: readonly InconsistentObject[]): InconsistentObject[] {
  const known = new Set(before.map((object) => object.id));
  return fresh.filter((object) => !known.has(object.id));
}
