/** What Hasura answers to a metadata write when it took it; anything else was not Hasura's answer. */
import { z } from "zod";

const acknowledged = z.union([
  // pg_*_remote_relationship, *_remote_relationship (/v1/query), replace_metadata version 1.
  z.looseObject({ message: z.literal("success") }),
  // replace_metadata version 2.
  z.looseObject({ is_consistent: z.boolean(), inconsistent_objects: z.array(z.unknown()) }),
]);

/** True when the body is Hasura's answer to a write it applied. */
export function isWriteAcknowledged(body: unknown): boolean {
  return acknowledged.safeParse(body).success;
}
