/** The command line of the generator's bin. */
import { parseArgs } from "node:util";
import { GeneratorError } from "./errors";
import { endpointPortMistake, hasuraRouteMistake } from "../provider/inputs/endpointMistakes";

/** What `generate` was asked to do. */
export interface GenerateOptions {
  readonly endpoint: string;
  readonly out: string;
  readonly name?: string;
  readonly force: boolean;
}

/** The command line as it parsed: generate, or show the help. */
export type Command = { readonly kind: "generate"; readonly options: GenerateOptions } | { readonly kind: "help" };

/** The usage text, shown by --help and after a usage error. */
export function usage(bin: string): string {
  return [
    `Usage: ${bin} generate --endpoint URL --out DIR [--name NAME] [--force]`,
    "",
    "Reads the remote relationships a live Hasura holds and writes a Pulumi TypeScript project to DIR",
    "(Pulumi.yaml, package.json, tsconfig.json, .gitignore, index.ts) that declares each of them with the",
    "`import` option, so that `pulumi up` takes them over without writing to Hasura.",
    "",
    "  --endpoint URL  Hasura's base URL, such as http://localhost:8080.",
    "  --out DIR       Where to write the project: a new or empty folder.",
    "  --name NAME     The Pulumi project name; DIR's name by default.",
    "  --force         Write into DIR even when it is not empty, overwriting those five files.",
    "",
    "The admin secret is read from HASURA_GRAPHQL_ADMIN_SECRET.",
  ].join("\n");
}

/** Parses the arguments after the bin's name; a GeneratorError of kind `usage` says what is wrong. */
export function parseCommand(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        endpoint: { type: "string" },
        out: { type: "string" },
        name: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new GeneratorError(`${(error as Error).message.replace(/\.?$/, ".")}`, "usage");
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  if (positionals.length !== 1 || positionals[0] !== "generate") {
    const what = positionals.length === 0 ? "No command given." : `Unknown command "${positionals.join(" ")}".`;
    throw new GeneratorError(`${what} The command is generate.`, "usage");
  }
  if (values.endpoint === undefined)
    throw new GeneratorError("--endpoint is missing: give Hasura's base URL, such as --endpoint http://localhost:8080.", "usage");
  if (values.out === undefined)
    throw new GeneratorError("--out is missing: give the folder to write the project to, such as --out hasura-relationships.", "usage");
  const portMistake = endpointPortMistake("--endpoint", values.endpoint);
  if (portMistake !== undefined) throw new GeneratorError(portMistake, "usage");
  if (!isHttpUrl(values.endpoint)) {
    throw new GeneratorError(
      `--endpoint ${JSON.stringify(values.endpoint)} is not an http or https URL. Give Hasura's base URL, such as http://localhost:8080.`,
      "usage",
    );
  }
  // The same wording as the provider's check, for the same mistake.
  const routeMistake = hasuraRouteMistake("--endpoint", values.endpoint);
  if (routeMistake !== undefined) throw new GeneratorError(routeMistake, "usage");
  if (values.name !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values.name)) {
    throw new GeneratorError(`--name ${JSON.stringify(values.name)} is not a Pulumi project name: use letters, digits, "-", "_" and "." only.`, "usage");
  }
  return { kind: "generate", options: { endpoint: values.endpoint.replace(/\/+$/, ""), out: values.out, name: values.name, force: values.force } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
