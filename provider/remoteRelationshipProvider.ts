import type * as dynamic from "@pulumi/pulumi/dynamic";
import { findTableRelationship, tableRelationshipLabel, type TableRelationshipKey } from "../model";
import { diffRemoteRelationship } from "./diff";
import { isHasuraError } from "./hasura/errors";
import { checkRemoteRelationship } from "./inputs/check";
import type { RemoteRelationshipInputs } from "./inputs/schema";
import { planCreate, planDelete, planImport, planUpdate, type Wanted } from "./plans";
import { formatRelationshipId, parseRelationshipId } from "./relationshipId";
import { configureRuntime, currentSettings, gatewayFor } from "./runtime/runtime";
import { readSettings } from "./runtime/settings";
import { endpointOf, steeringOf } from "./state";
import { tableRelationshipChange } from "./tableRelationshipChange";

/** The resource's outputs: every input under the same name, canonical, so that diff and update see the old inputs. */
export type RemoteRelationshipOutputs = RemoteRelationshipInputs;

/**
 * The dynamic provider behind `RemoteRelationship`. The engine keeps a small reference to it in the
 * state (provider/handle.ts) and loads it from the installed package, so old state is driven by the
 * code installed now: every method reads outputs of earlier releases through provider/state.ts.
 * It holds no secret: the admin secret is read in `configure`.
 */
export const remoteRelationshipProvider = {
  /** Reads `hasura:*` stack config and HASURA_GRAPHQL_ADMIN_SECRET. */
  async configure(request: dynamic.ConfigureRequest): Promise<void> {
    await configureRuntime(readSettings((key) => request.config.get(key), process.env));
  },

  /** Validates inputs with no network call and returns them in canonical form. */
  async check(_olds: unknown, news: Record<string, unknown>): Promise<dynamic.CheckResult<RemoteRelationshipInputs>> {
    return checkRemoteRelationship(news);
  },

  /** Update in place, or replace when the relationship's identity changes. */
  async diff(_id: string, olds: Record<string, unknown>, news: RemoteRelationshipInputs): Promise<dynamic.DiffResult> {
    return diffRemoteRelationship(olds, news);
  },

  /** Creates the relationship, adopts an identical one that exists already, or imports the one the `import` option names. */
  async create(inputs: RemoteRelationshipInputs): Promise<dynamic.CreateResult<RemoteRelationshipOutputs>> {
    const key = keyOf(inputs);
    const wanted = wantedOf(inputs);
    const importing = inputs.importId !== undefined;
    const plan = importing ? planImport : planCreate;
    await gatewayFor(inputs.endpoint).apply(tableRelationshipChange(key, importing ? "import" : "create", (held) => plan(held, wanted)));
    return { id: formatRelationshipId(key), outs: inputs };
  },

  /** Reads the live relationship; one that is gone returns no ID, so that refresh drops it from the state. */
  async read(id: string, props?: Record<string, unknown>): Promise<dynamic.ReadResult<RemoteRelationshipOutputs>> {
    const key = parseRelationshipId(id);
    const endpoint = endpointOf(id, props, currentSettings(), "read");
    const snapshot = await gatewayFor(endpoint).observe({ operation: "read", relationship: tableRelationshipLabel(key) });
    const held = findTableRelationship(snapshot.metadata, key);
    if (held?.kind !== "understood" || held.stored.target.kind !== "toRemoteSchema") return {};
    const { lhsFields, remoteSchema, remoteField } = held.stored.target;
    const live: RemoteRelationshipInputs = { endpoint, ...key, hasuraFields: [...lhsFields], remoteSchema, remoteField, ...steeringOf(props) };
    return { id, props: live, inputs: live };
  },

  /** Writes the whole new definition. */
  async update(_id: string, _olds: Record<string, unknown>, news: RemoteRelationshipInputs): Promise<dynamic.UpdateResult<RemoteRelationshipOutputs>> {
    const wanted = wantedOf(news);
    await gatewayFor(news.endpoint).apply(tableRelationshipChange(keyOf(news), "update", (held) => planUpdate(held, wanted)));
    return { outs: news };
  },

  /** Deletes the relationship; one already gone, with its table or source, counts as deleted. */
  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    const endpoint = endpointOf(id, props, currentSettings(), "delete");
    try {
      await gatewayFor(endpoint).apply(tableRelationshipChange(parseRelationshipId(id), "delete", planDelete));
    } catch (error) {
      if (isHasuraError(error) && error.code === "not-exists") return;
      throw error;
    }
  },
} satisfies dynamic.ResourceProvider<RemoteRelationshipInputs, RemoteRelationshipOutputs>;

function keyOf(inputs: RemoteRelationshipInputs): TableRelationshipKey {
  return { source: inputs.source, table: inputs.table, name: inputs.name };
}

function wantedOf(inputs: RemoteRelationshipInputs): Wanted {
  return {
    label: tableRelationshipLabel(keyOf(inputs)),
    endpoint: inputs.endpoint,
    adoptExisting: inputs.adoptExisting,
    target: { kind: "toRemoteSchema", remoteSchema: inputs.remoteSchema, lhsFields: inputs.hasuraFields, remoteField: inputs.remoteField },
  };
}
