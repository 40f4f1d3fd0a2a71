#!/usr/bin/env node
/** The package's bin: `pulumi-hasura-remote-relationships generate --endpoint URL --out DIR`. */
import path from "node:path";
import { generate, GeneratorError, packageFacts, parseCommand, usage, type GenerateReport } from "./index";

/** What the run printed and how it ended; the bin prints and exits with it, tests read it. */
export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line `args` (after the bin's name) with the environment `env`. */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<CliOutcome> {
  const bin = packageFacts().name;
  try {
    const command = parseCommand(args);
    if (command.kind === "help") return { code: 0, stdout: `${usage(bin)}\n`, stderr: "" };
    const secret = env.HASURA_GRAPHQL_ADMIN_SECRET === "" ? undefined : env.HASURA_GRAPHQL_ADMIN_SECRET;
    const report = await generate(command.options, secret);
    return { code: 0, stdout: describeReport(report), stderr: "" };
  } catch (error) {
    if (error instanceof GeneratorError) {
      const hint = error.kind === "usage" ? ` Run ${bin} --help for the usage.` : "";
      return { code: error.kind === "usage" ? 2 : 1, stdout: "", stderr: `${error.message}${hint}\n` };
    }
    return { code: 1, stdout: "", stderr: `${(error as Error).message}\n` };
  }
}

/** What was found, what was written, and the commands to run next. */
export function describeReport(report: GenerateReport): string {
  const { declarations, skipped } = report.inventory;
  const total = declarations.length + skipped.length;
  const server = report.version === undefined ? report.api : `Hasura ${report.version}, ${report.api}`;
  const lines = [`Read the metadata of ${report.endpoint} (${server}): ${total === 0 ? "no remote relationships" : plural(total, "remote relationship")}.`];
  const width = Math.max(0, ...[...declarations, ...skipped].map((entry) => entry.label.length));
  for (const declaration of declarations)
    lines.push(`  declared  ${declaration.label.padEnd(width)}  as ${declaration.resourceType} "${declaration.resourceName}"`);
  for (const entry of skipped) lines.push(`  skipped   ${entry.label.padEnd(width)}  ${entry.reason}`);
  const resources = declarations.length === 0 ? "no resources" : `${plural(declarations.length, "resource")}, each with the import option`;
  lines.push(`Wrote the Pulumi project "${report.projectName}" to ${report.dir}: ${report.files.join(", ")} (${resources}).`);
  const there = path.relative(process.cwd(), report.dir) || ".";
  lines.push(
    "",
    "Next:",
    `  cd ${there}`,
    "  npm install",
    "  pulumi stack init dev",
    `  pulumi config set hasura:endpoint ${report.endpoint}`,
    '  pulumi config set --secret hasura:adminSecret "$HASURA_GRAPHQL_ADMIN_SECRET"',
    `  pulumi up     # takes ${declarations.length === 1 ? "the relationship" : `the ${declarations.length} relationships`} over, writing nothing to Hasura`,
  );
  return `${lines.join("\n")}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env).then(({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  });
}
