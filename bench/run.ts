/**
 * `npm run bench -- [--quick] ...` (bench/options.ts): what managing remote relationships costs a user.
 * The package is packed and installed in a temporary Pulumi project as users have it, and the real CLI
 * runs it against the local Hasura-compatible server: N relationships at each Hasura cost (free, 200 ms
 * a rebuild, a large Hasura whose replace_metadata also introspects its catalog), each at the CLI's
 * default parallelism and unbounded, each beside the floor and the oracle in the same run
 * (bench/benchCase.ts). Then the provider object against a production-sized metadata document
 * (bench/largeMetadata/). Prints the report, checks issue 18's targets, writes bench.json and bench.svg.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { ensurePulumi } from "../scripts/ensurePulumi";
import { findLanguageHost, repoRoot } from "../scripts/pulumiCli";
import { startHasuraServer, type HasuraServerOptions } from "../server";
import { runCase } from "./benchCase";
import { operationArgs, writeDeclaredFile } from "./engineRun";
import { runLargeMetadata } from "./largeMetadata/run";
import { describeEnvironment } from "./machine";
import { parseOptions, usage, type BenchOptions } from "./options";
import { cliDefaultParallel, parallelModes } from "./parallelism";
import { declared } from "./phases";
import { prepareProject, type BenchProject } from "./project";
import { resultsChart } from "./report/chart";
import { reportText } from "./report/report";
import { checkTargets } from "./report/targets";
import { operations, perOperation, type BenchResults, type CaseResult, type CostProfile, type ParallelMode } from "./results";

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
  if (process.env.PULUMI_PARALLEL !== undefined) {
    log(`PULUMI_PARALLEL=${process.env.PULUMI_PARALLEL} is unset for the run: the bench measures the CLI's own default beside its other modes.`);
    delete process.env.PULUMI_PARALLEL;
  }

  const cli = await ensurePulumi();
  const languageHost = findLanguageHost(cli);
  if (languageHost === undefined) throw new Error("The bench runs a Pulumi.yaml project, which needs a Node.js language host, and there is none (see above).");
  log("Packing the package and installing it into a temporary Pulumi project...");
  const bench = await prepareProject();
  log(`Project: ${bench.project.dir} (npm install ${bench.project.installSeconds.toFixed(1)} s)`);
  const environment = describeEnvironment(cli, languageHost, bench);
  const modes = parallelModes("--parallel", options.parallel, cliDefaultParallel((await bench.project.pulumi(["up", "--help"])).stdout));
  await warmUp(bench);

  const cases = await runCases(bench, options, modes).catch((error: unknown) => {
    log(`Stopped; the project is left for a look at ${bench.project.dir} (stacks on ${bench.project.backendDir}).`);
    throw error;
  });
  bench.dispose();
  const largeMetadata =
    options.largeMetadata === undefined
      ? undefined
      : await runLargeMetadata({ ...options.largeMetadata, inFlight: 8, repeat: options.repeat, environmentFile, adminSecret, log });
  const results: BenchResults = {
    environment,
    settings: {
      parallel: modes,
      repeat: options.repeat,
      cases: options.cases,
      providerConfig: options.providerConfig,
      commands: perOperation(operations, (operation) => operationArgs[operation].join(" ")),
    },
    cases,
    ...(largeMetadata === undefined ? {} : { largeMetadata }),
    targets: checkTargets(cases, largeMetadata),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await report(results, options.outDir);
}

/** Every case at every parallelism: one local server per Hasura cost, its cases in turn on it. */
async function runCases(bench: BenchProject, options: BenchOptions, modes: readonly ParallelMode[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const profile of new Set(options.cases.map((entry) => entry.profile))) {
    const server = await startHasuraServer(serverOptions(profile));
    try {
      for (const { n } of options.cases.filter((entry) => entry.profile === profile))
        results.push(
          ...(await runCase({ bench, server, adminSecret, n, profile, modes, repeat: options.repeat, providerConfig: options.providerConfig, log })),
        );
    } finally {
      await server.stop();
    }
  }
  return results;
}

/** The local server at the profile's costs, with its extra sources (a tracked table each, which nothing joins). */
function serverOptions(profile: CostProfile): HasuraServerOptions {
  const ledger = { schema: "public", name: "ledger" };
  const sources = Array.from({ length: profile.sources - 1 }, (_, index) => ({
    name: `ledger${index + 1}`,
    tables: [{ ...ledger, columns: [{ name: "id", type: "integer" }] }],
    trackedTables: [ledger],
  }));
  return { environment: environmentFile, adminSecret, rebuildMs: profile.rebuildMs, catalogIntrospectionMs: profile.catalogIntrospectionMs, sources };
}

/** One unmeasured up and destroy of a no-op stack, so that the first measured command does not pay for cold caches. */
async function warmUp(bench: BenchProject): Promise<void> {
  log("Warming up: up and destroy of the no-op resources...");
  await bench.createStack("warm-up", { "bench:kind": "noop" });
  writeDeclaredFile(bench, "warm-up", declared(10, "created"));
  await bench.project.pulumi([...operationArgs.up, "--stack", "warm-up"]);
  await bench.project.pulumi([...operationArgs.destroy, "--stack", "warm-up"]);
}

/** Prints the report and writes bench.json (formatted as the repository's prettier wants it, since it is committed) and bench.svg into `outDir`. */
async function report(results: BenchResults, outDir: string): Promise<void> {
  console.log(reportText(results));
  mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, "bench.json");
  const options = (await prettier.resolveConfig(jsonFile)) ?? {};
  writeFileSync(jsonFile, await prettier.format(JSON.stringify(results), { ...options, parser: "json" }));
  writeFileSync(path.join(outDir, "bench.svg"), resultsChart(results.cases));
  console.log(`\nWrote ${jsonFile} and ${path.join(outDir, "bench.svg")}.`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
