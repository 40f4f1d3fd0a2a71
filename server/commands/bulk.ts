/**
 * `bulk`, `bulk_keep_going` and `bulk_atomic` (Hasura/Server/API/Metadata.hs). `bulk` runs its
 * children in one transaction, each with its own rebuild, and fails whole with the child's error
 * at `$.args[i].args`; `bulk_keep_going` undoes only a failing child and answers its error in its
 * slot; `bulk_atomic` accepts only commands with a plain metadata change, applies them all and
 * rebuilds once.
 */
import type { JsonValue } from "../../model";
import { err400, err500, isApiError, withPath } from "../base/apiError";
import { errorJson } from "../base/errorJson";
import type { Tx } from "../engine/tx";
import { success, type Command } from "./command";

/** Runs one child as Hasura's recursive `runMetadataQueryM` does: counted, errors under `args`. */
export async function runChild(tx: Tx, child: Command): Promise<JsonValue> {
  tx.services.countCommand(child.type);
  return withPath("args", () => child.run(tx));
}

/** A bulk command: it writes when any child writes. */
function bulkOf(type: string, children: readonly Command[], run: (tx: Tx) => Promise<JsonValue>): Command {
  return { type, modifiesMetadata: children.some((child) => child.modifiesMetadata), run };
}

/** Builds `bulk` from parsed children. */
export function bulkCommand(type: string, children: readonly Command[]): Command {
  return bulkOf(type, children, async (tx) => {
    const results: JsonValue[] = [];
    for (const [index, child] of children.entries()) results.push(await withPath(index, () => runChild(tx, child)));
    return results;
  });
}

/** Builds `bulk_keep_going` from parsed children. */
export function bulkKeepGoingCommand(type: string, children: readonly Command[]): Command {
  return bulkOf(type, children, async (tx) => {
    const results: JsonValue[] = [];
    for (const child of children) {
      const before = tx.snapshot();
      try {
        results.push(await runChild(tx, child));
      } catch (error) {
        if (!isApiError(error)) throw error;
        // Hasura's catchError sits inside the child's own path but outside the index.
        tx.restore(before);
        results.push(errorJson(error, true));
      }
    }
    return results;
  });
}

/** Builds `bulk_atomic` from parsed children. */
export function bulkAtomicCommand(type: string, children: readonly Command[]): Command {
  return bulkOf(type, children, async (tx) => {
    const changes = children.map((child) => {
      if (child.atomic === undefined) throw err500("Bulk atomic does not support this command");
      return child.atomic;
    });
    // Hasura checks every child against the schema cache from before the bulk, then rebuilds once.
    for (const [index, change] of changes.entries()) {
      tx.services.countCommand(children[index].type);
      change.check(tx);
    }
    for (const change of changes) change.apply(tx.metadata);
    const fresh = await tx.rebuild();
    if (fresh.length > 0) throw err400("bad-request", "Schema inconsistency", tx.inconsistencyList(fresh));
    return success();
  });
}
