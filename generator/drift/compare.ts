/**
 * The drift of one Hasura against the stacks that manage it: every relationship Hasura holds or a
 * stack manages, as one record with its status. Pure. Both sides are read by the provider's own code
 * (the live one as `read` reads it, the stack's as `diff` reads old outputs), so they are compared in
 * the one canonical form and nothing is told apart that the provider would take as the same.
 */
import { sameTable } from "../../model";
import type { DriftScope } from "../arguments";
import { declarers, type Declarer, type HeldEntry, type Place, type ResourceType, type StateEntry } from "../declarations";
import { differences, type Difference } from "./differences";
import type { StackState } from "./stackStates";

/** What became of a relationship. */
export type DriftStatus = "in-sync" | "changed" | "deleted" | "inconsistent" | "unmanaged";

/** The statuses in the order reports list them. */
export const driftStatuses: readonly DriftStatus[] = ["in-sync", "changed", "deleted", "inconsistent", "unmanaged"];

/** A resource of a stack that manages a relationship. */
export interface Manager {
  readonly stack: string;
  /** The resource's name in the program. */
  readonly resource: string;
}

/** A difference, with the stack it is of when more than one resource manages the relationship. */
export type ManagedDifference = Difference & { readonly stack?: string };

/** One relationship and what became of it. */
export interface DriftRecord {
  readonly id: string;
  readonly resourceType: ResourceType;
  readonly noun: string;
  readonly status: DriftStatus;
  /** The stacks' resources that manage it: none for an unmanaged one, more than one when it is declared twice. */
  readonly managedBy: readonly Manager[];
  /** For a changed one: where the stack's definition and Hasura's differ. */
  readonly differences: readonly ManagedDifference[];
  /** Hasura's reason for an inconsistent one; why the definition cannot be read, when it cannot. */
  readonly reason?: string;
}

/** Resources of a stack that count elsewhere: at another endpoint, or not readable as a relationship. */
export interface Uncounted {
  readonly stack: string;
  /** The other endpoint; undefined for resources whose outputs cannot be read. */
  readonly endpoint?: string;
  readonly resources: readonly string[];
}

/** The whole comparison. */
export interface Drift {
  readonly records: readonly DriftRecord[];
  readonly uncounted: readonly Uncounted[];
}

/** The type a resource of this kind has in a stack's state, as the SDK registers it. */
export function stateType(resourceType: ResourceType): string {
  return `pulumi-nodejs:dynamic/hasura:${resourceType}`;
}

/** True when the relationship's place is one `scope` asks about: no scope is everything. */
export function inScope(place: Place, scope: DriftScope): boolean {
  const onTables = scope.sources.length > 0 || scope.tables.length > 0;
  const onRemoteSchemas = scope.remoteSchemas.length > 0;
  if (!onTables && !onRemoteSchemas) return true;
  if (place.kind === "remoteSchema") return scope.remoteSchemas.includes(place.remoteSchema);
  return (
    onTables &&
    (scope.sources.length === 0 || scope.sources.includes(place.source)) &&
    (scope.tables.length === 0 || scope.tables.some((table) => sameTable(table, place.table)))
  );
}

type Managed = { readonly declarer: Declarer; readonly entry: StateEntry; readonly manager: Manager };

/** What the stacks manage at `endpoint` within `scope`, and what of theirs does not count here. */
function managedAt(stacks: readonly StackState[], endpoint: string, scope: DriftScope): { managed: Managed[]; uncounted: Uncounted[] } {
  const byType = new Map(declarers.map((declarer) => [stateType(declarer.resourceType), declarer]));
  const managed: Managed[] = [];
  const uncounted = new Map<string, { stack: string; endpoint?: string; resources: string[] }>();
  const skip = (stack: string, resource: string, at?: string) => {
    const key = `${stack}\n${at ?? ""}`;
    const entry = uncounted.get(key) ?? { stack, ...(at === undefined ? {} : { endpoint: at }), resources: [] };
    entry.resources.push(resource);
    uncounted.set(key, entry);
  };
  for (const stack of stacks) {
    for (const resource of stack.resources) {
      const declarer = byType.get(resource.type);
      if (declarer === undefined || resource.pendingDelete) continue;
      const entry = declarer.fromState(resource.outputs);
      if (entry === undefined) skip(stack.name, resource.name);
      else if (entry.inputs.endpoint !== endpoint) skip(stack.name, resource.name, entry.inputs.endpoint);
      else if (inScope(entry.place, scope)) managed.push({ declarer, entry, manager: { stack: stack.name, resource: resource.name } });
    }
  }
  return { managed, uncounted: [...uncounted.values()] };
}

/** The drift of the relationships `held` (all that Hasura holds) against what `stacks` manage at `endpoint`, within `scope`. */
export function compareDrift(held: readonly HeldEntry[], stacks: readonly StackState[], endpoint: string, scope: DriftScope): Drift {
  const { managed, uncounted } = managedAt(stacks, endpoint, scope);
  const keyOf = (resourceType: ResourceType, id: string) => `${resourceType} ${id}`;
  const byKey = new Map<string, Managed[]>();
  for (const each of managed) {
    const key = keyOf(each.declarer.resourceType, each.entry.id);
    byKey.set(key, [...(byKey.get(key) ?? []), each]);
  }
  const records: DriftRecord[] = [];
  for (const entry of held.filter((candidate) => inScope(candidate.place, scope))) {
    const managers = byKey.get(keyOf(entry.resourceType, entry.id)) ?? [];
    byKey.delete(keyOf(entry.resourceType, entry.id));
    records.push(recordOf(entry, managers));
  }
  for (const managers of byKey.values()) {
    const [{ declarer, entry }] = managers;
    records.push({
      id: entry.id,
      resourceType: declarer.resourceType,
      noun: declarer.noun,
      status: "deleted",
      managedBy: managers.map((each) => each.manager),
      differences: [],
    });
  }
  const order = (record: DriftRecord) => declarers.findIndex((declarer) => declarer.resourceType === record.resourceType);
  records.sort((a, b) => order(a) - order(b) || compareText(a.id, b.id));
  return { records, uncounted };
}

/** The record of a relationship Hasura holds, managed by `managers` (maybe none). */
function recordOf(entry: HeldEntry, managers: readonly Managed[]): DriftRecord {
  const base = { id: entry.id, resourceType: entry.resourceType, noun: entry.noun, managedBy: managers.map((each) => each.manager) };
  const { definition, inconsistency } = entry;
  const unreadable = definition.readable ? undefined : `Hasura holds a definition this package cannot read: ${definition.reason}`;
  const reason = inconsistency ?? unreadable;
  const withReason = reason === undefined ? {} : { reason };
  if (managers.length === 0) return { ...base, status: inconsistency === undefined ? "unmanaged" : "inconsistent", differences: [], ...withReason };
  const found = definition.readable
    ? managers.flatMap(({ declarer, entry: state, manager }) =>
        declarer.definitionInputs
          .flatMap((input) => differences(state.inputs[input], definition.inputs[input], [input]))
          .map((difference) => (managers.length > 1 ? { ...difference, stack: manager.stack } : difference)),
      )
    : [];
  const status: DriftStatus = inconsistency !== undefined ? "inconsistent" : found.length > 0 || unreadable !== undefined ? "changed" : "in-sync";
  return { ...base, status, differences: found, ...withReason };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
