/**
 * The reads `check` makes (the API, the metadata a move proves readable, remote schemas, the database
 * sources and their catalogs), bounded. Each has the short deadline `hasura:checkTimeoutMs`, not the writes'
 * `hasura:requestTimeoutMs` (sized for a write to a large Hasura), and once one has failed for a reason
 * that holds for the whole endpoint (no answer, refused credentials, an answer that is not Hasura's),
 * every later one fails the same way at once, sending nothing. The engine checks resources one at a
 * time, so without this a preview of N relationships at a Hasura that never answers waited N deadlines.
 * A failure is kept for the life of the gateway: the process, unless new settings open another one.
 */
import { forCaller, type CallContext } from "../hasura/errors";
import { failureKind } from "../hasura/failureKinds";
import type { ApiMode } from "../hasura/requests";
import type { MetadataDocument, MetadataSnapshot } from "../../model";
import type { Gateway, RemoteSchemaLookup, SourceCatalogLookup } from "./gateway";

/** The reads of check at one endpoint. */
export interface CheckReads {
  /** The API the endpoint is called through (for a Hasura v2, its `/v1/version`): whether it answers at all. */
  api(context: CallContext): Promise<ApiMode>;
  /** The metadata as an admin reads it; see Gateway.observe. */
  observe(context: CallContext): Promise<MetadataSnapshot>;
  /** A remote schema as Hasura sees it; see Gateway.remoteSchema. */
  remoteSchema(name: string, context: CallContext): Promise<RemoteSchemaLookup>;
  /** The database sources as the metadata has them; see Gateway.sources. */
  sources(context: CallContext): Promise<MetadataDocument>;
  /** A database source's catalog; see Gateway.sourceCatalog. */
  sourceCatalog(source: string, context: CallContext): Promise<SourceCatalogLookup>;
}

const perGateway = new WeakMap<Gateway, CheckReads>();

/** The bounded reads of check at the gateway's endpoint, one set per gateway, so that a failure is remembered as long as the gateway lives. */
export function checkReadsOf(gateway: Gateway): CheckReads {
  let reads = perGateway.get(gateway);
  if (reads === undefined) {
    reads = boundedReads(gateway);
    perGateway.set(gateway, reads);
  }
  return reads;
}

function boundedReads(gateway: Gateway): CheckReads {
  const deadline = { ms: gateway.settings.checkTimeoutMs, setting: "hasura:checkTimeoutMs" };
  // The first failure that holds for the whole endpoint; Hasura's own errors (about one remote schema) do not.
  let endpointFailure: unknown;
  const bounded = async <T>(read: (context: CallContext) => Promise<T>, context: CallContext): Promise<T> => {
    // Told under this caller's own resource, as a shared read's failure is.
    if (endpointFailure !== undefined) throw forCaller(endpointFailure, context);
    try {
      return await read({ ...context, deadline });
    } catch (error) {
      const kind = failureKind(error);
      if (kind !== undefined && kind !== "hasura") endpointFailure ??= error;
      throw error;
    }
  };
  return {
    api: (context) => bounded((bound) => gateway.api(bound), context),
    observe: (context) => bounded((bound) => gateway.observe(bound), context),
    remoteSchema: (name, context) => bounded((bound) => gateway.remoteSchema(name, bound), context),
    sources: (context) => bounded((bound) => gateway.sources(bound), context),
    sourceCatalog: (source, context) => bounded((bound) => gateway.sourceCatalog(source, bound), context),
  };
}
