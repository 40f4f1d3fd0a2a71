#!/usr/bin/env node
/** The package's bin: `pulumi-hasura-remote-relationships generate ...` and `... drift ...`. */
import path from "node:path";
import { redact } from "../provider/hasura/errors";
import { errorMessage } from "../model";
import type { DriftOptions } from "./arguments";
import { drift, exitCodeOf, renderJson, renderTable, type DriftContext } from "./drift";
import { generate, CommandError, packageFacts, parseCommand, usage, type GenerateReport } from "./index";

/** What the run printed and how it ended; the bin prints and exits with it, tests read it. */
export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line `args` (after the bin's name) with the environment `env`; nothing it prints holds the admin secret. */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<CliOutcome> {
  const secret = env.HASURA_GRAPHQL_ADMIN_SECRET === "" ? undefined : env.HASURA_GRAPHQL_ADMIN_SECRET;
  const outcome = await run(args, secret);
  return { code: outcome.code, stdout: redact(outcome.stdout, [secret]), stderr: redact(outcome.stderr, [secret]) };
}

async function run(args: readonly string[], secret: string | undefined): Promise<CliOutcome> {
  const facts = packageFacts();
  const bin = facts.name;
  try {
    const command = parseCommand(args);
    if (command.kind === "help") return { code: 0, stdout: `${usage(bin)}\n`, stderr: "" };
    if (command.kind === "version") return { code: 0, stdout: `${bin} ${facts.version}\n`, stderr: "" };
    if (command.kind === "drift") return await runDrift(command.options, secret, { packageName: facts.name, packageVersion: facts.version });
    const report = await generate(command.options, secret);
    return { code: 0, stdout: describeReport(report), stderr: "" };
  } catch (error) {
    if (error instanceof CommandError) {
      const hint = error.kind === "usage" ? ` Run ${bin} --help for the usage.` : "";
      return { code: error.kind === "usage" ? 2 : 1, stdout: "", stderr: `${error.message}${hint}\n` };
    }
    return { code: 1, stdout: "", stderr: `${errorMessage(error)}\n` };
  }
}

/** `drift`: the table or the JSON on standard output; with --emit-declarations, the module there and the table on standard error. */
async function runDrift(options: DriftOptions, secret: string | undefined, origin: DriftContext["origin"]): Promise<CliOutcome> {
  const { report, adoption } = await drift(options, secret, { bin: origin.packageName, origin });
  const code = exitCodeOf(report.drift);
  if (adoption !== undefined) return { code, stdout: adoption, stderr: renderTable(report) };
  return { code, stdout: options.json ? renderJson(report) : renderTable(report), stderr: "" };
}

/** What was found, what was written, and the commands to run next, each as it can be run. */
export function describeReport(report: GenerateReport): string {
  const { declarations, skipped } = report.inventory;
  const total = declarations.length + skipped.length;
  const server = report.version === undefined ? report.api : `Hasura ${report.version}, ${report.api}`;
  const lines = [`Read the metadata of ${report.endpoint} (${server}): ${total === 0 ? "no remote relationships" : plural(total, "remote relationship")}.`];
  const width = Math.max(0, ...[...declarations.map((entry) => entry.importId), ...skipped.map((entry) => entry.id)].map((id) => id.length));
  for (const declaration of declarations)
    lines.push(`  declared  ${declaration.importId.padEnd(width)}  as ${declaration.resourceType} "${declaration.resourceName}"`);
  for (const entry of skipped) lines.push(`  skipped   ${entry.id.padEnd(width)}  ${entry.reason}`);
  const resources = declarations.length === 0 ? "no resources" : `${plural(declarations.length, "resource")}, each with the import option`;
  lines.push(`Wrote the Pulumi project "${report.projectName}" to ${report.dir}: ${report.files.join(", ")} (${resources}).`);
  const source = report.packageSource;
  if (source.kind === "tarball" && !source.present) {
    lines.push(`Its package.json installs this package from ${source.tarball}, which is no longer there: put the package's tarball back there first.`);
  }
  const there = path.relative(process.cwd(), report.dir) || ".";
  lines.push(
    "",
    "Next:",
    // From a clone, the package.json names the tarball `npm pack` makes there.
    ...(source.kind === "clone" ? [`  (cd ${source.folder} && npm pack)`] : []),
    `  cd ${there}`,
    "  npm install",
    "  pulumi stack init dev",
    `  pulumi config set hasura:endpoint ${report.endpoint}`,
    '  pulumi config set --secret hasura:adminSecret "$HASURA_GRAPHQL_ADMIN_SECRET"',
    `  pulumi up --yes     # ${takeOver(declarations.length)}`,
    `  npx --yes ${report.packageName} drift --endpoint ${report.endpoint} --stack dev     # ${driftExpectation(skipped.length)}`,
  );
  return `${lines.join("\n")}\n`;
}

function takeOver(declared: number): string {
  if (declared === 0) return "makes the stack; there is no relationship to take over";
  return `takes ${declared === 1 ? "the relationship" : `the ${declared} relationships`} over, writing nothing to Hasura`;
}

/** What the drift check will say right after the takeover: the skipped ones are Hasura's, and no stack's. */
function driftExpectation(skipped: number): string {
  if (skipped === 0) return "0: Hasura holds what the stack declares, and nothing else";
  return `7 while Hasura holds the ${skipped === 1 ? "relationship" : `${skipped} relationships`} skipped above (fix or delete ${skipped === 1 ? "it" : "them"} in Hasura), then 0`;
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
