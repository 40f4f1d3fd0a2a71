import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  findLanguageHost,
  findPulumiCli,
  languageHostName,
  pinnedLanguageHostVersion,
  pinnedPulumiVersion,
  pulumiVersionOf,
  repoRoot,
  run,
  toolsBin,
  writeDynamicProviderShim,
  type PulumiCli,
} from "./pulumiCli";

/**
 * Makes sure a Pulumi CLI is ready: a compatible one already here, else one built from the Go module
 * proxy (kept in .tools/, so a second run costs nothing), else Pulumi's official installer. Then makes sure it
 * has a Node.js language host (ensureLanguageHost) and writes the dynamic provider plugin shim beside it.
 */
export async function ensurePulumi(): Promise<PulumiCli> {
  let cli = findPulumiCli();
  if (cli === undefined) {
    mkdirSync(toolsBin, { recursive: true });
    if (hasGo()) await buildFromGoProxy();
    else await installWithOfficialInstaller();
    cli = findPulumiCli();
    if (cli === undefined) throw new Error("The Pulumi CLI could not be set up; see the output above.");
  }
  await ensureLanguageHost(cli);
  writeDynamicProviderShim();
  return cli;
}

function hasGo(): boolean {
  try {
    execFileSync("go", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function buildFromGoProxy(): Promise<void> {
  console.log(
    `No Pulumi CLI ${pinnedPulumiVersion} here: building it from the Go module proxy (module github.com/pulumi/pulumi/pkg/v3). This takes several minutes, once.`,
  );
  const output = path.join(toolsBin, "pulumi");
  const seconds = await goBuild("the Pulumi CLI", "pulumi-cli", "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi", output, pinnedPulumiVersion);
  console.log(`Built the Pulumi CLI ${pulumiVersionOf(output)} in ${seconds} s: ${output}`);
}

/**
 * Makes sure `cli` can run `Pulumi.yaml` programs (`runtime: nodejs`): when findLanguageHost finds no Node.js language
 * host, builds one from the Go module proxy into .tools/bin. Resolves with the host's path; with undefined when there is
 * none and no Go to build one, which only `Pulumi.yaml` programs mind (the demo and tests run inline programs). Throws
 * when the build fails.
 */
export async function ensureLanguageHost(cli: PulumiCli): Promise<string | undefined> {
  const found = findLanguageHost(cli);
  if (found !== undefined) return found;
  if (!hasGo()) {
    console.log(
      `No ${languageHostName} on PATH or beside this Pulumi CLI, and no Go to build one: \`pulumi\` cannot run Pulumi.yaml programs here. Install Pulumi (https://www.pulumi.com/docs/install/) for them.`,
    );
    return undefined;
  }
  return buildLanguageHost();
}

// Version 3.68 of the host works with the 3.259 engine and this project's @pulumi/pulumi (3.270), checked with
// preview, up, refresh and destroy of the root Pulumi.yaml: the engine falls back to the older RPCs such a host knows
// (GetRequiredPlugins for GetRequiredPackages, no Handshake), and the program's own @pulumi/pulumi (cmd/run, resolved
// from the program's folder, run with the `node` on PATH: the project's Node 22 under pulumiEnv()) does the running.
// What a host this old lacks, none of which this project's program uses: runtime options in Pulumi.yaml (typescript,
// nodeargs, tsconfig) are ignored, since engines now send them in the Run request and 3.68 reads them only as flags
// (NODE_OPTIONS still reaches Node); every resource monitor call goes through 3.68's proxy, which forwards only the
// calls of its day, so stack transforms, resource hooks and parameterized packages fail as unimplemented (a stack
// transform as "Cannot read properties of undefined (reading 'stack')"); and `pulumi.getRootDirectory()` is "".
async function buildLanguageHost(): Promise<string> {
  console.log(
    `No ${languageHostName} here: building the Node.js language host ${pinnedLanguageHostVersion} from the Go module proxy (module github.com/pulumi/pulumi/sdk/v3), once.`,
  );
  const output = path.join(toolsBin, languageHostName);
  const seconds = await goBuild(
    "the Node.js language host",
    "pulumi-language-nodejs",
    "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
    output,
    pinnedLanguageHostVersion,
  );
  console.log(`Built the Node.js language host ${pinnedLanguageHostVersion} in ${seconds} s: ${output}`);
  return output;
}

/**
 * `go build` of `goPackage` through the tool module tools/<toolModule> (which pins its versions and repeats the
 * replace lines a dependency's go.mod would otherwise lose) into `output`, stamped with `version` as Pulumi's release
 * builds are, so the binary reports it. Prints a progress line every 30 s; resolves with the seconds it took.
 */
async function goBuild(what: string, toolModule: string, goPackage: string, output: string, version: string): Promise<number> {
  mkdirSync(toolsBin, { recursive: true });
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const ticker = setInterval(() => console.log(`  still building ${what} (${elapsed()} s)...`), 30_000);
  try {
    const ldflags = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;
    const code = await run("go", ["build", "-trimpath", "-ldflags", ldflags, "-o", output, goPackage], {
      cwd: path.join(repoRoot, "tools", toolModule),
      env: { ...(process.env as Record<string, string>), GOFLAGS: "-buildvcs=false -mod=mod" },
    });
    if (code !== 0) throw new Error(`go build of ${what} failed with exit code ${code}; see its output above.`);
  } finally {
    clearInterval(ticker);
  }
  return elapsed();
}

async function installWithOfficialInstaller(): Promise<void> {
  console.log(
    `Neither a Pulumi CLI nor a Go toolchain is here: installing Pulumi ${pinnedPulumiVersion} with Pulumi's official installer (https://get.pulumi.com) into .tools/.`,
  );
  const root = path.join(repoRoot, ".tools", "pulumi-install");
  const code = await run("sh", ["-c", `curl -fsSL https://get.pulumi.com | sh -s -- --version ${pinnedPulumiVersion} --install-root "${root}" --no-edit-path`]);
  if (code !== 0) throw new Error("Pulumi's official installer failed; install Pulumi yourself (https://www.pulumi.com/docs/install/) and run again.");
  const installed = path.join(root, "bin", "pulumi");
  if (!existsSync(installed)) throw new Error(`Pulumi's installer finished but ${installed} is missing.`);
  execFileSync("ln", ["-sf", installed, path.join(toolsBin, "pulumi")]);
  writeFileSync(path.join(toolsBin, ".installer"), "installed by get.pulumi.com\n");
}

if (require.main === module) {
  ensurePulumi().then(
    (cli) => {
      console.log(`Pulumi CLI ${cli.version} (${cli.origin}): ${cli.command}`);
      console.log(`Node.js language host: ${findLanguageHost(cli) ?? "none (Pulumi.yaml programs cannot run)"}`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
