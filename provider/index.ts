import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkRelationship } from "./check";
import { diffRelationship } from "./diff";
import type { RelationshipInputs, RelationshipOutputs } from "./model";
import { normalizeInputs, steeringOf, type RawRelationshipInputs } from "./normalize";
import { createRelationship, deleteRelationship, readRelationship, updateRelationship } from "./operations";
import { formatRelationshipId, parseRelationshipId } from "./relationshipId";
import { applySettings, providerRuntime } from "./runtime";
import { readSettings } from "./settings";

/**
 * The dynamic provider behind `RemoteRelationship`. Pulumi serializes it into the state, and the
 * state's old copy is what deletes and refreshes old resources, so every method stays compatible with
 * outputs written by earlier releases. It holds no secret: the admin secret is read in `configure`.
 */
export const remoteRelationshipProvider = {
  /** Reads `hasura:*` stack config and HASURA_GRAPHQL_ADMIN_SECRET. */
  async configure(request: dynamic.ConfigureRequest): Promise<void> {
    await applySettings(readSettings((key) => request.config.get(key), process.env));
  },

  /** Validates inputs with no network call and returns them normalized. */
  async check(_olds: object, news: object): Promise<dynamic.CheckResult<RelationshipInputs>> {
    // The engine hands check whatever the program passed; only after it are the inputs RelationshipInputs.
    return checkRelationship(news as Record<string, unknown>) as unknown as dynamic.CheckResult<RelationshipInputs>;
  },

  /** Update in place, or replace when the relationship's identity changes. */
  async diff(_id: string, olds: RelationshipOutputs, news: RelationshipInputs): Promise<dynamic.DiffResult> {
    return diffRelationship({ ...olds }, { ...news });
  },

  /** Creates the relationship, or adopts an identical one that exists already. */
  async create(inputs: RelationshipInputs): Promise<dynamic.CreateResult<RelationshipOutputs>> {
    const wanted = normalizeInputs(inputs as RawRelationshipInputs);
    await createRelationship(wanted);
    return { id: formatRelationshipId(wanted), outs: wanted };
  },

  /** Reads the live relationship; one that is gone returns no ID, so that refresh drops it from the state. */
  async read(id: string, props?: Partial<RelationshipOutputs>): Promise<dynamic.ReadResult<RelationshipOutputs>> {
    const key = parseRelationshipId(id);
    const endpoint = props?.endpoint ?? providerRuntime().settings.endpoint;
    if (endpoint === undefined) {
      throw new Error(`Cannot read remote relationship "${id}": no endpoint is known. Set hasura:endpoint for this stack, or pass endpoint.`);
    }
    const stored = await readRelationship(endpoint, key);
    if (stored?.kind !== "remote-schema") return {};
    const live = normalizeInputs({ ...key, ...stored.definition, endpoint, ...steeringOf(props ?? {}) });
    return { id, props: live, inputs: live };
  },

  /** Writes the whole new definition. */
  async update(_id: string, _olds: RelationshipOutputs, news: RelationshipInputs): Promise<dynamic.UpdateResult<RelationshipOutputs>> {
    const wanted = normalizeInputs(news as RawRelationshipInputs);
    await updateRelationship(wanted);
    return { outs: wanted };
  },

  /** Deletes the relationship; one already gone counts as deleted. */
  async delete(id: string, props: Partial<RelationshipOutputs>): Promise<void> {
    const endpoint = props.endpoint ?? providerRuntime().settings.endpoint;
    if (endpoint === undefined) throw new Error(`Cannot delete remote relationship "${id}": its state names no endpoint. Set hasura:endpoint for this stack.`);
    await deleteRelationship(endpoint, parseRelationshipId(id));
  },
} satisfies dynamic.ResourceProvider<RelationshipInputs, RelationshipOutputs>;
