import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findPulumiCli, pinnedPulumiVersion, pulumiVersionOf, repoRoot, run, toolsBin, writeDynamicProviderShim, type PulumiCli } from "./pulumiCli";

/**
 * Makes sure a Pulumi CLI is ready: a compatible one already here, else one built from the Go module
 * proxy (kept in .tools/, so a second run costs nothing), else Pulumi's official installer. Then writes
 * the dynamic provider plugin shim beside it.
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
  const module = path.join(repoRoot, "tools", "pulumi-cli");
  const output = path.join(toolsBin, "pulumi");
  console.log(
    `No Pulumi CLI ${pinnedPulumiVersion} here: building it from the Go module proxy (module github.com/pulumi/pulumi/pkg/v3). This takes several minutes, once.`,
  );
  const started = Date.now();
  const ticker = setInterval(() => console.log(`  still building the Pulumi CLI (${Math.round((Date.now() - started) / 1000)} s)...`), 30_000);
  try {
    const ldflags = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${pinnedPulumiVersion}`;
    const code = await run("go", ["build", "-trimpath", "-ldflags", ldflags, "-o", output, "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"], {
      cwd: module,
      env: { ...(process.env as Record<string, string>), GOFLAGS: "-buildvcs=false -mod=mod" },
    });
    if (code !== 0) throw new Error(`go build of the Pulumi CLI failed with exit code ${code}.`);
  } finally {
    clearInterval(ticker);
  }
  console.log(`Built the Pulumi CLI ${pulumiVersionOf(output)} in ${Math.round((Date.now() - started) / 1000)} s: ${output}`);
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
    (cli) => console.log(`Pulumi CLI ${cli.version} (${cli.origin}): ${cli.command}`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
