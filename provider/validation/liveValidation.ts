/**
 * The checks `check` can only make with Hasura's help: a relationship's remote field tree against
 * the remote schema as Hasura sees it (`introspect_remote_schema`), with the rules Hasura's
 * schema-cache build applies (model/remoteSchemaValidation), so that `pulumi preview` fails where
 * Hasura would refuse the write, with Hasura's own reason and then the fix. Each kind's own checks
 * (provider/resources/<kind>/liveChecks.ts) are made of the pieces here.
 */
import type { GraphQLSchema } from "graphql";
import { errorToText, schemaFromIntrospection, type RemoteSchemaFailure } from "../../model";
import type { CallContext } from "../hasura/errors";
import { maxListed } from "../inputs/messageText";
import { containsUnknown } from "../inputs/unknowns";
import type { RuleIssue } from "../rules/rule";
import { warn } from "../runtime/engineLog";
import { gatewayFor } from "../runtime/runtime";
import { fixFor, type FixPlaces } from "./fixes";

/** When live validation runs: every relationship during a preview, and in an up only those whose target changed. */
export interface LiveValidationScope {
  /** True during a preview (the program says so), when unchanged relationships are validated too: a remote schema may have changed under them. */
  readonly dryRun: boolean;
  /** True when the inputs differ from the old ones in what Hasura would be sent. */
  readonly changed: boolean;
}

/** Warnings already printed, so that each says its piece once per process. */
const warned = new Set<string>();

/** Prints `line` as a warning, unless one under `key` was printed already in this process. */
export function warnOnce(key: string, line: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  warn(line);
}

/**
 * Says, once per process whichever read met it first, that Hasura at `endpoint` could not be asked,
 * so that only the checks that need no network ran.
 */
export function noteUnreachable(endpoint: string, error: unknown): void {
  warnOnce(
    `unreachable ${endpoint}`,
    `could not ask Hasura at ${endpoint} (${error instanceof Error ? error.message : String(error)}), so nothing was checked against what it holds (tables, columns, remote schemas). Only the checks that need no network ran; Hasura will judge the rest when it is written.`,
  );
}

/** What the gateway says of a remote schema. */
type Lookup = Awaited<ReturnType<ReturnType<typeof gatewayFor>["remoteSchema"]>>;

/**
 * The remote schema `name` as Hasura sees it, built with graphql: `missing` when Hasura has no such
 * remote schema; undefined when Hasura cannot be asked (a warning line says so).
 */
export async function remoteSchemaOf(endpoint: string, name: string, context: CallContext): Promise<GraphQLSchema | "missing" | undefined> {
  let lookup: Lookup;
  try {
    lookup = await gatewayFor(endpoint).remoteSchema(name, context);
  } catch (error) {
    noteUnreachable(endpoint, error);
    return undefined;
  }
  if (lookup.kind === "missing") return "missing";
  if (lookup.kind === "unsupported") {
    warnOnce(
      `unsupported ${endpoint}`,
      `Hasura at ${endpoint} (API /v1/query) cannot be asked for remote schemas, so remote fields were not checked against them.`,
    );
    return undefined;
  }
  const built = schemaFromIntrospection(lookup.introspection);
  if (built.ok) return built.schema;
  warnOnce(
    `introspection ${endpoint} ${name}`,
    `Hasura at ${endpoint} gave an introspection of remote schema "${name}" that is not a GraphQL schema (${built.reason}), so remote fields were not checked against it.`,
  );
  return undefined;
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
