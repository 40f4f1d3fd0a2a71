/**
 * The one shape of both dynamic providers: the same CRUD steps over a resource kind that says where
 * its relationship lives in Hasura's metadata and how its inputs map to a target. The engine keeps
 * a small reference to the provider in the state (provider/handle.ts) and loads it from the installed
 * package, so old state is driven by the code installed now: every method reads outputs of earlier
 * releases through provider/state.ts. It holds no secret: the admin secret is read in `configure`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { diffInputs } from "./diff";
import { isHasuraError } from "./hasura/errors";
import { checkFailures, checkInputs, dryRunKey } from "./inputs/check";
import { planCreate, planDelete, planImport, planUpdate, type Wanted } from "./plans";
import type { InputsOf, InputsSchema, RelationshipKind } from "./resources/kind";
import { warn } from "./runtime/engineLog";
import { configureRuntime, currentSettings, failConfiguration, gatewayFor } from "./runtime/runtime";
import { readSettings } from "./runtime/settings";
import { endpointOf, steeringOf } from "./state";

/** The outputs: every input under the same name, and Hasura's reason when the relationship is inconsistent. */
export type RelationshipOutputs<I> = I | (I & { readonly inconsistency: string });

/** The dynamic provider for a relationship kind. */
export function relationshipProvider<S extends InputsSchema, K>(kind: RelationshipKind<S, K>) {
  type I = InputsOf<S>;
  const wantedOf = (inputs: I): Wanted => ({
    noun: kind.noun,
    id: kind.formatId(kind.keyOf(inputs)),
    endpoint: inputs.endpoint,
    adoptExisting: inputs.adoptExisting,
    target: kind.targetOf(inputs),
  });
  return {
    /** Reads `hasura:*` stack config and HASURA_GRAPHQL_ADMIN_SECRET. */
    async configure(request: dynamic.ConfigureRequest): Promise<void> {
      let settings;
      try {
        settings = readSettings((key) => request.config.get(key), process.env);
      } catch (error) {
        failConfiguration(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      await configureRuntime(settings);
    },

    /**
     * Validates the inputs and returns them in canonical form: first what the inputs alone show, then,
     * when those pass, what Hasura would say of them against the live remote schema (every
     * relationship in a preview; in an up, those whose target changed).
     */
    async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult<I>> {
      const result = checkInputs(kind, news);
      if (result.inputs === undefined || !currentSettings().validateLive) return result;
      const scope = { dryRun: news[dryRunKey] === true, changed: diffInputs(kind, olds ?? {}, result.inputs).changes !== false };
      const issues = await kind.liveIssues(result.inputs, scope);
      return issues.length === 0 ? result : { failures: checkFailures(issues) };
    },

    /** Update in place, or replace when the relationship's identity changes. */
    async diff(_id: string, olds: Record<string, unknown>, news: I): Promise<dynamic.DiffResult> {
      return diffInputs(kind, olds, news);
    },

    /** Creates the relationship, adopts an identical one that exists already, or imports the one the `import` option names. */
    async create(inputs: I): Promise<dynamic.CreateResult<RelationshipOutputs<I>>> {
      const key = kind.keyOf(inputs);
      const wanted = wantedOf(inputs);
      const importing = inputs.importId !== undefined;
      const plan = importing ? planImport : planCreate;
      await gatewayFor(inputs.endpoint).apply(kind.change(key, importing ? "import" : "create", (held) => plan(held, wanted)));
      return { id: kind.formatId(key), outs: inputs };
    },

    /**
     * Reads the live relationship, with Hasura's reason when it is inconsistent (one warning line says
     * so too); one that is gone returns no ID, so that refresh drops it from the state.
     */
    async read(id: string, props?: Record<string, unknown>): Promise<dynamic.ReadResult<RelationshipOutputs<I>>> {
      const key = kind.parseId(id);
      const endpoint = endpointOf({ noun: kind.noun, id }, props, currentSettings(), "read");
      const gateway = gatewayFor(endpoint);
      const context = { operation: "read", relationship: id };
      const held = kind.find((await gateway.observe(context)).metadata, key);
      if (held === undefined) return {};
      if (held.kind === "unrecognized") {
        throw new Error(
          `Cannot read ${kind.noun} "${id}": Hasura at ${endpoint} holds it in a form this provider cannot read (${held.reason}). ` +
            "Fix or delete it in Hasura, then run this again; `pulumi destroy` or removing the resource from the program still deletes it.",
        );
      }
      const live: I = { ...kind.liveInputs(endpoint, key, held.stored.target), ...steeringOf(props) };
      const inconsistency = kind.inconsistency(await gateway.inconsistencies(context), key);
      if (inconsistency === undefined) return { id, props: live, inputs: live };
      warn(`${kind.noun} "${id}" is inconsistent in Hasura at ${endpoint}: ${inconsistency}`);
      return { id, props: { ...live, inconsistency }, inputs: live };
    },

    /** Writes the whole new definition. */
    async update(_id: string, _olds: Record<string, unknown>, news: I): Promise<dynamic.UpdateResult<RelationshipOutputs<I>>> {
      const wanted = wantedOf(news);
      await gatewayFor(news.endpoint).apply(kind.change(kind.keyOf(news), "update", (held) => planUpdate(held, wanted)));
      return { outs: news };
    },

    /**
     * Deletes the relationship; one already gone (with its table or source too) counts as deleted. One
     * Hasura says does not exist while its metadata still holds it is an error, never "deleted".
     */
    async delete(id: string, props: Record<string, unknown>): Promise<void> {
      const endpoint = endpointOf({ noun: kind.noun, id }, props, currentSettings(), "delete");
      const key = kind.parseId(id);
      const gateway = gatewayFor(endpoint);
      try {
        await gateway.apply(kind.change(key, "delete", planDelete));
      } catch (error) {
        if (!isHasuraError(error) || error.code !== "not-exists") throw error;
        // "Does not exist" counts as deleted only when Hasura's metadata agrees: on the /v1/query API
        // Hasura also answers so for a relationship it holds but cannot build (an inconsistent one).
        const context = { operation: "delete", relationship: id };
        if (kind.find((await gateway.observe(context, { fresh: true })).metadata, key) === undefined) return;
        throw new Error(
          `Cannot delete ${kind.noun} "${id}": Hasura at ${endpoint} answered that it does not exist, but its metadata still holds it. ` +
            "Hasura answers so for a relationship it cannot build (run `pulumi refresh` to see its inconsistency); on the /v1/query API only a whole-metadata write reaches it. " +
            "Remove it with the console's metadata actions or `hasura metadata inconsistency drop`, then run this again.",
        );
      }
    },
  };
}
