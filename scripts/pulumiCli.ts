import { execFileSync, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The Pulumi CLI version this project builds, from the Go module proxy (module github.com/pulumi/pulumi/pkg/v3). */
export const pinnedPulumiVersion = "3.259.0";

/** The oldest CLI on PATH that this project uses as it is: inline programs need `--client` for every command. */
export const minimumPulumiVersion = "3.181.0";

/** The repository's root, from dist/scripts or scripts. */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

/** Where the project keeps its own tools; ignored by git. */
export const toolsBin = path.join(repoRoot, ".tools", "bin");

/** Where a CLI is, and where it came from. */
export interface PulumiCli {
  readonly command: string;
  readonly version: string;
  readonly origin: "built" | "path" | "installer";
}

/** The version a `pulumi` binary reports, without the leading v; undefined when it cannot run. */
export function pulumiVersionOf(command: string): string | undefined {
  try {
    return execFileSync(command, ["version"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      stdio: ["ignore", "pipe", "ignore"],
    })
      .trim()
      .replace(/^v/, "");
  } catch {
    return undefined;
  }
}

/** True when version a >= b, for plain x.y.z versions. */
export function versionAtLeast(a: string, b: string): boolean {
  const parse = (version: string) =>
    version
      .split(/[.-]/)
      .slice(0, 3)
      .map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index++) if (x[index] !== y[index]) return x[index] > y[index];
  return true;
}

/** The CLI to use, if one is ready: the project's own build first, then a compatible one on PATH. */
export function findPulumiCli(): PulumiCli | undefined {
  const own = path.join(toolsBin, "pulumi");
  const ownVersion = existsSync(own) ? pulumiVersionOf(own) : undefined;
  if (ownVersion !== undefined) return { command: own, version: ownVersion, origin: existsSync(path.join(toolsBin, ".installer")) ? "installer" : "built" };
  const onPath = pulumiVersionOf("pulumi");
  if (onPath !== undefined && versionAtLeast(onPath, minimumPulumiVersion)) return { command: "pulumi", version: onPath, origin: "path" };
  return undefined;
}

/** The program the engine runs `runtime: nodejs` programs (a `Pulumi.yaml`) with; inline programs do not need it. */
export const languageHostName = "pulumi-language-nodejs";

/**
 * The Node.js language host this project builds when there is none (module github.com/pulumi/pulumi/sdk/v3, through
 * tools/pulumi-language-nodejs, whose go.mod names the same version). 3.68.0 is the last version that module holds:
 * later ones are a module of their own, which the Go module proxy these machines use refuses.
 */
export const pinnedLanguageHostVersion = "3.68.0";

/**
 * The Node.js language host `cli` runs `Pulumi.yaml` programs with under pulumiEnv(), or undefined when it has none.
 * Looks where the engine looks: on PATH first (pulumiEnv() puts .tools/bin first), then beside the real `pulumi`
 * binary, symlinks resolved, where a Pulumi install keeps its own.
 */
export function findLanguageHost(cli: PulumiCli): string | undefined {
  const searchPath = pulumiEnv().PATH;
  const pathDirs = searchPath.split(path.delimiter).filter((dir) => dir !== "");
  const onPath = firstExecutable(languageHostName, pathDirs);
  if (onPath !== undefined) return onPath;
  const cliPath = cli.command.includes(path.sep) ? cli.command : firstExecutable(cli.command, pathDirs);
  return cliPath === undefined ? undefined : firstExecutable(languageHostName, [path.dirname(realpathSync(cliPath))]);
}

function firstExecutable(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here, or not executable: the engine would skip it too.
    }
  }
  return undefined;
}

/**
 * Writes the dynamic provider plugin beside the CLI: a shim that runs this project's
 * `@pulumi/pulumi/cmd/dynamic-provider` with this project's Node, so that the npm package's version,
 * not the CLI's, decides how dynamic resources behave.
 *
 * The host loads the serialized provider with require-from-string, which resolves its `require`s from
 * the plugin's working directory: the program's folder. A user's program folder has node_modules; the
 * temporary folders of this project's stacks do not, so the shim names this project's node_modules.
 */
export function writeDynamicProviderShim(): string {
  mkdirSync(toolsBin, { recursive: true });
  const shim = path.join(toolsBin, "pulumi-resource-pulumi-nodejs");
  const host = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [repoRoot] });
  const nodeModules = path.join(repoRoot, "node_modules");
  writeFileSync(shim, `#!/bin/sh\nNODE_PATH="${nodeModules}\${NODE_PATH:+:$NODE_PATH}" exec "${nodeBinary()}" "${host}" "$@"\n`);
  chmodSync(shim, 0o755);
  return shim;
}

/** The Node that runs the engine's plugins: the project's own Node 22 from npm where it is installed. */
export function nodeBinary(): string {
  const local = path.join(repoRoot, "node_modules", ".bin", "node");
  return existsSync(local) ? local : process.execPath;
}

/** The environment every Pulumi command of this project runs with: the tools first on PATH, no update checks. */
export function pulumiEnv(extra: Record<string, string> = {}): Record<string, string> {
  const pathList = [toolsBin, path.join(repoRoot, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter);
  return {
    ...(process.env as Record<string, string>),
    PATH: pathList,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    ...extra,
  };
}

/** Runs a command, showing its output, and resolves with its exit code. */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: options.cwd, env: options.env ?? process.env });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
