/**
 * The large-metadata case's provider process: `BENCH_WORKLOAD=SPEC_JSON node workload.js` (the spec
 * holds the admin secret, so it goes in the environment, never on a command line). It loads the provider
 * object (this repository's compiled provider/, not the CLI), configures it for the server, and runs
 * one scenario against it, each step with `inFlight` calls at once, as the engine makes them:
 * `single`: check, create, read and delete of one relationship on each of the given tables, one at a
 * time; `burst`: check, create and delete of one relationship on each of the given tables. It prints one JSON line: its CPU time and peak RSS
 * over the RSS it had before the first call (its baseline), in all and per step. A fresh process per
 * scenario, so that the peak is the scenario's own.
 */
import { remoteRelationshipProvider as provider } from "../../provider";
import type { WorkloadResult, WorkloadSpec, WorkloadStep } from "./results";

/** The provider's default `hasura:snapshotMaxAgeMs`, which the workload does not change. */
const snapshotMaxAgeMs = 5_000;

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_WORKLOAD ?? "{}") as WorkloadSpec;
  const config: Record<string, string> = { "hasura:endpoint": spec.endpoint, "hasura:adminSecret": spec.adminSecret };
  await provider.configure({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } });
  const baselineRssBytes = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const steps: WorkloadStep[] = [];
  let waitedMs = 0;
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    // Each step starts with no metadata kept from the step before: it waits out hasura:snapshotMaxAgeMs
    // (5 s) first. Else whether a step pays for an export would depend on how long the step before it
    // took (a check step of 2 s leaves the snapshot fresh for the creates, one of 5 s does not), and a
    // step's CPU would count an 8 MB export at one size and none at another. Not counted in `seconds`.
    if (steps.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, snapshotMaxAgeMs + 100));
      waitedMs += snapshotMaxAgeMs + 100;
    }
    const [cpu, at] = [process.cpuUsage(), performance.now()];
    const result = await work();
    steps.push({ name, seconds: (performance.now() - at) / 1000, cpuSeconds: cpuSecondsSince(cpu) });
    return result;
  };

  const inputs = await step("check", () => eachInFlight(spec.tables, spec.inFlight, (table) => checked(spec.endpoint, table)));
  const created = await step("create", () =>
    eachInFlight(inputs, spec.inFlight, async (input) => {
      const { id, outs } = await provider.create(input);
      return { id, outs: outs ?? input };
    }),
  );
  if (spec.scenario === "single") await step("read", () => eachInFlight(created, spec.inFlight, ({ id, outs }) => provider.read(id, outs)));
  await step("delete", () => eachInFlight(created, spec.inFlight, ({ id, outs }) => provider.delete(id, outs)));

  const result: WorkloadResult = {
    seconds: (performance.now() - started - waitedMs) / 1000,
    cpuSeconds: cpuSecondsSince(cpuStart),
    baselineRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    steps,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The provider's inputs, as `check` answers them. */
type Inputs = NonNullable<Awaited<ReturnType<typeof provider.check>>["inputs"]>;

/**
 * The inputs of the relationship the case creates on `table`, as `check` makes them canonical; the
 * endpoint is given as the SDK gives it from the stack's config. Throws with check's failures.
 */
async function checked(endpoint: string, table: string): Promise<Inputs> {
  const raw = {
    endpoint,
    name: "bench_messages",
    table,
    hasuraFields: ["id"],
    remoteSchema: "messages",
    remoteField: { messagesByUser: { arguments: { userId: "$id" } } },
  };
  const result = await provider.check({}, raw);
  if (result.inputs === undefined || (result.failures ?? []).length > 0) throw new Error(`check refused the inputs: ${JSON.stringify(result.failures)}`);
  return result.inputs;
}

/** Runs `work` on every item, at most `limit` at once, and answers the results in the items' order. */
async function eachInFlight<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
