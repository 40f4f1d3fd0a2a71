/**
 * `drop_inconsistent_metadata` (Hasura/RQL/DDL/Metadata.hs `runDropInconsistentMetadata`): purges
 * every inconsistent object from the metadata, dependents first (the schema cache lists dependents
 * after what they depend on, so Hasura walks the list backwards), rebuilds without invalidating
 * anything, and refuses with 400 `unexpected` if that leaves new inconsistencies. Answers
 * `{"message": "success"}`; a write.
 */
import { err400 } from "../base/apiError";
import type { Tx } from "../engine/tx";
import { purgeObject } from "../metadata/purge";
import { success, type Command } from "./command";

/** Builds `drop_inconsistent_metadata` (its arguments are ignored, as Hasura's parser ignores them). */
export function dropInconsistentMetadataCommand(type: string): Command {
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      for (const object of [...tx.inconsistencies].reverse()) purgeObject(tx.metadata, object.ref);
      tx.inconsistencies = [];
      await tx.rebuild();
      if (tx.inconsistencies.length > 0)
        throw err400("unexpected", "cannot continue due to new inconsistent metadata", tx.inconsistencyList(tx.inconsistencies));
      return success();
    },
  };
}
