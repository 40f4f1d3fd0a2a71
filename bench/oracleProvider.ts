/**
 * The oracle's dynamic provider: the least any batching provider can take on this engine. It is told,
 * in a plan file (bench/oracle.ts writes it before each operation), the engine's parallelism, how many
 * changes each burst of the operation holds, and what a single command and a replace_metadata cost.
 * It releases a batch the moment it holds as many changes as the engine can have in flight, or its
 * burst is complete; it holds each batch, one at a time, for what the cheaper plan costs (the fewer
 * rebuilds at a tie); and it appends each batch to the plan's log. No real provider knows how many changes are coming.
 *
 * Its source text goes into the bench program's index.js (bench/program.ts), and from there Pulumi
 * serializes its methods into the state: so it uses nothing from outside its own body but Node's
 * built-ins (process.getBuiltinModule), and keeps its state on `globalThis` (one dynamic provider process per
 * operation), read from the plan at the first call.
 */

/** What the oracle keeps between the calls of one operation. */
interface OracleState {
  readonly plan: { parallel: number; bursts: number[]; singleMs: number; replaceMs: number; log: string };
  readonly pending: (() => void)[];
  arrived: number;
  burst: number;
  chain: Promise<void>;
}

declare global {
  // A global, so that the serialized provider finds it again from call to call.
  var __benchOracle: OracleState | undefined;
}

/** The provider, reading its plan from `planFile`. */
export function oracleProvider(planFile: string) {
  const batched = <T>(outcome: T): Promise<T> =>
    new Promise<T>((resolve) => {
      const fs = process.getBuiltinModule("node:fs");
      const fresh = (): OracleState => ({ plan: JSON.parse(fs.readFileSync(planFile, "utf8")), pending: [], arrived: 0, burst: 0, chain: Promise.resolve() });
      const oracle = (globalThis.__benchOracle ??= fresh());
      const plan = oracle.plan;
      oracle.pending.push(() => resolve(outcome));
      oracle.arrived += 1;
      const burstEnd = plan.bursts.slice(0, oracle.burst + 1).reduce((sum, count) => sum + count, 0);
      if (oracle.arrived >= burstEnd) oracle.burst += 1;
      else if (oracle.pending.length < plan.parallel) return;
      const batch = oracle.pending.splice(0);
      const single = batch.length * plan.singleMs;
      // At a tie the replace_metadata, whose one rebuild spares Hasura's other replicas the rest.
      const entry = { size: batch.length, plan: single < plan.replaceMs ? "single" : "replace", holdMs: Math.min(single, plan.replaceMs) };
      oracle.chain = oracle.chain
        .then(() => new Promise<void>((done) => setTimeout(done, entry.holdMs)))
        .then(() => {
          fs.appendFileSync(plan.log, `${JSON.stringify(entry)}\n`);
          for (const release of batch) release();
        });
    });
  return {
    create: (inputs: { name: string }) => batched({ id: inputs.name, outs: inputs }),
    update: (_id: string, _olds: unknown, news: Record<string, unknown>) => batched({ outs: news }),
    delete: () => batched(undefined),
  };
}
