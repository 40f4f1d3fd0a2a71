/** The whole printed report of one run, as Markdown. */
import { parallelLabel } from "../parallelism";
import type { BenchResults } from "../results";
import { growths, growthTable, largeMetadataTable } from "./largeMetadata";
import { directTable, fullTable, rebuildsTable, requestLegend, secondsTable } from "./table";
import { profilesText } from "./profiles";
import { targetsTable } from "./targets";

/** The report: where it ran and how, what users feel, every operation, the direct calls, the large metadata, the targets. */
export function reportText(results: BenchResults): string {
  const { environment: machine, settings } = results;
  return [
    "# npm run bench",
    "",
    `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, ${machine.platform}; Node ${machine.nodeOfEngine} for the engine's plugins, ` +
      `Pulumi CLI ${machine.pulumiCli}, ${machine.languageHost}, @pulumi/pulumi ${machine.pulumiSdk} in the project; ` +
      `the package ${machine.packageVersion} packed (${machine.packedBytes} bytes) from ${machine.commit.slice(0, 7)}` +
      `${machine.uncommitted.length === 0 ? "" : ` with uncommitted changes to ${machine.uncommitted.join(", ")}`} and installed into a temporary Pulumi project; the local Hasura-compatible server.`,
    "",
    `Commands (each with --stack and the parallelism): ${Object.entries(settings.commands)
      .map(([operation, command]) => `${operation}: \`pulumi ${command}\``)
      .join("; ")}. Parallelism: ${settings.parallel.map(parallelLabel).join(" and ")}.`,
    "The up, refresh and destroy skip their preview phase (--skip-preview): it is a second pass over every resource, and for relationships `check` " +
      "also validates each against the live remote schema; `pulumi preview` is measured on its own instead. " +
      "The stacks go through: create N; no change; refresh; one relationship updated; a mixed up (a third deleted, a third updated, a third created); destroy.",
    `Each case ran ${settings.repeat} time(s): the no-op resources, the oracle and the relationships in turn, then the direct calls; each operation's figures are those of its median run (every run's seconds are in the JSON). ` +
      "The relationship stacks reach the server through a recording pass-through (bench/writeProbe.ts) that notes how many relationships each write carried.",
    Object.keys(settings.providerConfig).length === 0 ? "" : `Provider config: ${JSON.stringify(settings.providerConfig)}.`,
    "",
    "The floor: the same engine on N no-op dynamic resources (same project, same inputs), plus what Hasura itself needs for the same change, sent " +
      "directly: one replace_metadata of the end state for the up, the mixed up and the destroy, one export_metadata for the refresh, one " +
      "pg_update_remote_relationship for the one-change up. The oracle: dynamic resources whose provider is told the parallelism and how many " +
      "changes are coming, releases each batch the moment it is full, and holds it for what Hasura would take by the cheaper plan " +
      "(k single commands on a table's relationships: k rebuilds, each with a catalog introspection of that table's source, as Hasura's schema cache reads a source again " +
      "when its metadata changed; one replace_metadata: one rebuild and a catalog introspection of every source), one batch at a time.",
    "",
    "## Rebuilds per operation (what a large Hasura feels): the relationships' and the oracle's, with Hasura's modelled time",
    "",
    "Hasura's costs, as the local server models them (docs/local-hasura-server.md):",
    "",
    profilesText([...new Map(settings.cases.map((entry) => [entry.profile.name, entry.profile])).values()]),
    "",
    rebuildsTable(results.cases),
    "",
    "## Seconds per operation, against the floor and the oracle of the same run",
    "",
    secondsTable(results.cases),
    "",
    "## Every operation",
    "",
    fullTable(results.cases),
    "",
    requestLegend,
    "",
    "What Hasura itself needed, sent directly to the server (median runs), and the machine's load:",
    "",
    directTable(results.cases),
    ...(results.largeMetadata === undefined
      ? []
      : [
          "",
          "## Large metadata: the provider object against a production-sized document",
          "",
          `Each scenario in a provider process of its own, ${repeatsText(results.largeMetadata)}; CPU is the process's (every thread), the baseline its RSS after loading and configuring the provider.`,
          "",
          largeMetadataTable(results.largeMetadata),
          "",
          growthTable(growths(results.largeMetadata)),
        ]),
    "",
    "## Issue 18's targets",
    "",
    targetsTable(results.targets),
    "",
    `${results.seconds.toFixed(0)} s in all.`,
  ].join("\n");
}

/** How many runs each large-metadata scenario's figures come from, as the report says it. */
function repeatsText(largeMetadata: NonNullable<BenchResults["largeMetadata"]>): string {
  const counts = new Set(largeMetadata.runs.map((run) => run.repeats?.length ?? 1));
  const count = counts.size === 1 ? [...counts][0] : undefined;
  if (count === 1) return "run once";
  return `run ${count ?? "several"} times (each step's seconds and CPU the median of the runs, the peak RSS the highest)`;
}
