/** The bench's command line: `npm run bench -- [--sizes 10,100,300] [--rebuild-ms 0,200] [--quick] ...`. */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../scripts/pulumiCli";

/** What to run. */
export interface BenchOptions {
  /** Resource counts, each run at every rebuild cost. */
  readonly sizes: readonly number[];
  /** Schema-rebuild costs in ms, one local server each. */
  readonly rebuildMs: readonly number[];
  /** Counts run at free rebuilds only (the 1.3x target is stated at N=200). */
  readonly extraFreeSizes: readonly number[];
  /** The engine's `--parallel`. */
  readonly parallel: number;
  /** How many times each case runs; the median repetition of each operation is reported. */
  readonly repeat: number;
  /** Where the JSON and the PNG go. */
  readonly outDir: string;
  /** Extra `hasura:*` config for the relationship stacks, such as `hasura:batchWindowMs=50`. */
  readonly providerConfig: Readonly<Record<string, string>>;
  /** Instead of running: print the report of this results JSON and draw its chart again. */
  readonly fromJson?: string;
}

export const usage = `npm run bench -- [options]

  --sizes 10,100,300        resource counts, each at every rebuild cost
  --rebuild-ms 0,200        schema rebuild costs (ms) of the local server, one server each
  --extra-free-sizes 200    counts run at free rebuilds only ("none" for none)
  --parallel 8              the engine's --parallel
  --repeat 3                runs of each case; each operation's median run is reported (--quick: 1)
  --config KEY=VALUE        provider config for the relationship stacks (repeatable), e.g. hasura:batchWindowMs=50
  --out DIR                 where bench.json and bench.png go (default bench/results; with --quick a temporary folder)
  --from-json FILE          print the report of an earlier run's JSON and draw its PNG into --out, without running
  --quick                   a check that it all works: --sizes 3,6 --rebuild-ms 0,50 --extra-free-sizes none --repeat 1
  --help`;

/** Parses the arguments; throws with a message that names the bad option. */
export function parseOptions(args: readonly string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: "string" },
      "rebuild-ms": { type: "string" },
      "extra-free-sizes": { type: "string" },
      parallel: { type: "string", default: "8" },
      repeat: { type: "string" },
      config: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      quick: { type: "boolean", default: false },
      "from-json": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const quick = values.quick;
  return {
    sizes: numbers("--sizes", values.sizes ?? (quick ? "3,6" : "10,100,300"), 1),
    rebuildMs: numbers("--rebuild-ms", values["rebuild-ms"] ?? (quick ? "0,50" : "0,200"), 0),
    extraFreeSizes: numbers("--extra-free-sizes", values["extra-free-sizes"] ?? (quick ? "none" : "200"), 1),
    parallel: numbers("--parallel", values.parallel, 1)[0],
    repeat: numbers("--repeat", values.repeat ?? (quick ? "1" : "3"), 1)[0],
    outDir: path.resolve(values.out ?? (quick ? path.join(os.tmpdir(), `hasura-bench-quick-${process.pid}`) : path.join(repoRoot, "bench", "results"))),
    providerConfig: Object.fromEntries(values.config.map(configEntry)),
    ...(values["from-json"] === undefined ? {} : { fromJson: path.resolve(values["from-json"]) }),
  };
}

/** One whole number of at least `minimum`; throws naming `option` otherwise. */
export function wholeNumber(option: string, text: string, minimum: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < minimum)
    throw new Error(`${option} is "${text}", but it must be a whole number of at least ${minimum}.`);
  return value;
}

/** Whole numbers of at least `minimum`, separated by commas ("none" for none); throws naming `option` otherwise. */
function numbers(option: string, text: string, minimum: number): number[] {
  if (text === "none") return [];
  const values = text.split(",").map((part) => Number(part.trim()));
  const bad = values.find((value) => !Number.isInteger(value) || value < minimum);
  if (bad !== undefined) throw new Error(`${option} is "${text}", but it must be whole numbers of at least ${minimum}, separated by commas.`);
  return values;
}

function configEntry(text: string): [string, string] {
  const match = /^(hasura:[A-Za-z]+)=(.*)$/.exec(text);
  if (match === null) throw new Error(`--config "${text}" is not KEY=VALUE with a hasura: key, such as hasura:batchWindowMs=50.`);
  return [match[1], match[2]];
}
