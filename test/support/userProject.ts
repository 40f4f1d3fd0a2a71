/**
 * The package as a user has it: packed with `npm pack`, installed into a Pulumi project of its own in a
 * temporary folder, and driven with the Pulumi CLI there (`pulumi up --stack dev`), on a local file
 * backend. Nothing of this repository is on the project's module path: the program and the dynamic
 * provider host resolve `@pulumi/pulumi` and this package from the project's own node_modules.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { localPassphrase, tempDir } from "../../scripts/localStack";
import { findPulumiCli, nodeBinary, repoRoot, toolsBin } from "../../scripts/pulumiCli";

const execFileAsync = promisify(execFile);

/** What `npm pack` made. */
export interface PackedPackage {
  readonly tarball: string;
  /** Every path in the tarball, relative to the package root. */
  readonly files: readonly string[];
  /** Bytes, compressed and unpacked. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly seconds: number;
}

/** The versions a test project installs beside the package, as this repository's lockfile has them (so npm's cache has them). */
export const projectDevDependencies = ["typescript@5.9.3", "@types/node@22.20.5"];

/** `npm pack` in the repository, as a release would: `prepack` builds first. */
export async function packPackage(): Promise<PackedPackage> {
  const started = Date.now();
  const destination = tempDir("packed");
  const { stdout } = await execFileAsync("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: repoRoot,
    env: cleanEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [result] = JSON.parse(stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  return {
    tarball: path.join(destination, result.filename),
    files: result.files.map((file) => file.path),
    size: result.size,
    unpackedSize: result.unpackedSize,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The result of one command. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A Pulumi project folder with the package installed, its own backend, and the CLI to drive it. */
export interface UserProject {
  readonly dir: string;
  readonly backendDir: string;
  /** Seconds `npm install` took. */
  readonly installSeconds: number;
  /** Everything the CLI printed, for checks that nothing secret was shown. */
  readonly output: string[];
  /** Runs `pulumi ARGS --non-interactive` in the project; rejects on a non-zero exit unless `allowFailure`. */
  pulumi(args: readonly string[], options?: { readonly allowFailure?: boolean }): Promise<CommandResult>;
  /** `pulumi stack export --stack NAME` (secrets stay encrypted), as text. */
  exportText(stack: string): Promise<string>;
  /** Runs a command in the project folder with the project's environment. */
  run(command: string, args: readonly string[]): Promise<CommandResult>;
  /**
   * Starts `pulumi ARGS --non-interactive` in a process group of its own and does not wait: for tests
   * that kill the CLI part way. `done` settles with its result however it ends.
   */
  start(args: readonly string[]): { readonly child: ChildProcess; readonly done: Promise<CommandResult> };
}

/** What goes into the project: a folder to copy (Pulumi.yaml, program, package.json), and what to `npm install` into it. */
export interface UserProjectOptions {
  readonly from: string;
  readonly install: readonly string[];
  /** Extra environment for every command, such as NODE_OPTIONS. */
  readonly env?: Record<string, string>;
}

/** Copies the project, installs the packages into it, and prepares a local backend for its stacks. */
export async function createUserProject(options: UserProjectOptions): Promise<UserProject> {
  const dir = path.join(tempDir("user-project"), path.basename(options.from));
  cpSync(options.from, dir, { recursive: true, filter: (source) => !/node_modules|Pulumi\.[^/]+\.yaml$/.test(source) });
  const backendDir = tempDir("user-backend");
  mkdirSync(path.join(backendDir, ".pulumi-home"), { recursive: true });
  const shell = userShell(backendDir, options.env ?? {});
  const run = (command: string, args: readonly string[], allowFailure = false) => shell(command, args, { cwd: dir, allowFailure });
  const started = Date.now();
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...options.install]);
  const installSeconds = (Date.now() - started) / 1000;
  const cli = findPulumiCli();
  if (cli === undefined) throw new Error("No Pulumi CLI is set up: run `node dist/scripts/ensurePulumi.js` first (npm test does).");
  const output: string[] = [];
  const pulumi = async (args: readonly string[], opts: { allowFailure?: boolean } = {}) => {
    const result = await run(cli.command, [...args, "--non-interactive"], opts.allowFailure);
    output.push(result.stdout, result.stderr);
    return result;
  };
  return {
    dir,
    backendDir,
    installSeconds,
    output,
    pulumi,
    exportText: async (stack) => (await run(cli.command, ["stack", "export", "--stack", stack])).stdout,
    run: (command, args) => run(command, args),
    start: (args) => {
      const child = spawn(cli.command, [...args, "--non-interactive"], { cwd: dir, env: projectEnv(backendDir, options.env ?? {}), detached: true });
      const [stdout, stderr]: string[][] = [[], []];
      child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
      const done = new Promise<CommandResult>((resolve) =>
        child.on("close", (code) => {
          const result = { code: code ?? 1, stdout: stdout.join(""), stderr: stderr.join("") };
          output.push(result.stdout, result.stderr);
          if (process.env.E2E_VERBOSE) process.stderr.write(`$ pulumi ${args.join(" ")} (started)\n${result.stdout}${result.stderr}`);
          resolve(result);
        }),
      );
      return { child, done };
    },
  };
}

/** Runs a command as a user's shell would (see projectEnv); rejects on a non-zero exit unless `allowFailure`. */
export type UserShell = (
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly allowFailure?: boolean; readonly env?: Record<string, string> },
) => Promise<CommandResult>;

/** A user's shell whose Pulumi stacks live on a local file backend in `backendDir`. */
export function userShell(backendDir: string, extraEnv: Record<string, string> = {}): UserShell {
  const env = projectEnv(backendDir, extraEnv);
  return async (command, args, options) => {
    const result = await execFileAsync(command, args, { cwd: options.cwd, env: { ...env, ...options.env }, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: typeof error.code === "number" ? error.code : 1,
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }),
    );
    if (process.env.E2E_VERBOSE) process.stderr.write(`$ ${command} ${args.join(" ")}\n${result.stdout}${result.stderr}`);
    if (result.code !== 0 && !options.allowFailure)
      throw new Error(`${command} ${args.join(" ")} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
    return result;
  };
}

/**
 * The environment of a user's shell: the Pulumi CLI and Node 22 on PATH, and nothing of this
 * repository's node_modules (no NODE_PATH, no node_modules/.bin, none of npm's variables from the
 * `npm test` that runs this), so that what runs is what the project installed.
 */
function projectEnv(backendDir: string, extra: Record<string, string>): Record<string, string> {
  const systemPath = (process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "" && !dir.startsWith(repoRoot));
  return {
    ...cleanEnv(),
    PATH: [toolsBin, path.dirname(nodeBinary()), ...systemPath].join(path.delimiter),
    PULUMI_HOME: path.join(backendDir, ".pulumi-home"),
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: localPassphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    ...extra,
  };
}

/** This process's environment without npm's per-run variables and NODE_PATH. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key) && key !== "NODE_PATH" && key !== "INIT_CWD") env[key] = value;
  }
  return env;
}

/**
 * A preload for NODE_OPTIONS that records which copy of the package's provider and resource modules
 * each Node process loads (the program run by the language host, and the dynamic provider host), one
 * JSON line `{file, main}` per load, into `logFile`.
 */
export function loadRecorder(dir: string): { readonly nodeOptions: string; readonly loads: () => { file: string; main: string }[] } {
  const logFile = path.join(dir, "loads.jsonl");
  const preload = path.join(dir, "record-loads.js");
  writeFileSync(logFile, "");
  writeFileSync(
    preload,
    [
      'const { appendFileSync } = require("node:fs");',
      'const { fileURLToPath } = require("node:url");',
      'require("node:module").registerHooks({',
      "  load(url, context, nextLoad) {",
      "    if (/\\/dist\\/(provider\\/index|sdk\\/remoteRelationship)\\.js$/.test(url)) {",
      `      appendFileSync(${JSON.stringify(logFile)}, JSON.stringify({ file: fileURLToPath(url), main: process.argv[1] ?? "" }) + "\\n");`,
      "    }",
      "    return nextLoad(url, context);",
      "  },",
      "});",
      "",
    ].join("\n"),
  );
  return {
    nodeOptions: `--require ${preload}`,
    loads: () =>
      readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as { file: string; main: string }),
  };
}
