/**
 * The states of the stacks `drift` compares with Hasura: the JSON `pulumi stack export` prints, from a
 * file or from the `pulumi` on PATH. Read with a schema; every failure is one line with the fix.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { z } from "zod";
import { errorMessage, firstIssue } from "../../model";
import { CommandError } from "../errors";

/** One resource of a stack's state, as far as drift needs it. */
export interface StateResource {
  /** The resource's name in the program (the URN's last part). */
  readonly name: string;
  readonly type: string;
  readonly outputs: unknown;
  /** True for an old resource the engine still has to delete (a replaced one): the stack no longer declares it. */
  readonly pendingDelete: boolean;
}

/** A stack's state: its name, as `--stack` takes it, and its resources. */
export interface StackState {
  readonly name: string;
  readonly resources: readonly StateResource[];
}

const resource = z.looseObject({
  urn: z.string(),
  type: z.string(),
  outputs: z.unknown().optional(),
  delete: z.boolean().optional(),
});

const stackExport = z.looseObject({
  version: z.number(),
  deployment: z.looseObject({ resources: z.array(resource).nullish() }),
});

/** A URN's parts: `urn:pulumi:STACK::PROJECT::TYPE::NAME`. */
function urnParts(urn: string): { readonly stack: string; readonly name: string } | undefined {
  const parts = urn.split("::");
  const head = /^urn:pulumi:(.+)$/.exec(parts[0] ?? "");
  if (head === null || parts.length < 4) return undefined;
  return { stack: head[1], name: parts.slice(3).join("::") };
}

/**
 * The state in `text`, the output of `pulumi stack export`; `origin` says where it came from in
 * messages, and `name` is the stack's name when the caller knows it (else the URNs say; a state with
 * no resources has no URN, so it goes by `origin`, as the report's "against stack ..." shows it).
 */
export function parseStackExport(text: string, origin: string, name?: string, unnamed = origin): StackState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandError(
      `${origin} is not JSON (${errorMessage(error)}). Give the output of \`pulumi stack export\`, such as \`pulumi stack export --stack dev > dev.json\`.`,
    );
  }
  const parsed = stackExport.safeParse(json);
  if (!parsed.success) {
    throw new CommandError(
      `${origin} is not the output of \`pulumi stack export\` (${firstIssue(parsed.error)}). Give what \`pulumi stack export --stack dev > dev.json\` writes.`,
    );
  }
  const resources = (parsed.data.deployment.resources ?? []).flatMap((entry) => {
    const urn = urnParts(entry.urn);
    return urn === undefined
      ? []
      : [{ stack: urn.stack, resource: { name: urn.name, type: entry.type, outputs: entry.outputs, pendingDelete: entry.delete === true } }];
  });
  const stackName = name ?? resources[0]?.stack ?? `${unnamed} (no resources)`;
  return { name: stackName, resources: resources.map((entry) => entry.resource) };
}

/** The state in the file `file` (`-`: standard input). */
export function readStateFile(file: string): StackState {
  const origin = file === "-" ? "The state on standard input" : `--state ${file}`;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : errorMessage(error);
    throw new CommandError(`Cannot read ${origin}: ${why}. Give a file that holds the output of \`pulumi stack export\`.`);
  }
  return parseStackExport(text, origin, undefined, file);
}

const execFileAsync = promisify(execFile);

/** Runs a command and gives its standard output; rejects as `execFile` does. */
export type RunCommand = (command: string, args: readonly string[]) => Promise<string>;

const runWithPath: RunCommand = async (command, args) => (await execFileAsync(command, [...args], { maxBuffer: 1024 * 1024 * 1024 })).stdout;

/** The state of stack `name`, as `pulumi stack export --stack NAME` gives it in the current folder. */
export async function exportStack(name: string, run: RunCommand = runWithPath): Promise<StackState> {
  const command = `pulumi stack export --stack ${name}`;
  let text: string;
  try {
    text = await run("pulumi", ["stack", "export", "--stack", name]);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") {
      throw new CommandError(`Cannot run \`${command}\`: there is no \`pulumi\` on PATH. Install the Pulumi CLI, or give the state with --state FILE.`);
    }
    const said = ((failure.stderr ?? "").split("\n").find((line) => line.trim() !== "") ?? failure.message).trim().slice(0, 300);
    throw new CommandError(
      `\`${command}\` failed: ${/[.!?]$/.test(said) ? said : `${said}.`} Run drift in the Pulumi project's folder, logged in to the stack's backend, with a stack \`pulumi stack ls\` lists; or give the state with --state FILE.`,
    );
  }
  return parseStackExport(text, `The output of \`${command}\``, name);
}
