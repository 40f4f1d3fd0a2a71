import { setTimeout as sleep } from "node:timers/promises";
import { isHasuraError } from "./errors";
import { findRelationship, parseExport, type StoredRelationship } from "./hasuraMetadata";
import { chooseApi, deleteRequest, exportRequest, writeRequest, type ApiMode, type HasuraRequest, type WriteKind } from "./hasuraRequests";
import type { CallContext, HasuraClient } from "./http/hasuraClient";
import { retryDelayMs, defaultRetryPolicy } from "./http/retryPolicy";
import type { Relationship, RelationshipInputs, RelationshipKey } from "./model";
import { relationshipLabel } from "./normalize";
import { planCreate, planDelete, planImport, planUpdate, type Step } from "./plans";
import { clientFor, providerRuntime, queueWrite } from "./runtime";

/** One endpoint's client and the API it is called through. */
interface Session {
  readonly client: HasuraClient;
  readonly mode: ApiMode;
}

async function openSession(endpoint: string, context: CallContext): Promise<Session> {
  const runtime = providerRuntime();
  const client = clientFor(endpoint);
  let mode = runtime.modes.get(endpoint);
  if (mode === undefined) {
    const setting = runtime.settings.api;
    mode = chooseApi(setting, setting === "auto" ? await client.version(context) : undefined);
    runtime.modes.set(endpoint, mode);
  }
  return { client, mode };
}

/** What Hasura holds for a relationship now, and the `resource_version` it was read at. */
async function observe(session: Session, key: RelationshipKey, operation: string) {
  const request = exportRequest(session.mode);
  const body = await session.client.read(request.path, request.body, { operation, relationship: relationshipLabel(key) });
  const snapshot = parseExport(body);
  return { resourceVersion: snapshot.resourceVersion, stored: findRelationship(snapshot.metadata, key) };
}

/** Builds the write a step asks for, in the session's API. */
type RequestFor = (mode: ApiMode, write: WriteKind, resourceVersion: number | undefined) => HasuraRequest;

/** The request for whichever write a step asks for, on this relationship. */
function requestsFor(wanted: Relationship): RequestFor {
  return (mode, write, resourceVersion) =>
    write === "delete" ? deleteRequest(mode, wanted, resourceVersion) : writeRequest(mode, write, wanted, resourceVersion);
}

/** Reads one relationship; undefined when it, its table or its source is gone. */
export async function readRelationship(endpoint: string, key: RelationshipKey): Promise<StoredRelationship | undefined> {
  return (await observe(await openSession(endpoint, { operation: "read", relationship: relationshipLabel(key) }), key, "read")).stored;
}

/** Creates the relationship, or adopts an identical one; returns whether it adopted. */
export async function createRelationship(wanted: RelationshipInputs): Promise<{ adopted: boolean }> {
  const plan = wanted.importId === undefined ? planCreate : planImport;
  const step = await converge(
    wanted.endpoint,
    wanted,
    wanted.importId === undefined ? "create" : "import",
    (stored) => plan(stored, wanted),
    requestsFor(wanted),
  );
  return { adopted: step.kind === "done" && step.adopted === true };
}

/** Replaces the relationship's definition with the wanted one. */
export async function updateRelationship(wanted: RelationshipInputs): Promise<void> {
  await converge(wanted.endpoint, wanted, "update", (stored) => planUpdate(stored, wanted), requestsFor(wanted));
}

/** Deletes the relationship; one that is gone already, with its table or source, counts as deleted. */
export async function deleteRelationship(endpoint: string, key: RelationshipKey): Promise<void> {
  try {
    await converge(endpoint, key, "delete", planDelete, (mode, _write, resourceVersion) => deleteRequest(mode, key, resourceVersion));
  } catch (error) {
    if (isHasuraError(error) && error.code === "not-exists") return;
    throw error;
  }
}

/**
 * Observe, then write, until Hasura holds the wanted state. A stale `resource_version` (409) re-reads
 * and tries again; so does a write whose outcome is uncertain (no answer, or a gateway error), because
 * the re-read shows whether it applied. Both are bounded.
 */
async function converge(
  endpoint: string,
  key: RelationshipKey,
  operation: string,
  plan: (stored: StoredRelationship | undefined) => Step,
  requestFor: RequestFor,
): Promise<Step> {
  const context = { operation, relationship: relationshipLabel(key) };
  const session = await openSession(endpoint, context);
  return queueWrite(endpoint, () => observeAndWrite(session, key, context, plan, requestFor));
}

async function observeAndWrite(
  session: Session,
  key: RelationshipKey,
  context: CallContext,
  plan: (stored: StoredRelationship | undefined) => Step,
  requestFor: RequestFor,
): Promise<Step> {
  const { settings } = providerRuntime();
  const operation = context.operation;
  let conflicts = 0;
  let uncertain = 0;
  for (;;) {
    const { resourceVersion, stored } = await observe(session, key, operation);
    const step = plan(stored);
    // A refusal is the provider's own decision, not Hasura's answer: a plain error that says what to do.
    if (step.kind === "fail") throw new Error(step.message);
    if (step.kind === "done") return step;
    const request = requestFor(session.mode, step.write, resourceVersion);
    try {
      await session.client.write(request.path, request.body, context);
      return step;
    } catch (error) {
      if (!isHasuraError(error)) throw error;
      // Someone else wrote in between (a conflict), or the write may or may not have applied: wait a
      // little, then observe again, which tells whether to write at all.
      const retry = error.code === "conflict" ? ++conflicts <= settings.conflictRetries : error.uncertain === true && ++uncertain <= settings.maxRetries;
      if (retry) {
        await sleep(retryDelayMs(defaultRetryPolicy(), conflicts + uncertain, undefined));
        continue;
      }
      throw error;
    }
  }
}
