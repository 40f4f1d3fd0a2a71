import { execFileSync, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findNode } from "./ensureNode";
import { repoRoot, toolsBin } from "./repoPaths";

export { repoRoot, toolsBin } from "./repoPaths";

/** The Pulumi CLI version this project builds, from the Go module proxy (module github.com/pulumi/pulumi/pkg/v3). */
export const pinnedPulumiVersion = "3.259.0";

/** The oldest CLI on PATH that this project uses as it is: inline programs need `--client` for every command. */
export const minimumPulumiVersion = "3.181.0";

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
 * Writes the dynamic provider plugin beside the CLI, a shell script that does what Pulumi's own
 * `pulumi-resource-pulumi-nodejs` does: it runs the dynamic provider host of the `@pulumi/pulumi` that
 * the program's folder (the plugin's working directory) resolves, so in a user's project it is the
 * project's own copy, and the provider it loads is the one installed there, found by package name.
 * Unlike Pulumi's script it runs the project's Node 22, which is not on every PATH here.
 *
 * The temporary folders of this project's inline test stacks have no node_modules: there the shim runs
 * this repository's host, with this repository's node_modules on NODE_PATH for the state of 0.1.0,
 * whose serialized provider code requires its dependencies from the working directory.
 */
export function writeDynamicProviderShim(): string {
  mkdirSync(toolsBin, { recursive: true });
  const shim = path.join(toolsBin, "pulumi-resource-pulumi-nodejs");
  const ownHost = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [repoRoot] });
  const nodeModules = path.join(repoRoot, "node_modules");
  const node = nodeBinary();
  const resolveHost = `process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider', { paths: [process.cwd()] }))`;
  writeFileSync(
    shim,
    [
      "#!/bin/sh",
      "# Written by scripts/pulumiCli.ts (writeDynamicProviderShim): the dynamic provider host of the program's own @pulumi/pulumi.",
      `host=$(NODE_PATH= "${node}" -e "${resolveHost}" 2>/dev/null)`,
      `if [ -n "$host" ]; then exec "${node}" "$host" "$@"; fi`,
      `NODE_PATH="${nodeModules}\${NODE_PATH:+:$NODE_PATH}" exec "${node}" "${ownHost}" "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(shim, 0o755);
  return shim;
}

/** The Node that runs the engine's plugins: the project's Node 22 (scripts/ensureNode.ts), else the running one. */
export function nodeBinary(): string {
  return findNode() ?? process.execPath;
}

/** The environment every Pulumi command of this project runs with: the tools first on PATH, no update checks. */
export function pulumiEnv(extra: Record<string, string> = {}): Record<string, string> {
  const pathList = [toolsBin, path.dirname(nodeBinary()), path.join(repoRoot, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter);
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
