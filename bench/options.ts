/** The bench's command line: `npm run bench -- [--sizes 10,100,300] [--rebuild-ms 0,200] [--quick] ...`. */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../scripts/pulumiCli";
import { minimumCount } from "./phases";
import type { CostProfile } from "./results";

/** What to run. */
export interface BenchOptions {
  /** The engine cases: each N at each Hasura cost, every one at every parallelism. */
  readonly cases: readonly { readonly n: number; readonly profile: CostProfile }[];
  /** The parallelism modes, as given ("default,unbounded"); resolved against the CLI's default once it is known. */
  readonly parallel: string;
  /** How many times each case runs; the median repetition of each operation is reported. */
  readonly repeat: number;
  /** The large-metadata case: document sizes in tables and the burst, or undefined to skip it. */
  readonly largeMetadata?: { readonly tableCounts: readonly number[]; readonly burst: number };
  /** Where the JSON and the chart go. */
  readonly outDir: string;
  /** Extra `hasura:*` config for the relationship stacks, such as `hasura:batchWindowMs=50`. */
  readonly providerConfig: Readonly<Record<string, string>>;
  /** Instead of running: print the report of this results JSON and draw its chart again. */
  readonly fromJson?: string;
}

export const usage = `npm run bench -- [options]

  --sizes 10,100,300            resource counts (at least ${minimumCount}), each at every rebuild cost ("none" for none)
  --rebuild-ms 0,200            schema rebuild costs (ms) of the local server, one server each ("none" for none)
  --large-hasura 100,2000,1000,3
                                a large Hasura: N, its rebuild ms, its catalog introspection ms per source and
                                its sources; replace_metadata reads every source's catalog, a single command
                                the one it changes ("none" to skip)
  --parallel default,unbounded  the engine's parallelism: default (no flag: 4 x CPUs), unbounded
                                (--parallel 2147483647) or numbers; every case runs at each
  --repeat 3                    runs of each case (each operation's median run is reported) and of each
                                large-metadata scenario (each step's median CPU, the highest RSS)
  --metadata-tables 1000,2000   the large-metadata case's document sizes, in tracked tables ("none" to skip)
  --metadata-burst 50           relationships the large-metadata burst creates and deletes, 8 in flight
  --config KEY=VALUE            provider config for the relationship stacks (repeatable), e.g. hasura:batchWindowMs=50
  --out DIR                     where bench.json and bench.svg go (default bench/results; with --quick a temporary folder)
  --from-json FILE              print the report of an earlier run's JSON and draw its chart into --out, without running
  --quick                       a check that it all works, in about a minute on a quiet machine: --sizes none
                                --rebuild-ms 50 --large-hasura 4,100,50,3 --repeat 1
                                --metadata-tables 100,200 --metadata-burst 10
  --help`;

/** Parses the arguments; throws with a message that names the bad option. */
export function parseOptions(args: readonly string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: "string" },
      "rebuild-ms": { type: "string" },
      "large-hasura": { type: "string" },
      parallel: { type: "string", default: "default,unbounded" },
      repeat: { type: "string" },
      "metadata-tables": { type: "string" },
      "metadata-burst": { type: "string" },
      config: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      quick: { type: "boolean", default: false },
      "from-json": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const quick = values.quick;
  const pick = (value: string | undefined, full: string, quickValue: string) => value ?? (quick ? quickValue : full);
  const sizes = numbers("--sizes", pick(values.sizes, "10,100,300", "none"), minimumCount);
  const largeHasura = numbers("--large-hasura", pick(values["large-hasura"], "100,2000,1000,3", "4,100,50,3"), 0);
  if (largeHasura.length !== 0 && (largeHasura.length !== 4 || largeHasura[0] < minimumCount || largeHasura[3] < 1))
    throw new Error(
      `--large-hasura is "${values["large-hasura"]}", but it must be N (at least ${minimumCount}), rebuild ms, catalog ms and sources (at least 1), or none.`,
    );
  const tableCounts = numbers("--metadata-tables", pick(values["metadata-tables"], "1000,2000", "100,200"), 1);
  const burst = wholeNumber("--metadata-burst", pick(values["metadata-burst"], "50", "10"), 2);
  return {
    cases: [
      ...engineCases(sizes, numbers("--rebuild-ms", pick(values["rebuild-ms"], "0,200", "50"), 0)),
      ...(largeHasura.length === 0
        ? []
        : [
            {
              n: largeHasura[0],
              profile: largeHasuraProfile(largeHasura[1], largeHasura[2], largeHasura[3]),
            },
          ]),
    ],
    parallel: values.parallel,
    repeat: wholeNumber("--repeat", pick(values.repeat, "3", "1"), 1),
    ...(tableCounts.length === 0 ? {} : { largeMetadata: { tableCounts, burst } }),
    outDir: path.resolve(values.out ?? (quick ? path.join(os.tmpdir(), `hasura-bench-quick-${process.pid}`) : path.join(repoRoot, "bench", "results"))),
    providerConfig: Object.fromEntries(values.config.map(configEntry)),
    ...(values["from-json"] === undefined ? {} : { fromJson: path.resolve(values["from-json"]) }),
  };
}

/** Every size at every rebuild cost, in order of cost, then N. */
function engineCases(sizes: readonly number[], rebuildCosts: readonly number[]): BenchOptions["cases"] {
  return rebuildCosts.flatMap((rebuildMs) => {
    const profile: CostProfile = { name: rebuildMs === 0 ? "free rebuilds" : `${rebuildMs} ms rebuilds`, rebuildMs, catalogIntrospectionMs: 0, sources: 1 };
    return [...new Set(sizes)].sort((a, b) => a - b).map((n) => ({ n, profile }));
  });
}

/** A large Hasura's costs. */
function largeHasuraProfile(rebuildMs: number, catalogIntrospectionMs: number, sources: number): CostProfile {
  return { name: "large Hasura", rebuildMs, catalogIntrospectionMs, sources };
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
  if (bad !== undefined) throw new Error(`${option} is "${text}", but it must be whole numbers of at least ${minimum}, separated by commas, or none.`);
  return values;
}

function configEntry(text: string): [string, string] {
  const match = /^(hasura:[A-Za-z]+)=(.*)$/.exec(text);
  if (match === null) throw new Error(`--config "${text}" is not KEY=VALUE with a hasura: key, such as hasura:batchWindowMs=50.`);
  return [match[1], match[2]];
}
