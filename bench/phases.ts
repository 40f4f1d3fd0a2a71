/**
 * What the bench's program declares before each operation (it reads the list from a file the bench
 * writes, bench/program.ts), and the changes each operation makes: N relationships created; one of
 * them updated; then a mixed change, a third of them deleted, a third updated and a third created;
 * then all destroyed. The same list drives the no-op resources, the oracle and the relationships.
 */
import type { Operation } from "./results";

/** One declared resource: the inputs of a RemoteRelationship (and of its no-op and oracle stand-ins). */
export interface Declared {
  readonly name: string;
  readonly table: string;
  readonly hasuraFields: readonly string[];
  readonly remoteSchema: string;
  readonly remoteField: Readonly<Record<string, unknown>>;
}

/** The program's states, in the order the operations go through them. */
export type Phase = "empty" | "created" | "oneChanged" | "mixed";

/** The state each operation leaves (preview leaves nothing, but previews the creation of all). */
export const phaseAfter: Readonly<Record<Operation, Phase>> = {
  preview: "created",
  up: "created",
  noChangeUp: "created",
  refresh: "created",
  oneChangeUp: "oneChanged",
  mixedUp: "mixed",
  destroy: "empty",
};

/** The two remote fields a relationship joins with: a change between them is an update in place. */
const remoteFields = [{ messagesByUser: { arguments: { userId: "$id" } } }, { messages: { arguments: { where: { userId: { eq: "$id" } }, limit: 20 } } }];

function relationship(index: number, variant: 0 | 1): Declared {
  return { name: `rel${index}`, table: "users", hasuraFields: ["id"], remoteSchema: "messages", remoteField: remoteFields[variant] };
}

/** The smallest N whose mixed change has a third of each kind. */
export const minimumCount = 3;

/**
 * What is declared in `phase` for N relationships. With t = floor(N/3): `created` is rel0..rel(N-1);
 * `oneChanged` has rel0 joined the other way; `mixed` drops rel0..rel(t-1), joins rel(t)..rel(2t-1)
 * the other way and adds rel(N)..rel(N+t-1).
 */
export function declared(n: number, phase: Phase): Declared[] {
  const third = Math.floor(n / 3);
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
  switch (phase) {
    case "empty":
      return [];
    case "created":
      return range(0, n).map((index) => relationship(index, 0));
    case "oneChanged":
      return range(0, n).map((index) => relationship(index, index === 0 ? 1 : 0));
    case "mixed":
      return [...range(third, n).map((index) => relationship(index, index < 2 * third ? 1 : 0)), ...range(n, n + third).map((index) => relationship(index, 0))];
  }
}

/** How many resources the change from `from` to `to` creates, updates and deletes. */
export function changeCounts(from: readonly Declared[], to: readonly Declared[]): { creates: number; updates: number; deletes: number } {
  const before = new Map(from.map((entry) => [entry.name, entry]));
  const after = new Set(to.map((entry) => entry.name));
  const creates = to.filter((entry) => !before.has(entry.name)).length;
  const updates = to.filter((entry) => {
    const old = before.get(entry.name);
    return old !== undefined && JSON.stringify(old) !== JSON.stringify(entry);
  }).length;
  return { creates, updates, deletes: from.filter((entry) => !after.has(entry.name)).length };
}

/**
 * The bursts of changes the engine sends a provider for the change from `from` to `to`: the creates
 * and updates as the program registers them, then the deletes, which the engine starts only once the
 * program has finished and every create and update has returned. Empty bursts are left out.
 */
export function bursts(from: readonly Declared[], to: readonly Declared[]): number[] {
  const { creates, updates, deletes } = changeCounts(from, to);
  return [creates + updates, deletes].filter((count) => count > 0);
}
