/**
 * The one shape of both dynamic providers: the same CRUD steps over a resource kind that says where
 * its relationship lives in Hasura's metadata and how its inputs map to a target. The engine keeps
 * a small reference to the provider in the state (provider/handle.ts) and loads it from the installed
 * package, so old state is driven by the code installed now: every method reads outputs of earlier
 * releases through provider/state.ts. It holds no secret: the admin secret is read in `configure`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { Declarations, declaredByKey, declaredTwice, declaringResource } from "./declarations";
import { deleteRelationship } from "./deleteRelationship";
import { diffInputs } from "./diff";
import { moveFailures } from "./endpointProof";
import { withoutEcho } from "./hostEcho";
import { checkFailures, checkInputs, dryRunKey, engineParallelKey } from "./inputs/check";
import { canonicalEndpoint } from "./inputs/fields";
import { containsUnknown } from "./inputs/unknowns";
import { moveRelationship } from "./move";
import { planCreate, planImport, planUpdate, type Wanted } from "./plans";
import type { InputsOf, InputsSchema, RelationshipKind } from "./resources/kind";
import { thisRun } from "./runRecord";
import { warn, warnOnce } from "./runtime/engineLog";
import {
  applyChange,
  configureRuntime,
  currentSettings,
  engineCall,
  enginePreviewing,
  failConfiguration,
  gatewayFor,
  noteEngineRun,
  secretRouteFor,
} from "./runtime/runtime";
import { readSettings } from "./runtime/settings";
import { holdsNoRelationship, noneHeldWarning } from "./runtime/staleReads";
import { endpointOf, steeringOf } from "./state";
import type { Subject } from "./subject";

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
  const subjectOf = (key: K): Subject => ({
    noun: kind.noun,
    id: kind.formatId(key),
    find: (metadata) => kind.find(metadata, key),
    change: (operation, plan) => kind.change(key, operation, plan),
  });
  const noteHeld = (endpoint: string, key: K) => thisRun?.hold({ endpoint, noun: kind.noun, id: kind.formatId(key) });
  const declarations = new Declarations();

  /**
   * The failures only this process can see: the relationship declared by another resource of the
   * program too, and a move to an endpoint (or from one) that cannot be read. None while the
   * identity is not known yet.
   */
  const processFailures = async (olds: Record<string, unknown>, inputs: I, declaredBy: string | undefined): Promise<CheckFailure[]> => {
    const given = new Map<string, unknown>(Object.entries(inputs));
    if (kind.identity.some((property) => containsUnknown(given.get(property)))) return [];
    const key = kind.keyOf(inputs);
    const relationship = { endpoint: inputs.endpoint, noun: kind.noun, id: kind.formatId(key) };
    if (declaredBy !== undefined) {
      const other = declarations.declare(relationship, declaredBy);
      if (other !== undefined) return [{ property: "name", reason: declaredTwice(relationship, other, declaredBy) }];
    }
    const from = previousEndpoint(olds);
    if (from === undefined || from === inputs.endpoint || !currentSettings().validateLive) return [];
    return moveFailures({ noun: kind.noun, id: relationship.id, from, to: inputs.endpoint });
  };

  return {
    /**
     * Reads `hasura:*` stack config and HASURA_GRAPHQL_ADMIN_SECRET. The host calls it inside the first
     * call that loads the provider, and returns what it throws as that call's error.
     */
    configure: withoutEcho(async (request: dynamic.ConfigureRequest): Promise<void> => {
      let settings;
      try {
        settings = readSettings((key) => request.config.get(key), process.env);
      } catch (error) {
        failConfiguration(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      await configureRuntime(settings);
    }),

    /**
     * Validates the inputs and returns them in canonical form: first what the inputs alone show, then
     * what only this process can see (the same relationship declared twice, a move to or from a Hasura
     * that cannot be read), then, when those pass, what Hasura would say of them against the live
     * remote schema (every relationship in a preview; in an up, those whose target changed). It also
     * takes the engine's parallelism the program passed on, for the write queue (runtime.ts), and tells
     * it that a change is coming when the resource is new (outside a preview).
     */
    check: withoutEcho(
      engineCall(
        async (olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult<I>> => {
          noteEngineRun({ parallelism: news[engineParallelKey], previewing: news[dryRunKey] === true });
          const result = checkInputs(kind, news);
          if (result.inputs === undefined) return result;
          // Refused before anything is sent: an endpoint with no admin secret of its own gets none of another Hasura's.
          const route = containsUnknown(result.inputs.endpoint) ? undefined : secretRouteFor(result.inputs.endpoint);
          if (route?.kind === "refused") {
            return { failures: checkFailures([{ code: "no-admin-secret-for-endpoint", path: ["endpoint"], message: route.reason }], result.inputs) };
          }
          const own = await processFailures(olds ?? {}, result.inputs, declaringResource(news[declaredByKey]));
          if (own.length > 0) return { failures: own };
          if (!currentSettings().validateLive) return result;
          const scope = { dryRun: news[dryRunKey] === true, changed: diffInputs(kind, olds ?? {}, result.inputs).changes !== false };
          const issues = await kind.liveIssues(result.inputs, scope);
          return issues.length === 0 ? result : { failures: checkFailures(issues, result.inputs) };
        },
        // A new resource (no old state) that passed: the engine creates it next.
        (result, olds, news) =>
          news[dryRunKey] !== true && Object.keys(olds ?? {}).length === 0 && result.inputs !== undefined && (result.failures ?? []).length === 0,
      ),
    ),

    /** Update in place (a new endpoint included: a move), or replace when the relationship's identity changes; a change found outside a preview is announced to the write queue. */
    diff: withoutEcho(
      engineCall(
        async (_id: string, olds: Record<string, unknown>, news: I): Promise<dynamic.DiffResult> => diffInputs(kind, olds, news),
        (result) => result.changes === true && !enginePreviewing(),
      ),
    ),

    /** Creates the relationship, adopts an identical one that exists already, or imports the one the `import` option names. */
    async create(inputs: I): Promise<dynamic.CreateResult<RelationshipOutputs<I>>> {
      const key = kind.keyOf(inputs);
      const wanted = wantedOf(inputs);
      const importing = inputs.importId !== undefined;
      const plan = importing ? planImport : planCreate;
      await applyChange(
        inputs.endpoint,
        kind.change(key, importing ? "import" : "create", (held) => plan(held, wanted)),
      );
      noteHeld(inputs.endpoint, key);
      return { id: kind.formatId(key), outs: inputs };
    },

    /**
     * Reads the live relationship, with Hasura's reason when it is inconsistent (one warning line says
     * so too); one that is gone returns no ID, so that refresh drops it from the state.
     */
    read: withoutEcho(async (id: string, props?: Record<string, unknown>): Promise<dynamic.ReadResult<RelationshipOutputs<I>>> => {
      const key = kind.parseId(id);
      const endpoint = endpointOf({ noun: kind.noun, id }, props, currentSettings(), "read");
      const gateway = gatewayFor(endpoint);
      const context = { operation: "read", resource: { noun: kind.noun, id } };
      const first = await gateway.observe(context);
      let held = kind.find(first.metadata, key);
      if (held === undefined) {
        // Gone from one answer may be a server behind the endpoint that lags: one more look, shared by every
        // read that doubts the same answer, before refresh drops it from the state.
        const second = await gateway.recheck(first, context);
        held = kind.find(second.metadata, key);
        if (held === undefined) {
          if (holdsNoRelationship(second.metadata)) warnOnce(`none held at ${endpoint}`, noneHeldWarning(endpoint));
          return {};
        }
      }
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
    }),

    /**
     * Writes the whole new definition. A new endpoint moves the relationship: it is made to hold at the
     * new Hasura first, and deleted at the old one only when that is provably another Hasura.
     */
    async update(_id: string, olds: Record<string, unknown>, news: I): Promise<dynamic.UpdateResult<RelationshipOutputs<I>>> {
      const key = kind.keyOf(news);
      const wanted = wantedOf(news);
      // Old outputs of every release name their endpoint; without one there is nothing to move from.
      const from = previousEndpoint(olds) ?? news.endpoint;
      if (from !== news.endpoint) {
        await moveRelationship(subjectOf(key), from, news.endpoint, wanted);
        return { outs: news };
      }
      await applyChange(
        news.endpoint,
        kind.change(key, "update", (held) => planUpdate(held, wanted)),
      );
      noteHeld(news.endpoint, key);
      return { outs: news };
    },

    /**
     * Deletes the relationship; one already gone (with its table or source too) counts as deleted. One
     * Hasura says does not exist while its metadata still holds it is an error, never "deleted". One
     * this run made hold (the original of a replacement under the same ID) is kept.
     */
    delete: withoutEcho(async (id: string, props: Record<string, unknown>): Promise<void> => {
      const endpoint = canonicalEndpoint(endpointOf({ noun: kind.noun, id }, props, currentSettings(), "delete"));
      await deleteRelationship(subjectOf(kind.parseId(id)), endpoint, "delete");
    }),
  };
}

/** The endpoint old inputs or outputs name, in canonical form; undefined when they name none (a create). */
function previousEndpoint(olds: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const endpoint = olds?.endpoint;
  return typeof endpoint === "string" && endpoint !== "" && URL.canParse(endpoint) ? canonicalEndpoint(endpoint) : undefined;
}
