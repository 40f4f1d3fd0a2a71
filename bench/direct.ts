/**
 * What Hasura itself needs for the changes the operations make, sent straight to the server as
 * `hasura metadata apply` or a person would: one `replace_metadata` of the end state for the up, the
 * mixed up and the destroy (one rebuild, and a catalog introspection of every source), one
 * `export_metadata` for the refresh, and one `pg_update_remote_relationship` for the one-change up
 * (one rebuild, no introspection). With the server at the start state, the calls take it through the
 * same states the relationships' run did, and back.
 */
import { isDeepStrictEqual } from "node:util";
import { isJsonObject, type JsonObject } from "../model";
import { hasuraCall, listRemoteRelationships } from "../scripts/hasuraAdmin";
import type { RunningHasuraServer } from "../server";
import { measure } from "./measure";
import type { Operation, OperationFigures } from "./results";

/** The metadata document as `export_metadata` version 2 answers it, without its resource_version. */
export async function exportDocument(server: RunningHasuraServer, adminSecret: string): Promise<JsonObject> {
  const answer = await hasuraCall(server.url, adminSecret, { type: "export_metadata", version: 2, args: {} });
  if (!isJsonObject(answer) || !isJsonObject(answer.metadata)) throw new Error("export_metadata version 2 answered no metadata object.");
  return answer.metadata;
}

/** The documents the relationships' run left after each of its writing operations. */
export interface RunDocuments {
  readonly start: JsonObject;
  readonly created: JsonObject;
  readonly oneChanged: JsonObject;
  readonly mixed: JsonObject;
}

/** Takes the server from `start` through the run's states and back, each call measured; checks it is at `start` again. */
export async function measureDirect(
  server: RunningHasuraServer,
  adminSecret: string,
  documents: RunDocuments,
): Promise<Partial<Record<Operation, OperationFigures>>> {
  const call = (body: unknown) => measure(server, () => hasuraCall(server.url, adminSecret, body));
  const replace = (metadata: JsonObject) => call({ type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: false, metadata } });
  const up = await replace(documents.created);
  const refresh = await measure(server, () => exportDocument(server, adminSecret));
  const oneChangeUp = await call(oneChangeCommand(documents.created, documents.oneChanged));
  const mixedUp = await replace(documents.mixed);
  const destroy = await replace(documents.start);
  if (!isDeepStrictEqual(await exportDocument(server, adminSecret), documents.start))
    throw new Error("The server's metadata is not back at the start state after the direct calls.");
  return { up, refresh, oneChangeUp, mixedUp, destroy };
}

/** The one `pg_update_remote_relationship` that takes `before` to `after`, which differ in one relationship's definition. */
function oneChangeCommand(before: JsonObject, after: JsonObject): unknown {
  const held = new Map(listRemoteRelationships(before).map((entry) => [`${entry.source}.${entry.table}.${entry.name}`, entry.definition]));
  const changed = listRemoteRelationships(after).filter(
    (entry) => !isDeepStrictEqual(held.get(`${entry.source}.${entry.table}.${entry.name}`), entry.definition),
  );
  if (changed.length !== 1) throw new Error(`The one-change up changed ${changed.length} relationships in Hasura, not 1.`);
  const [{ source, table, name, definition }] = changed;
  const [schema, tableName] = table.split(".");
  return { type: "pg_update_remote_relationship", args: { source, table: { schema, name: tableName }, name, definition } };
}
