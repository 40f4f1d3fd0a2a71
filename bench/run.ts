/**
 * `npm run bench -- [--sizes 10,100,300] [--rebuild-ms 0,200] [--quick] ...` (bench/options.ts): what
 * managing N remote relationships costs with the real Pulumi CLI, the package packed and installed in
 * a temporary project as users have it, against the local Hasura-compatible server at each schema
 * rebuild cost; beside it, in the same run, the floor (bench/benchCase.ts). Prints one table, checks
 * issue 8's targets, and writes bench.json and bench.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { ensurePulumi } from "../scripts/ensurePulumi";
import { findLanguageHost, repoRoot } from "../scripts/pulumiCli";
import { startHasuraServer } from "../server";
import { runCase } from "./benchCase";
import { operationArgs } from "./engineRun";
import { describeEnvironment } from "./machine";
import { parseOptions, usage, type BenchOptions } from "./options";
import { prepareProject, type BenchProject } from "./project";
import { resultsChart } from "./report/plot";
import { reportText } from "./report/report";
import { checkTargets } from "./report/targets";
import type { BenchResults, CaseResult, RunSettings } from "./results";

const environmentFile = path.join(repoRoot, "examples", "environment", "environment.yaml");
const adminSecret = "bench-admin-secret";
const started = Date.now();

/** A progress line on stderr, with the time since the start. */
function log(line: string): void {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === "help") return console.log(usage);
  if (options.fromJson !== undefined) return report(JSON.parse(readFileSync(options.fromJson, "utf8")) as BenchResults, options.outDir);

  const cli = await ensurePulumi();
  const languageHost = findLanguageHost(cli);
  if (languageHost === undefined) throw new Error("The bench runs a Pulumi.yaml project, which needs a Node.js language host, and there is none (see above).");
  log("Packing the package and installing it into a temporary Pulumi project...");
  const bench = await prepareProject();
  log(`Project: ${bench.project.dir} (npm install ${bench.project.installSeconds.toFixed(1)} s)`);
  const environment = describeEnvironment(cli, languageHost, bench);
  await warmUp(bench, options.parallel);

  const cases = await runCases(bench, options).catch((error: unknown) => {
    log(`Stopped; the project is left for a look at ${bench.project.dir} (stacks on ${bench.project.backendDir}).`);
    throw error;
  });
  bench.dispose();
  const results: BenchResults = {
    environment,
    settings: settingsOf(options),
    cases,
    targets: checkTargets(cases, options.parallel),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await report(results, options.outDir);
}

/** Every case: one local server per rebuild cost, the sizes in turn on it. */
async function runCases(bench: BenchProject, options: BenchOptions): Promise<CaseResult[]> {
  const cases: CaseResult[] = [];
  for (const rebuildMs of options.rebuildMs) {
    const sizes = [...new Set([...options.sizes, ...(rebuildMs === 0 ? options.extraFreeSizes : [])])].sort((a, b) => a - b);
    const server = await startHasuraServer({ environment: environmentFile, adminSecret, rebuildMs });
    try {
      for (const n of sizes) {
        cases.push(
          await runCase({
            bench,
            server,
            adminSecret,
            n,
            rebuildMs,
            parallel: options.parallel,
            repeat: options.repeat,
            providerConfig: options.providerConfig,
            log,
          }),
        );
      }
    } finally {
      await server.stop();
    }
  }
  return cases;
}

/** One unmeasured up and destroy of a no-op stack, so that the first measured command does not pay for cold caches. */
async function warmUp(bench: BenchProject, parallel: number): Promise<void> {
  log("Warming up: up and destroy of one no-op resource...");
  await bench.createStack("warm-up", { "bench:kind": "noop", "bench:count": "1" });
  const args = operationArgs(parallel);
  await bench.project.pulumi([...args.up, "--stack", "warm-up"]);
  await bench.project.pulumi([...args.destroy, "--stack", "warm-up"]);
}

function settingsOf(options: BenchOptions): RunSettings {
  const commands = Object.fromEntries(Object.entries(operationArgs(options.parallel)).map(([operation, args]) => [operation, args.join(" ")]));
  return {
    parallel: options.parallel,
    repeat: options.repeat,
    sizes: options.sizes,
    rebuildMs: options.rebuildMs,
    extraFreeSizes: options.extraFreeSizes,
    providerConfig: options.providerConfig,
    commands: commands as RunSettings["commands"],
  };
}

/** Prints the report and writes bench.json (formatted as the repository's prettier wants it, since it is committed) and bench.png into `outDir`. */
async function report(results: BenchResults, outDir: string): Promise<void> {
  console.log(reportText(results));
  mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, "bench.json");
  const options = (await prettier.resolveConfig(jsonFile)) ?? {};
  writeFileSync(jsonFile, await prettier.format(JSON.stringify(results), { ...options, parser: "json" }));
  writeFileSync(path.join(outDir, "bench.png"), resultsChart(results.cases, results.settings.parallel));
  console.log(`\nWrote ${path.join(outDir, "bench.json")} and ${path.join(outDir, "bench.png")}.`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
