/**
 * What Hasura holds, as the bin sees it, and what a program declares of it: one resource per
 * relationship, or, for each one it cannot declare, the reason. Pure: the metadata in, the entries out.
 *
 * Each place Hasura keeps relationships has its declarer: tables of database sources hold what
 * `RemoteRelationship`s declare, types of remote schemas what `RemoteSchemaRelationship`s declare.
 * A declarer leans on the provider's own kind for everything the provider already knows (IDs, what a
 * live relationship's inputs are, Hasura's reason when it is inconsistent, how state is read) and adds
 * only how a person writes the resource. A new kind of relationship is one more declarer.
 */
import {
  defaultSchema,
  defaultSource,
  listRemoteSchemaRelationships,
  listTableRelationships,
  type HeldRelationship,
  type InconsistentObject,
  type JsonValue,
  type MetadataDocument,
  type QualifiedTable,
  type RelationshipTarget,
  type RemoteSchemaRelationshipKey,
  type TableRelationshipKey,
  type ToSource,
} from "../model";
import { definitionInputs } from "../provider/diff";
import type { InputsOf, InputsSchema, RelationshipKind } from "../provider/resources/kind";
import { remoteRelationship } from "../provider/resources/remoteRelationship";
import { remoteSchemaRelationship } from "../provider/resources/remoteSchemaRelationship";
import { upgradeOutputs } from "../provider/state";

/** The resource classes a generated program may use, as the package exports them. */
export type ResourceType = "RemoteRelationship" | "RemoteSchemaRelationship";

/** A resource's args in the order the program writes them; the endpoint is left to the stack's `hasura:endpoint`. */
export type Args = readonly (readonly [string, JsonValue])[];

/** Where a relationship is defined: on a table of a source, or on a type of a remote schema. */
export type Place =
  | { readonly kind: "table"; readonly source: string; readonly table: QualifiedTable }
  | { readonly kind: "remoteSchema"; readonly remoteSchema: string; readonly typeName: string };

/** How a program declares one relationship. */
export interface DeclarationParts {
  readonly args: Args;
  /** The parts the resource name is made of, most general first; defaults are left out. */
  readonly nameParts: readonly string[];
  /** The heading the program groups it under, such as `public.users`. */
  readonly group: string;
}

/** One relationship Hasura holds. */
export interface HeldEntry {
  readonly resourceType: ResourceType;
  /** The kind's own noun: `remote relationship` or `remote schema relationship`. */
  readonly noun: string;
  /** The resource ID, such as `default/public/users/messages`; what the `import` option takes. */
  readonly id: string;
  readonly place: Place;
  /** Hasura's reason, when Hasura cannot build it. */
  readonly inconsistency?: string;
  /**
   * What Hasura holds: the resource's inputs in the provider's canonical form (as `check` gives them
   * and the state keeps them) and how a program declares it; or why this package cannot read it.
   */
  readonly definition:
    | { readonly readable: true; readonly inputs: Readonly<Record<string, unknown>>; readonly declaration: DeclarationParts }
    | { readonly readable: false; readonly reason: string };
}

/** A resource of a stack's state, read as the provider reads its old outputs. */
export interface StateEntry {
  readonly id: string;
  /** The inputs in today's canonical form, endpoint included. */
  readonly inputs: Readonly<Record<string, unknown>> & { readonly endpoint: string };
  readonly place: Place;
}

/** One kind of relationship, as the bin sees it (the provider's kind with its types erased). */
export interface Declarer {
  readonly resourceType: ResourceType;
  readonly noun: string;
  /** The inputs Hasura's update changes in place: what "changed" compares. */
  readonly definitionInputs: readonly string[];
  /** Every relationship of this kind that `metadata` holds, in document order. */
  held(metadata: MetadataDocument, inconsistencies: readonly InconsistentObject[], endpoint: string): HeldEntry[];
  /** A resource's stored outputs (of any release) in today's form; undefined when they cannot be read as this kind's. */
  fromState(outputs: unknown): StateEntry | undefined;
}

/** What a declarer adds to the provider's kind. */
interface DeclarerSpec<S extends InputsSchema, K> {
  readonly resourceType: ResourceType;
  readonly kind: RelationshipKind<S, K>;
  list(metadata: MetadataDocument): readonly { readonly key: K; readonly held: HeldRelationship }[];
  /** The resource's args: the key's, then the target's. */
  args(key: K, target: RelationshipTarget): Args;
  nameParts(key: K): readonly string[];
  group(key: K): string;
  place(key: K): Place;
}

function declarer<S extends InputsSchema, K>(spec: DeclarerSpec<S, K>): Declarer {
  const { kind } = spec;
  return {
    resourceType: spec.resourceType,
    noun: kind.noun,
    definitionInputs: definitionInputs(kind),
    held: (metadata, inconsistencies, endpoint) =>
      spec.list(metadata).map(({ key, held }) => {
        const inconsistency = kind.inconsistency(inconsistencies, key);
        const entry = {
          resourceType: spec.resourceType,
          noun: kind.noun,
          id: kind.formatId(key),
          place: spec.place(key),
          ...(inconsistency ? { inconsistency } : {}),
        };
        if (held.kind === "unrecognized") return { ...entry, definition: { readable: false, reason: held.reason } };
        const live: Readonly<Record<string, unknown>> = kind.liveInputs(endpoint, key, held.stored.target);
        // Inputs the schema refuses (a name that is not a GraphQL name, say) stay as read: the
        // provider's check says why at its turn, and they differ from any state's all the same.
        const inputs = upgradeOutputs(kind.schema, live) ?? live;
        const declaration = { args: spec.args(key, held.stored.target), nameParts: spec.nameParts(key), group: spec.group(key) };
        return { ...entry, definition: { readable: true, inputs, declaration } };
      }),
    fromState: (outputs) => {
      const inputs: InputsOf<S> | undefined = isRecord(outputs) ? upgradeOutputs(kind.schema, outputs) : undefined;
      if (inputs === undefined) return undefined;
      const key = kind.keyOf(inputs);
      return { id: kind.formatId(key), inputs: { ...inputs, endpoint: inputs.endpoint }, place: spec.place(key) };
    },
  };
}

const tableRelationships = declarer({
  resourceType: "RemoteRelationship",
  kind: remoteRelationship,
  list: listTableRelationships,
  args: (key, target) => {
    const where: Args = [["name", key.name], ["table", tableArg(key.table)], ...(key.source === defaultSource ? [] : ([["source", key.source]] as const))];
    if (target.kind === "toSource") return [...where, ["toSource", toSourceArg(target)]];
    return [...where, ["hasuraFields", [...target.lhsFields]], ["remoteSchema", target.remoteSchema], ["remoteField", target.remoteField]];
  },
  nameParts: (key: TableRelationshipKey) => [
    ...(key.source === defaultSource ? [] : [key.source]),
    ...(key.table.schema === defaultSchema ? [] : [key.table.schema]),
    key.table.name,
    key.name,
  ],
  group: (key) => `${key.table.schema}.${key.table.name}${key.source === defaultSource ? "" : `, source "${key.source}"`}`,
  place: (key) => ({ kind: "table", source: key.source, table: key.table }),
});

const remoteSchemaRelationships = declarer({
  resourceType: "RemoteSchemaRelationship",
  kind: remoteSchemaRelationship,
  list: listRemoteSchemaRelationships,
  args: (key: RemoteSchemaRelationshipKey, target) => [
    ["remoteSchema", key.remoteSchema],
    ["typeName", key.typeName],
    ["name", key.name],
    target.kind === "toSource"
      ? ["toSource", toSourceArg(target)]
      : ["toRemoteSchema", { remoteSchema: target.remoteSchema, lhsFields: [...target.lhsFields], remoteField: target.remoteField }],
  ],
  nameParts: (key) => [key.remoteSchema, key.typeName, key.name],
  group: (key) => `remote schema "${key.remoteSchema}", type ${key.typeName}`,
  place: (key) => ({ kind: "remoteSchema", remoteSchema: key.remoteSchema, typeName: key.typeName }),
});

/** Every kind, in the order the bin lists them: relationships on tables, then on remote schemas' types. */
export const declarers: readonly Declarer[] = [tableRelationships, remoteSchemaRelationships];

/**
 * Every relationship on every table of every source and on every remote schema's type, in both
 * stored formats, with Hasura's reason for those it cannot build. `endpoint` is the one the inputs name.
 */
export function heldRelationships(metadata: MetadataDocument, inconsistencies: readonly InconsistentObject[], endpoint: string): HeldEntry[] {
  return declarers.flatMap((kind) => kind.held(metadata, inconsistencies, endpoint));
}

/** A table as a person writes it: the bare name in schema public. */
function tableArg(table: QualifiedTable): JsonValue {
  return table.schema === defaultSchema ? table.name : { schema: table.schema, name: table.name };
}

function toSourceArg(target: ToSource): JsonValue {
  return { relationshipType: target.relationshipType, source: target.source, table: tableArg(target.table), fieldMapping: { ...target.fieldMapping } };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
