/**
 * What the generated program declares: one resource per relationship Hasura holds, or, for each one it
 * cannot declare, the reason. Pure: the metadata document in, the inventory out.
 *
 * Each place Hasura keeps relationships has its declarer: tables of database sources become
 * `RemoteRelationship`s, types of remote schemas `RemoteSchemaRelationship`s. A declarer turns what a
 * relationship joins to (`toRemoteSchema` or `toSource`) into the resource's args, and checks them as
 * the provider's `check` will at `preview`. A new kind of relationship is one more declarer.
 */
import {
  defaultSchema,
  defaultSource,
  listRemoteSchemaRelationships,
  listTableRelationships,
  remoteSchemaRelationshipLabel,
  tableRelationshipLabel,
  type HeldRelationship,
  type MetadataDocument,
  type JsonValue,
  type QualifiedTable,
  type RelationshipTarget,
  type RemoteSchemaRelationshipKey,
  type TableRelationshipKey,
  type ToSource,
} from "../model";
import { checkInputs } from "../provider/inputs/check";
import { remoteRelationship } from "../provider/resources/remoteRelationship";
import { remoteSchemaRelationship } from "../provider/resources/remoteSchemaRelationship";

/** The resource classes a generated program may use, as the package exports them. */
export type ResourceType = "RemoteRelationship" | "RemoteSchemaRelationship";

/** A resource's args in the order the program writes them; the endpoint is left to the stack's `hasura:endpoint`. */
export type Args = readonly (readonly [string, JsonValue])[];

/** One resource of the generated program. */
export interface Declaration {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  readonly args: Args;
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

/** Everything the metadata holds, declared or skipped, in the document's order: tables first, then remote schemas. */
export interface Inventory {
  readonly declarations: readonly Declaration[];
  readonly skipped: readonly Skipped[];
}

/** How the relationships kept in one place of the metadata become resources. */
interface Declarer<Key> {
  readonly resourceType: ResourceType;
  list(metadata: MetadataDocument): readonly { readonly key: Key; readonly held: HeldRelationship }[];
  label(key: Key): string;
  /** The resource's args: the key's, then the target's. */
  args(key: Key, target: RelationshipTarget): Args;
  /** The provider's own static check (`check` without the network): the failures, as `property: reason`. */
  check(inputs: Record<string, unknown>): readonly string[];
  importId(key: Key): string;
  /** The parts the resource name is made of, most general first; defaults are left out. */
  nameParts(key: Key): readonly string[];
  group(key: Key): string;
}

const tableRelationships: Declarer<TableRelationshipKey> = {
  resourceType: "RemoteRelationship",
  list: listTableRelationships,
  label: tableRelationshipLabel,
  args: (key, target) => {
    const where: Args = [["name", key.name], ["table", tableArg(key.table)], ...(key.source === defaultSource ? [] : ([["source", key.source]] as const))];
    if (target.kind === "toSource") return [...where, ["toSource", toSourceArg(target)]];
    return [...where, ["hasuraFields", [...target.lhsFields]], ["remoteSchema", target.remoteSchema], ["remoteField", target.remoteField]];
  },
  check: (inputs) => failuresOf(checkInputs(remoteRelationship, inputs)),
  importId: remoteRelationship.formatId,
  nameParts: (key) => [
    ...(key.source === defaultSource ? [] : [key.source]),
    ...(key.table.schema === defaultSchema ? [] : [key.table.schema]),
    key.table.name,
    key.name,
  ],
  group: (key) => `${key.table.schema}.${key.table.name}${key.source === defaultSource ? "" : `, source "${key.source}"`}`,
};

const remoteSchemaRelationships: Declarer<RemoteSchemaRelationshipKey> = {
  resourceType: "RemoteSchemaRelationship",
  list: listRemoteSchemaRelationships,
  label: remoteSchemaRelationshipLabel,
  args: (key, target) => [
    ["remoteSchema", key.remoteSchema],
    ["typeName", key.typeName],
    ["name", key.name],
    target.kind === "toSource"
      ? ["toSource", toSourceArg(target)]
      : ["toRemoteSchema", { remoteSchema: target.remoteSchema, lhsFields: [...target.lhsFields], remoteField: target.remoteField }],
  ],
  check: (inputs) => failuresOf(checkInputs(remoteSchemaRelationship, inputs)),
  importId: remoteSchemaRelationship.formatId,
  nameParts: (key) => [key.remoteSchema, key.typeName, key.name],
  group: (key) => `remote schema "${key.remoteSchema}", type ${key.typeName}`,
};

/**
 * The inventory of `metadata`: every relationship on every table of every source and on every remote
 * schema's type, in both stored formats. `endpoint` is only used to check each declaration as
 * `pulumi preview` will, so that the program never declares what the provider refuses.
 */
export function inventoryOf(metadata: MetadataDocument, endpoint: string): Inventory {
  const declarations: Declaration[] = [];
  const skipped: Skipped[] = [];
  const names = new Set<string>();
  const declareAll = <Key>(declarer: Declarer<Key>) => {
    for (const { key, held } of declarer.list(metadata)) {
      const label = declarer.label(key);
      if (held.kind === "unrecognized") {
        skipped.push({ label, reason: `Hasura holds a definition this package cannot read: ${withStop(held.reason)}` });
        continue;
      }
      const args = declarer.args(key, held.stored.target);
      const failures = declarer.check({ ...Object.fromEntries(args), endpoint });
      if (failures.length > 0) {
        skipped.push({ label, reason: `the provider's check refuses it as Hasura holds it: ${failures.join(" ")}` });
        continue;
      }
      const resourceName = uniqueName(resourceNameOf(declarer.nameParts(key)), names);
      declarations.push({ resourceType: declarer.resourceType, resourceName, args, importId: declarer.importId(key), group: declarer.group(key), label });
    }
  };
  declareAll(tableRelationships);
  declareAll(remoteSchemaRelationships);
  return { declarations, skipped };
}

/** A resource name from its parts, such as `users-messages`: each part's characters other than letters, digits, `_` and `.` become `_`. */
export function resourceNameOf(parts: readonly string[]): string {
  return parts.map((part) => part.replace(/[^A-Za-z0-9_.]+/g, "_")).join("-");
}

/** `name`, or `name-2`, `name-3`, ... when it is taken; records the one it answers. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${name}-${suffix}`;
  taken.add(candidate);
  return candidate;
}

/** A table as a person writes it: the bare name in schema public. */
function tableArg(table: QualifiedTable): JsonValue {
  return table.schema === defaultSchema ? table.name : { schema: table.schema, name: table.name };
}

function toSourceArg(target: ToSource): JsonValue {
  return { relationshipType: target.relationshipType, source: target.source, table: tableArg(target.table), fieldMapping: { ...target.fieldMapping } };
}

function failuresOf(result: { readonly failures?: readonly { readonly property: string; readonly reason: string }[] }): string[] {
  return (result.failures ?? []).map((failure) => `${failure.property}: ${failure.reason}`);
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
