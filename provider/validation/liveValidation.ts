/**
 * The checks `check` can only make with Hasura's help: a relationship's remote field tree against
 * the remote schema as Hasura sees it (`introspect_remote_schema`), with the rules Hasura's
 * schema-cache build applies (model/remoteSchemaValidation), so that `pulumi preview` fails where
 * Hasura would refuse the write, with Hasura's own reason and then the fix. Each kind's own checks
 * (provider/resources/<kind>/liveChecks.ts) are made of the pieces here.
 */
import type { GraphQLSchema } from "graphql";
import { errorMessage, errorToText, schemaFromIntrospection, type RemoteSchemaFailure } from "../../model";
import { isHasuraError, type CallContext } from "../hasura/errors";
import { failureKind } from "../hasura/failureKinds";
import { maxListed } from "../inputs/messageText";
import { containsUnknown } from "../inputs/unknowns";
import type { RuleIssue } from "../rules/rule";
import { credentialsReason } from "../runtime/adminSecrets";
import { checkReadsOf } from "../runtime/checkReads";
import { warnOnce } from "../runtime/engineLog";
import { currentSettings, gatewayFor, secretRouteFor } from "../runtime/runtime";
import { fixFor, type FixPlaces } from "./fixes";

/** When live validation runs: every relationship during a preview, and in an up only those whose target changed. */
export interface LiveValidationScope {
  /** True during a preview (the program says so), when unchanged relationships are validated too: a remote schema may have changed under them. */
  readonly dryRun: boolean;
  /** True when the inputs differ from the old ones in what Hasura would be sent. */
  readonly changed: boolean;
}

/**
 * What a failed read of check at `endpoint` means for the check. Refused credentials and an answer that
 * is not Hasura's are configuration errors: the check fails on `endpoint`, since a preview that passed
 * with them would pass in CI until the first write. Anything else lets check go on without Hasura, said
 * once per process whichever read met it first (undefined); an endpoint that gave no answer is not asked
 * again in this run (see runtime/checkReads.ts).
 */
export function checkReadFailure(endpoint: string, error: unknown): RuleIssue | undefined {
  const kind = failureKind(error);
  if (kind === "credentials" && isHasuraError(error)) {
    const reason = credentialsReason(secretRouteFor(endpoint), endpoint, currentSettings().endpoint, error.error);
    return { code: "credentials-refused", path: ["endpoint"], message: reason };
  }
  if (kind === "not-hasura" && isHasuraError(error)) return { code: "not-hasura", path: ["endpoint"], message: error.message };
  // Hasura's own error is about one thing asked; anything else holds for the whole endpoint.
  warnOnce(
    kind === "hasura" ? `failed ${endpoint} ${whatHappened(error)}` : `unreachable ${endpoint}`,
    `could not ask Hasura at ${endpoint} (${whatHappened(error)}), so nothing was checked against what it holds (tables, columns, remote schemas). Only the checks that need no network ran${kind === "unreachable" ? ", and Hasura is not asked again in this run" : ""}; Hasura will judge the rest when it is written.`,
  );
  return undefined;
}

/** What the gateway says of a remote schema. */
type Lookup = Awaited<ReturnType<ReturnType<typeof gatewayFor>["remoteSchema"]>>;

/**
 * A remote schema as check can use it: built with graphql; missing from Hasura; not checkable (a warning
 * line says why, and only the checks that need no network count); or a refusal of the check itself, on
 * `endpoint`, when the call shows the configuration is wrong.
 */
export type RemoteSchemaAnswer =
  | { readonly kind: "schema"; readonly schema: GraphQLSchema }
  | { readonly kind: "missing" }
  | { readonly kind: "skipped" }
  | { readonly kind: "refused"; readonly issue: RuleIssue };

/** The remote schema `name` as Hasura sees it; a failed read is judged by checkReadFailure. */
export async function remoteSchemaOf(endpoint: string, name: string, context: CallContext): Promise<RemoteSchemaAnswer> {
  let lookup: Lookup;
  try {
    lookup = await checkReadsOf(gatewayFor(endpoint)).remoteSchema(name, context);
  } catch (error) {
    const issue = checkReadFailure(endpoint, error);
    return issue === undefined ? { kind: "skipped" } : { kind: "refused", issue };
  }
  if (lookup.kind === "missing") return { kind: "missing" };
  if (lookup.kind === "unsupported") {
    warnOnce(
      `unsupported ${endpoint}`,
      `Hasura at ${endpoint} (API /v1/query) cannot be asked for remote schemas, so remote fields were not checked against them.`,
    );
    return { kind: "skipped" };
  }
  const built = schemaFromIntrospection(lookup.introspection);
  if (built.ok) return { kind: "schema", schema: built.schema };
  warnOnce(
    `introspection ${endpoint} ${name}`,
    `Hasura at ${endpoint} gave an introspection of remote schema "${name}" that is not a GraphQL schema (${built.reason}), so remote fields were not checked against it.`,
  );
  return { kind: "skipped" };
}

/** What came of a call that failed, in a few words: no answer, or Hasura's. */
export function whatHappened(error: unknown): string {
  if (!isHasuraError(error)) return errorMessage(error);
  return error.status === undefined ? error.error : `it answered ${error.status} ${error.code}: ${error.error}`;
}

/** Whether live validation runs for these inputs: in scope, and with every input it `needs` known. */
export function liveValidationApplies(inputs: Readonly<Record<string, unknown>>, scope: LiveValidationScope, needs: readonly string[]): boolean {
  if (!scope.dryRun && !scope.changed) return false;
  return !needs.some((input) => containsUnknown(inputs[input]));
}

/** A refusal as check reports it: at `path`, Hasura's reason as Hasura words the inconsistency, then the fix. */
export function refusal(code: string, path: readonly (string | number)[], inconsistency: string, fix: string): RuleIssue {
  return { code, path, message: `Hasura would refuse it: ${inconsistency}. ${fix}` };
}

/**
 * A failure of the shared remote-schema rules as a refusal at `path`; its code is Hasura's own name
 * for the reason (`CouldntFindRemoteField`), its text Hasura's with its lists cut short.
 */
export function remoteSchemaRefusal(
  failure: RemoteSchemaFailure,
  path: readonly (string | number)[],
  inconsistency: (text: string) => string,
  schema: GraphQLSchema,
  places: FixPlaces,
): RuleIssue {
  const text = errorToText(failure.reason, { maxListed: maxListed });
  return refusal(failure.reason.kind, path, inconsistency(text), fixFor(failure, schema, places));
}
