/** The whole printed report of one run. */
import type { BenchResults } from "../results";
import { directTable, requestLegend, resultsTable, targetsTable } from "./table";

/** The report as Markdown: where it ran, how, the table, the whole-document calls, the targets. */
export function reportText(results: BenchResults): string {
  const { environment: machine, settings } = results;
  return [
    `# npm run bench`,
    "",
    `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, ${machine.platform}; Node ${machine.nodeOfEngine} for the engine's plugins, ` +
      `Pulumi CLI ${machine.pulumiCli}, ${machine.languageHost}, @pulumi/pulumi ${machine.pulumiSdk} in the project; ` +
      `the package ${machine.packageVersion} packed (${machine.packedBytes} bytes) from ${machine.commit.slice(0, 7)}` +
      `${machine.uncommitted.length === 0 ? "" : ` with uncommitted changes to ${machine.uncommitted.join(", ")}`} and installed into a temporary Pulumi project; the local Hasura-compatible server.`,
    "",
    `Commands (each with --stack): ${Object.entries(settings.commands)
      .map(([operation, command]) => `${operation}: \`pulumi ${command}\``)
      .join("; ")}.`,
    "The up, refresh and destroy skip their preview phase (--skip-preview): it is a second pass over every resource, and for relationships `check` " +
      "also validates each against the live remote schema (one introspect_remote_schema per remote schema); `pulumi preview` is measured on its own instead.",
    `Each case ran ${settings.repeat} time(s), the floor and the relationships in turn; each operation's figures are those of its median run (every run's seconds are in the JSON). ` +
      "The relationship stacks reach the server through a recording pass-through (bench/writeProbe.ts) that notes how many relationships each write carried.",
    Object.keys(settings.providerConfig).length === 0 ? "" : `Provider config: ${JSON.stringify(settings.providerConfig)}.`,
    "",
    "The floor: the same engine on N no-op dynamic resources (same project, same inputs), plus what Hasura itself needs for the same change, sent " +
      "directly: one replace_metadata of the end state for the up, one export_metadata for the refresh, one replace_metadata back for the destroy.",
    "",
    resultsTable(results.cases),
    "",
    requestLegend,
    "",
    "Whole-document calls sent directly to the server (median runs), and the machine's load:",
    "",
    directTable(results.cases),
    "",
    "Issue 8's targets:",
    "",
    targetsTable(results.targets),
    "",
    `${results.seconds.toFixed(0)} s in all.`,
  ].join("\n");
}
