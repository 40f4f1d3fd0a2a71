/** The command line of the package's bin: `generate` and `drift`. */
import { parseArgs } from "node:util";
import { errorMessage, qualifyTable, type QualifiedTable } from "../model";
import { endpointPortMistake, hasuraRouteMistake } from "../provider/inputs/endpointMistakes";
import { endpoint as endpointSchema } from "../provider/inputs/fields";
import { CommandError } from "./errors";

/** What `generate` was asked to do. */
export interface GenerateOptions {
  readonly endpoint: string;
  readonly out: string;
  readonly name?: string;
  readonly force: boolean;
}

/** Which relationships `drift` looks at: with none of these, all of them. */
export interface DriftScope {
  /** Relationships on tables of these sources. */
  readonly sources: readonly string[];
  /** Relationships on these tables (of any source, unless `sources` says). */
  readonly tables: readonly QualifiedTable[];
  /** Relationships on types of these remote schemas. */
  readonly remoteSchemas: readonly string[];
}

/** What `drift` was asked to do. */
export interface DriftOptions {
  readonly endpoint: string;
  /** Files holding the output of `pulumi stack export`; `-` is standard input. */
  readonly stateFiles: readonly string[];
  /** Stacks whose state `pulumi stack export --stack NAME` gives. */
  readonly stacks: readonly string[];
  readonly scope: DriftScope;
  readonly json: boolean;
  readonly emitDeclarations: boolean;
}

/** The command line as it parsed. */
export type Command =
  | { readonly kind: "generate"; readonly options: GenerateOptions }
  | { readonly kind: "drift"; readonly options: DriftOptions }
  | { readonly kind: "help" }
  | { readonly kind: "version" };

/** The usage text, shown by --help and after a usage error. */
export function usage(bin: string): string {
  return [
    `Usage: ${bin} generate --endpoint URL --out DIR [--name NAME] [--force]`,
    `       ${bin} drift --endpoint URL (--stack NAME | --state FILE)... [--source NAME]... [--table [SCHEMA.]NAME]...`,
    `             [--remote-schema NAME]... [--json | --emit-declarations]`,
    "",
    "generate reads the remote relationships a live Hasura holds and writes a Pulumi TypeScript project to DIR",
    "(Pulumi.yaml, package.json, tsconfig.json, .gitignore, index.ts) that declares each of them with the",
    "`import` option, so that `pulumi up` takes them over without writing to Hasura.",
    "",
    "  --endpoint URL  Hasura's base URL, such as http://localhost:8080.",
    "  --out DIR       Where to write the project: a new or empty folder.",
    "  --name NAME     The Pulumi project name; DIR's name by default.",
    "  --force         Write into DIR even when it is not empty, overwriting those five files.",
    "",
    "drift compares every remote relationship a live Hasura holds with the stacks that manage them, and",
    "reports each as in sync, changed, deleted, inconsistent or unmanaged. It exits 0 when all are in sync,",
    "7 when anything drifted, 1 when it could not tell (such as a wrong admin secret), 2 on a usage error.",
    "",
    "  --endpoint URL           Hasura's base URL. Only the stacks' relationships at this endpoint count.",
    "  --stack NAME             A stack whose state `pulumi stack export --stack NAME` gives (run in the project's folder).",
    "  --state FILE             A file holding the output of `pulumi stack export` (- for standard input).",
    "  --source NAME            Only relationships on tables of this source.",
    "  --table [SCHEMA.]NAME    Only relationships on this table (schema public unless given).",
    "  --remote-schema NAME     Only relationships on types of this remote schema.",
    '  --json                   Print {"relationships": [...]}, one record per relationship, instead of the table.',
    "  --emit-declarations      Print a TypeScript module declaring the unmanaged ones, each with its import ID,",
    "                           and the report on standard error.",
    "",
    "The admin secret is read from HASURA_GRAPHQL_ADMIN_SECRET. --version prints this package's version.",
  ].join("\n");
}

const commands = ["generate", "drift"] as const;

/** Parses the arguments after the bin's name; a CommandError of kind `usage` says what is wrong. */
export function parseCommand(args: readonly string[]): Command {
  const [first, ...rest] = args;
  if (first === undefined) throw new CommandError(`No command given. The commands are ${commands.join(" and ")}.`, "usage");
  if (first === "help" || first === "--help" || first === "-h") return { kind: "help" };
  if (first === "version" || first === "--version") return { kind: "version" };
  if (first === "generate") return parseGenerate(rest);
  if (first === "drift") return parseDrift(rest);
  const what = first.startsWith("-") ? `The command comes first, before ${first}.` : `Unknown command "${first}".`;
  throw new CommandError(`${what} The commands are ${commands.join(" and ")}.`, "usage");
}

function parseGenerate(args: readonly string[]): Command {
  const { values } = usageErrors(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { endpoint: { type: "string" }, out: { type: "string" }, name: { type: "string" }, force: { type: "boolean", default: false }, help },
    }),
  );
  if (values.help) return { kind: "help" };
  const endpoint = endpointOption(values.endpoint);
  if (values.out === undefined)
    throw new CommandError("--out is missing: give the folder to write the project to, such as --out hasura-relationships.", "usage");
  if (values.name !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values.name)) {
    throw new CommandError(`--name ${JSON.stringify(values.name)} is not a Pulumi project name: use letters, digits, "-", "_" and "." only.`, "usage");
  }
  return { kind: "generate", options: { endpoint, out: values.out, name: values.name, force: values.force } };
}

function parseDrift(args: readonly string[]): Command {
  const { values } = usageErrors(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        endpoint: { type: "string" },
        stack: { type: "string", multiple: true, default: [] },
        state: { type: "string", multiple: true, default: [] },
        source: { type: "string", multiple: true, default: [] },
        table: { type: "string", multiple: true, default: [] },
        "remote-schema": { type: "string", multiple: true, default: [] },
        json: { type: "boolean", default: false },
        "emit-declarations": { type: "boolean", default: false },
        help,
      },
    }),
  );
  if (values.help) return { kind: "help" };
  const endpoint = endpointOption(values.endpoint);
  const { stack: stacks, state: stateFiles, source: sources, table: tables, "remote-schema": remoteSchemas } = values;
  if (stacks.length === 0 && stateFiles.length === 0) {
    throw new CommandError(
      "Give the stacks that manage this Hasura's relationships: --stack NAME (run in the Pulumi project's folder) or --state FILE (the output of `pulumi stack export`), each as often as needed.",
      "usage",
    );
  }
  if (values.json && values["emit-declarations"]) {
    throw new CommandError("--json and --emit-declarations print different things to standard output: give one of them.", "usage");
  }
  for (const [flag, given] of [
    ["--stack", stacks],
    ["--state", stateFiles],
    ["--source", sources],
    ["--remote-schema", remoteSchemas],
  ] as const) {
    if (given.some((value) => value.trim() === "")) throw new CommandError(`${flag} is empty: give a name.`, "usage");
  }
  const scope = { sources, tables: tables.map(tableOption), remoteSchemas };
  return { kind: "drift", options: { endpoint, stateFiles, stacks, scope, json: values.json, emitDeclarations: values["emit-declarations"] } };
}

const help = { type: "boolean", short: "h", default: false } as const;

/** Runs Node's parser strictly: an unknown flag or a stray argument is a usage error, in Node's own words. */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CommandError(`${errorMessage(error).replace(/\.?$/, ".")}`, "usage");
  }
}

/** `--endpoint` in the provider's canonical form, refused as the provider's `check` would refuse it. */
function endpointOption(given: unknown): string {
  if (typeof given !== "string") throw new CommandError("--endpoint is missing: give Hasura's base URL, such as --endpoint http://localhost:8080.", "usage");
  const portMistake = endpointPortMistake("--endpoint", given);
  if (portMistake !== undefined) throw new CommandError(portMistake, "usage");
  if (!isHttpUrl(given)) {
    throw new CommandError(`--endpoint ${JSON.stringify(given)} is not an http or https URL. Give Hasura's base URL, such as http://localhost:8080.`, "usage");
  }
  // The same wording as the provider's check, for the same mistake.
  const routeMistake = hasuraRouteMistake("--endpoint", given);
  if (routeMistake !== undefined) throw new CommandError(routeMistake, "usage");
  const parsed = endpointSchema.safeParse(given);
  if (!parsed.success) {
    // The provider's messages name the input `endpoint` and the stack's config; here it is the option, and the admin secret comes from the environment.
    const message = (parsed.error.issues[0]?.message ?? "is not Hasura's base URL.")
      .replace(/^endpoint /, "")
      .replace("`pulumi config set --secret hasura:adminSecret ...`", "HASURA_GRAPHQL_ADMIN_SECRET");
    throw new CommandError(`--endpoint ${message}`, "usage");
  }
  return parsed.data;
}

/** `--table`: `name` (schema public) or `schema.name`. */
function tableOption(given: string): QualifiedTable {
  const dot = given.indexOf(".");
  const table = dot < 0 ? qualifyTable(given) : { schema: given.slice(0, dot), name: given.slice(dot + 1) };
  if (table.schema === "" || table.name === "") {
    throw new CommandError(`--table ${JSON.stringify(given)} is not a table: give NAME (schema public) or SCHEMA.NAME, such as --table public.users.`, "usage");
  }
  return table;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
