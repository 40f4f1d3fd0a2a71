/**
 * The checks `check` can only make with Hasura's help: the relationship's remote field tree against
 * the remote schema as Hasura sees it (`introspect_remote_schema`), with the rules Hasura's
 * schema-cache build applies (model/remoteSchemaValidation), so that `pulumi preview` fails where
 * Hasura would refuse the write, with Hasura's own reason and then the fix.
 */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { GraphQLSchema } from "graphql";
import { remoteSchemaTypeJoinFields, schemaFromIntrospection, tableText, validateToRemoteSchema } from "../../model";
import { remoteSchemaTargetOf, type RemoteSchemaRelationshipInputs } from "../inputs/remoteSchemaRelationshipSchema";
import { targetOf, type RemoteRelationshipInputs } from "../inputs/schema";
import { propertyPath } from "../inputs/propertyPath";
import { containsUnknown } from "../inputs/unknowns";
import { warn } from "../runtime/engineLog";
import { gatewayFor } from "../runtime/runtime";
import { fixFor } from "./fixes";

/** When live validation runs: every relationship during a preview, and in an up only those whose target changed. */
export interface LiveValidationScope {
  /** True during a preview (the program says so), when unchanged relationships are validated too: a remote schema may have changed under them. */
  readonly dryRun: boolean;
  /** True when the inputs differ from the old ones in what Hasura would be sent. */
  readonly changed: boolean;
}

/** Warnings already printed, so that each says its piece once per process. */
const warned = new Set<string>();

function warnOnce(key: string, line: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  warn(line);
}

/** What the gateway says of a remote schema. */
type Lookup = Awaited<ReturnType<ReturnType<typeof gatewayFor>["remoteSchema"]>>;

/**
 * The remote schema `name` as Hasura sees it, built with graphql: `missing` when Hasura has no such
 * remote schema; undefined when Hasura cannot be asked (a warning line says so).
 */
async function remoteSchemaOf(
  endpoint: string,
  name: string,
  context: { readonly operation: string; readonly relationship: string },
): Promise<GraphQLSchema | "missing" | undefined> {
  let lookup: Lookup;
  try {
    lookup = await gatewayFor(endpoint).remoteSchema(name, context);
  } catch (error) {
    warnOnce(
      `unreachable ${endpoint}`,
      `could not ask Hasura at ${endpoint} for remote schemas, so remote fields were not checked against them (${(error as Error).message}) Only the checks that need no network ran; Hasura will judge the rest when it is written.`,
    );
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

/** Whether live validation runs at all for these inputs. */
function shouldValidate(inputs: Readonly<Record<string, unknown>>, scope: LiveValidationScope, enabled: boolean, needed: readonly string[]): boolean {
  // A target of another database source is validated by Hasura against its tables, which the metadata API cannot show here.
  if (!enabled || (!scope.dryRun && !scope.changed) || inputs.toSource !== undefined) return false;
  return !needed.some((input) => containsUnknown(inputs[input]));
}

/** A failure as check reports it: the property, Hasura's reason as Hasura words the inconsistency, then the fix. */
function toCheckFailure(path: readonly (string | number)[], inconsistency: string, fix: string): CheckFailure {
  return { property: propertyPath(path), reason: `Hasura would refuse it: ${inconsistency}. ${fix}` };
}

/**
 * The failures Hasura would answer for a `RemoteRelationship`'s canonical inputs; none when live
 * validation is off, an input it needs is unknown, or Hasura cannot be asked.
 */
export async function liveFailures(inputs: RemoteRelationshipInputs, scope: LiveValidationScope, enabled: boolean): Promise<CheckFailure[]> {
  if (!shouldValidate(inputs, scope, enabled, ["endpoint", "name", "table", "hasuraFields", "remoteSchema", "remoteField"])) return [];
  const target = targetOf(inputs);
  if (target.kind !== "toRemoteSchema") return [];
  const table = tableText(inputs.table);
  const inconsistency = (text: string) =>
    `Inconsistent object: in table ${JSON.stringify(table)}: in remote relationship ${JSON.stringify(inputs.name)}: ${text}`;
  const context = { operation: "check", relationship: `${inputs.source}.${inputs.table.schema}.${inputs.table.name}.${inputs.name}` };
  const schema = await remoteSchemaOf(inputs.endpoint, target.remoteSchema, context);
  if (schema === undefined) return [];
  if (schema === "missing") {
    return [
      toCheckFailure(
        ["remoteSchema"],
        inconsistency(`remote schema with name ${JSON.stringify(target.remoteSchema)} not found`),
        "Add the remote schema to Hasura first, or fix remoteSchema.",
      ),
    ];
  }
  const failure = validateToRemoteSchema(target, inputs.name, { identifier: table }, schema);
  if (failure === undefined) return [];
  // The shared rules speak Hasura's names; this resource calls lhs_fields hasuraFields.
  const path = failure.path.map((segment, index) => (index === 0 && segment === "lhsFields" ? "hasuraFields" : segment));
  return [toCheckFailure(path, inconsistency(failure.text), fixFor(failure, schema))];
}

/**
 * The failures Hasura would answer for a `RemoteSchemaRelationship`'s canonical inputs: its type
 * exists in its remote schema and can carry a relationship, the join fields are the type's, and the
 * remote field tree fits the target remote schema.
 */
export async function remoteSchemaRelationshipLiveFailures(
  inputs: RemoteSchemaRelationshipInputs,
  scope: LiveValidationScope,
  enabled: boolean,
): Promise<CheckFailure[]> {
  if (!shouldValidate(inputs, scope, enabled, ["endpoint", "remoteSchema", "typeName", "name", "toRemoteSchema"])) return [];
  const target = remoteSchemaTargetOf(inputs);
  if (target.kind !== "toRemoteSchema") return [];
  const inconsistency = (text: string) => `Inconsistent object: in remote relationship ${JSON.stringify(inputs.name)}: ${text}`;
  const context = { operation: "check", relationship: `${inputs.remoteSchema}.${inputs.typeName}.${inputs.name}` };
  const own = await remoteSchemaOf(inputs.endpoint, inputs.remoteSchema, context);
  if (own === undefined) return [];
  if (own === "missing")
    return [
      toCheckFailure(
        ["remoteSchema"],
        `remote schema with name ${JSON.stringify(inputs.remoteSchema)} does not exist`,
        "Add the remote schema to Hasura first, or fix remoteSchema.",
      ),
    ];
  const joinable = remoteSchemaTypeJoinFields(own, inputs.remoteSchema, inputs.typeName);
  if (!joinable.ok) return [toCheckFailure(["typeName"], inconsistency(joinable.reason), `Use an object type of remote schema "${inputs.remoteSchema}".`)];
  const schema = await remoteSchemaOf(inputs.endpoint, target.remoteSchema, context);
  if (schema === undefined) return [];
  if (schema === "missing") {
    return [
      toCheckFailure(
        ["toRemoteSchema", "remoteSchema"],
        inconsistency(`remote schema with name ${JSON.stringify(target.remoteSchema)} not found`),
        "Add the remote schema to Hasura first, or fix toRemoteSchema.remoteSchema.",
      ),
    ];
  }
  const failure = validateToRemoteSchema(target, inputs.name, { identifier: inputs.remoteSchema, joinFields: joinable.fields }, schema);
  if (failure === undefined) return [];
  return [toCheckFailure(["toRemoteSchema", ...failure.path], inconsistency(failure.text), fixFor(failure, schema))];
}
