/**
 * What a generated program declares of the relationships Hasura holds: one resource each, or, for
 * each one it must not declare, the reason. Pure: the entries and the provider's verdicts in, the
 * inventory out.
 */
import type { Args, HeldEntry, ResourceType } from "./declarations";

/** One resource of the generated program. */
export interface Declaration {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  readonly args: Args;
  /** The resource ID, which the `import` option takes. */
  readonly importId: string;
  /** The heading the program groups it under, such as `public.users`. */
  readonly group: string;
}

/** A relationship the program does not declare, and why. */
export interface Skipped {
  readonly id: string;
  readonly reason: string;
}

/** Everything given, declared or skipped, in the given order. */
export interface Inventory {
  readonly declarations: readonly Declaration[];
  readonly skipped: readonly Skipped[];
}

/** A relationship a program could declare: Hasura holds it in a form this package reads, and can build it. */
export type Declarable = HeldEntry & { readonly definition: { readonly readable: true } };

/** True when the entry can be declared as Hasura holds it, before the provider's check has had its say. */
export function isDeclarable(entry: HeldEntry): entry is Declarable {
  return entry.definition.readable && entry.inconsistency === undefined;
}

/** Why an entry that is not declarable is skipped. */
function whyNotDeclarable(entry: HeldEntry): string {
  if (!entry.definition.readable) return `Hasura holds a definition this package cannot read: ${withStop(entry.definition.reason)}`;
  return `Hasura reports it inconsistent: ${withStop(entry.inconsistency ?? "")} Fix or delete it in Hasura, then run this again; declared as it is, it would fail the program's first preview.`;
}

/** The provider's `check` of one declarable entry, as `pulumi preview` will run it: its failures as `property: reason`, none when it passes. */
export type DeclarationCheck = (entry: Declarable) => Promise<readonly string[]>;

/** The entries the provider's check refuses, by ID, with check's own words; checked one after another, as the engine would. */
export async function refusedByCheck(entries: readonly HeldEntry[], check: DeclarationCheck): Promise<ReadonlyMap<string, string>> {
  const refused = new Map<string, string>();
  for (const entry of entries.filter(isDeclarable)) {
    const failures = await check(entry);
    if (failures.length > 0) refused.set(entry.id, `the provider's check refuses it as Hasura holds it: ${failures.join(" ")}`);
  }
  return refused;
}

/**
 * The inventory of `entries`: each declarable one not `refused` becomes a resource whose name is not
 * among `taken` (names a program already uses) nor given twice; every other one is skipped with why.
 */
export function inventoryOf(entries: readonly HeldEntry[], refused: ReadonlyMap<string, string> = new Map(), taken: Iterable<string> = []): Inventory {
  const declarations: Declaration[] = [];
  const skipped: Skipped[] = [];
  const names = new Set(taken);
  for (const entry of entries) {
    const refusal = refused.get(entry.id);
    if (!isDeclarable(entry) || refusal !== undefined) {
      skipped.push({ id: entry.id, reason: refusal ?? whyNotDeclarable(entry) });
      continue;
    }
    const { args, nameParts, group } = entry.definition.declaration;
    declarations.push({ resourceType: entry.resourceType, resourceName: uniqueName(resourceNameOf(nameParts), names), args, importId: entry.id, group });
  }
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

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
