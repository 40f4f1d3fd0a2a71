/**
 * `npm run bench:oracle -- [--n 100] [--rebuild-ms 200] [--parallel 8] [--repeat 5]`: how close the
 * relationships' `up` comes to the least any batching provider can take on this engine. In turn, in
 * one run, with the real CLI in the bench's project (bench/project.ts):
 * - `noop`: N no-op dynamic resources (the main bench's floor is this plus one replace_metadata);
 * - `oracle`: N dynamic resources whose provider is told the engine's parallelism and N, releases
 *   each batch the moment it is full (or the last), and spends `rebuild-ms` per batch, one at a time,
 *   and nothing else (bench/program.ts);
 * - `relationships`: N RemoteRelationships against the local server at `rebuild-ms` per rebuild.
 * Each `up` is followed by an unmeasured destroy. Prints the medians and ratios, and writes
 * bench/results/oracle.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { ensurePulumi } from "../scripts/ensurePulumi";
import { repoRoot } from "../scripts/pulumiCli";
import { startHasuraServer, type RunningHasuraServer } from "../server";
import { operationArgs } from "./engineRun";
import { round } from "./measure";
import { lowerMedian } from "./median";
import { wholeNumber } from "./options";
import { prepareProject, type BenchProject } from "./project";

const environmentFile = path.join(repoRoot, "examples", "environment", "environment.yaml");
const adminSecret = "bench-admin-secret";
const kinds = ["noop", "oracle", "relationships"] as const;
type Kind = (typeof kinds)[number];

interface OracleOptions {
  readonly n: number;
  readonly rebuildMs: number;
  readonly parallel: number;
  readonly repeat: number;
}

function parseOptions(args: readonly string[]): OracleOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      n: { type: "string", default: "100" },
      "rebuild-ms": { type: "string", default: "200" },
      parallel: { type: "string", default: "8" },
      repeat: { type: "string", default: "5" },
    },
  });
  return {
    n: wholeNumber("--n", values.n, 1),
    rebuildMs: wholeNumber("--rebuild-ms", values["rebuild-ms"], 0),
    parallel: wholeNumber("--parallel", values.parallel, 1),
    repeat: wholeNumber("--repeat", values.repeat, 1),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  await ensurePulumi();
  const bench = await prepareProject();
  const server = await startHasuraServer({ environment: environmentFile, adminSecret, rebuildMs: options.rebuildMs });
  try {
    const samples = await runAll(bench, server, options);
    await report(options, samples);
  } finally {
    await server.stop();
    bench.dispose();
  }
}

async function runAll(bench: BenchProject, server: RunningHasuraServer, options: OracleOptions): Promise<Record<Kind, number[]>> {
  const count = String(options.n);
  await bench.createStack("noop", { "bench:kind": "noop", "bench:count": count });
  await bench.createStack("oracle", {
    "bench:kind": "oracle",
    "bench:count": count,
    "bench:holdMs": String(options.rebuildMs),
    "bench:parallel": String(options.parallel),
  });
  await bench.createStack(
    "relationships",
    { "bench:kind": "relationships", "bench:count": count, "hasura:endpoint": server.url },
    { "hasura:adminSecret": adminSecret },
  );
  const args = operationArgs(options.parallel);
  const samples: Record<Kind, number[]> = { noop: [], oracle: [], relationships: [] };
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const kind of kinds) {
      const started = performance.now();
      await bench.project.pulumi([...args.up, "--stack", kind]);
      samples[kind].push(round((performance.now() - started) / 1000, 3));
      await bench.project.pulumi([...args.destroy, "--stack", kind]);
      process.stderr.write(`run ${repetition}/${options.repeat}: ${kind} up ${samples[kind].at(-1)} s\n`);
    }
  }
  return samples;
}

const median = (values: readonly number[]) => lowerMedian(values, (value) => value);

async function report(options: OracleOptions, samples: Record<Kind, number[]>): Promise<void> {
  const noop = median(samples.noop);
  const floor = round(noop + options.rebuildMs / 1000, 3);
  const ratio = (kind: Kind) => round(median(samples[kind]) / floor, 2);
  const results = {
    settings: options,
    samples,
    medians: { noop, oracle: median(samples.oracle), relationships: median(samples.relationships) },
    floor,
    ratios: { oracle: ratio("oracle"), relationships: ratio("relationships") },
  };
  console.log(`N=${options.n}, ${options.rebuildMs} ms per rebuild, --parallel ${options.parallel}, ${options.repeat} runs each (medians):`);
  console.log("");
  console.log("| up of | seconds | x (no-op up + one rebuild) | runs |");
  console.log("|---|---:|---:|---|");
  console.log(`| no-op resources | ${noop} | | ${samples.noop.join(", ")} |`);
  console.log(
    `| the oracle (the least any batching provider can take) | ${results.medians.oracle} | ${results.ratios.oracle} | ${samples.oracle.join(", ")} |`,
  );
  console.log(`| RemoteRelationships | ${results.medians.relationships} | ${results.ratios.relationships} | ${samples.relationships.join(", ")} |`);
  const outDir = path.join(repoRoot, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "oracle.json");
  const prettierOptions = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(JSON.stringify(results), { ...prettierOptions, parser: "json" }));
  console.log(`\nWrote ${file}.`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
