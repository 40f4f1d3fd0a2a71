/** Where the bench runs: the machine, and the versions of everything that takes part. */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { nodeBinary, pinnedLanguageHostVersion, repoRoot, toolsBin, type PulumiCli } from "../scripts/pulumiCli";
import type { BenchProject } from "./project";
import type { Environment } from "./results";

/** Describes this machine, the CLI, its language host (at `languageHost`) and the project. */
export function describeEnvironment(cli: PulumiCli, languageHost: string, bench: BenchProject): Environment {
  const cpus = os.cpus();
  const packageVersion = /-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(bench.packed.tarball)?.[1] ?? "unknown";
  return {
    startedAt: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${process.platform}/${process.arch}`,
    nodeOfBench: process.version,
    nodeOfEngine: execFileSync(nodeBinary(), ["--version"], { encoding: "utf8" }).trim(),
    pulumiCli: `${cli.version} (${cli.origin})`,
    languageHost: path.dirname(languageHost) === toolsBin ? `pulumi-language-nodejs ${pinnedLanguageHostVersion} (.tools/bin)` : languageHost,
    pulumiSdk: bench.pulumiSdk,
    packageVersion,
    packedBytes: bench.packed.size,
    ...packedSource(),
  };
}

/** The paths whose code goes into the package: what was packed is HEAD plus their uncommitted changes. */
const packagePaths = ["index.ts", "sdk", "provider", "model", "generator", "package.json"];

/** The commit the package was packed from, and which of its files differed from it then. */
function packedSource(): { commit: string; uncommitted: string[] } {
  const git = (args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" });
  const changed = git(["status", "--porcelain", "--", ...packagePaths])
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.slice(3));
  return { commit: git(["rev-parse", "HEAD"]).trim(), uncommitted: changed };
}
