/**
 * What the generated program declares: one resource per relationship Hasura holds, or, for each one it
 * cannot declare, the reason. Pure: the metadata document in, the inventory out.
 *
 * Each kind of relationship has its declarer, and a relationship to a kind of target that no resource
 * manages yet is skipped with a reason. Adding a kind is one entry: `toSource` in `tableTargets` once
 * `RemoteRelationship` takes `toSource`, and a declarer for `listRemoteSchemaRelationships` once a
 * `RemoteSchemaRelationship` resource exists.
 */
import {
  defaultSchema,
  defaultSource,
  listRemoteSchemaRelationships,
  listTableRelationships,
  remoteSchemaRelationshipLabel,
  tableRelationshipLabel,
  type JsonObject,
  type JsonValue,
  type RelationshipTarget,
  type TableRelationshipKey,
} from "../model";
import { checkRemoteRelationship } from "../provider/inputs/check";
import { formatRelationshipId } from "../provider/relationshipId";

/** The resource classes a generated program may use, as the package exports them. */
export type ResourceType = "RemoteRelationship";

/** One resource of the generated program. */
export interface Declaration {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  /** The resource's args in the order the program writes them; the endpoint is left to the stack's `hasura:endpoint`. */
  readonly args: readonly (readonly [string, JsonValue])[];
  /** The resource ID, which the `import` option takes. */
  readonly importId: string;
  /** The heading the program groups it under, such as `public.users`. */
  readonly group: string;
  /** The relationship as messages name it, such as `default.public.users.messages`. */
  readonly label: string;
}

/** A relationship the program does not declare, and why. */
export interface Skipped {
  readonly label: string;
  readonly reason: string;
}

/** Everything the metadata holds, declared or skipped, in the document's order. */
export interface Inventory {
  readonly declarations: readonly Declaration[];
  readonly skipped: readonly Skipped[];
}

type Args = readonly (readonly [string, JsonValue])[];

/** How a table's relationship to each kind of target becomes a resource's args, or why it cannot yet. */
const tableTargets: {
  readonly [K in RelationshipTarget["kind"]]: (key: TableRelationshipKey, target: Extract<RelationshipTarget, { kind: K }>) => Args | string;
} = {
  toRemoteSchema: (key, target) => [
    ["name", key.name],
    ["table", key.table.schema === defaultSchema ? key.table.name : { schema: key.table.schema, name: key.table.name }],
    ...(key.source === defaultSource ? [] : [["source", key.source] as const]),
    ["hasuraFields", [...target.lhsFields]],
    ["remoteSchema", target.remoteSchema],
    ["remoteField", target.remoteField as unknown as JsonValue],
  ],
  toSource: (_key, target) =>
    `it joins table ${target.table.schema}.${target.table.name} of source "${target.source}" (to_source), and RemoteRelationship manages joins to remote schemas only, so far.`,
};

/**
 * The inventory of `metadata`: every relationship on every table of every source, in both stored
 * formats, and every relationship on a remote schema's type. `endpoint` is only used to check each
 * declaration as `pulumi preview` will, so that the program never declares what the provider refuses.
 */
export function inventoryOf(metadata: JsonObject, endpoint: string): Inventory {
  const declarations: Declaration[] = [];
  const skipped: Skipped[] = [];
  const names = new Set<string>();
  for (const { key, held } of listTableRelationships(metadata)) {
    const label = tableRelationshipLabel(key);
    if (held.kind === "unrecognized") {
      skipped.push({ label, reason: `Hasura holds a definition this package cannot read: ${withStop(held.reason)}` });
      continue;
    }
    const target = held.stored.target;
    const args = target.kind === "toRemoteSchema" ? tableTargets.toRemoteSchema(key, target) : tableTargets.toSource(key, target);
    if (typeof args === "string") {
      skipped.push({ label, reason: args });
      continue;
    }
    const refusal = checkRefusal(args, endpoint);
    if (refusal !== undefined) {
      skipped.push({ label, reason: refusal });
      continue;
    }
    const resourceName = uniqueName(resourceNameOf(key), names);
    declarations.push({ resourceType: "RemoteRelationship", resourceName, args, importId: formatRelationshipId(key), group: groupOf(key), label });
  }
  for (const { key } of listRemoteSchemaRelationships(metadata)) {
    skipped.push({
      label: remoteSchemaRelationshipLabel(key),
      reason: `it is defined on type "${key.typeName}" of remote schema "${key.remoteSchema}", and no resource of this package manages relationships of remote schemas yet.`,
    });
  }
  return { declarations, skipped };
}

/** The resource name a relationship gets: table and relationship, led by its schema and source where they are not the defaults. */
export function resourceNameOf(key: TableRelationshipKey): string {
  const parts = [
    key.source === defaultSource ? [] : [key.source],
    key.table.schema === defaultSchema ? [] : [key.table.schema],
    [key.table.name, key.name],
  ].flat();
  return parts.map((part) => part.replace(/[^A-Za-z0-9_.]+/g, "_")).join("-");
}

/** `name`, or `name-2`, `name-3`, ... when it is taken; records the one it answers. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${name}-${suffix}`;
  taken.add(candidate);
  return candidate;
}

function groupOf(key: TableRelationshipKey): string {
  const table = `${key.table.schema}.${key.table.name}`;
  return key.source === defaultSource ? table : `${table}, source "${key.source}"`;
}

/** Why the provider's check would refuse these args, or undefined when it accepts them. */
function checkRefusal(args: Args, endpoint: string): string | undefined {
  const result = checkRemoteRelationship({ ...Object.fromEntries(args), endpoint });
  const failures = result.failures ?? [];
  if (failures.length === 0) return undefined;
  return `the provider's check refuses it as Hasura holds it: ${failures.map((failure) => `${failure.property}: ${failure.reason}`).join(" ")}`;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
