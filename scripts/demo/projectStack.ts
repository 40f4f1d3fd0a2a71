/**
 * The demo's stack, driven as a user drives one: the repository's own Pulumi project (Pulumi.yaml at
 * the root runs examples/basic), `pulumi` commands with `--stack demo`, the stack's config in
 * `Pulumi.demo.yaml` beside Pulumi.yaml (ignored by git, removed afterwards), and its state on a
 * local file backend in a temporary folder. Each command is shown, then the engine's own output.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureLanguageHost } from "../ensurePulumi";
import { localPassphrase, tempDir } from "../localStack";
import { findPulumiCli, pulumiEnv, repoRoot } from "../pulumiCli";

/** A stack of the root project, and everything its commands printed. */
export interface ProjectStack {
  readonly name: string;
  readonly backendDir: string;
  /** Everything the CLI printed, for the check that the secret was never shown. */
  readonly output: string[];
  /** Shows `$ pulumi ARGS --stack NAME`, runs it in the project folder and shows its output; rejects when it fails. */
  pulumi(...args: string[]): Promise<string>;
  /** `pulumi config set --secret KEY VALUE`, shown with the value left out. */
  setSecret(key: string, value: string): Promise<string>;
  /** `pulumi stack export` (secrets stay encrypted), not shown. */
  exportText(): Promise<string>;
  /** Removes the stack's config file from the project folder. */
  cleanUp(): void;
}

/** Makes the stack `name` of the root project on a fresh local backend. Needs a CLI with a Node.js language host. */
export async function createProjectStack(name: string, onOutput: (text: string) => void): Promise<ProjectStack> {
  const cli = findPulumiCli();
  if (cli === undefined) throw new Error("No Pulumi CLI is set up: run `node dist/scripts/ensurePulumi.js` first (npm run demo does).");
  if ((await ensureLanguageHost(cli)) === undefined) {
    throw new Error("The demo runs the example as a Pulumi.yaml program, which needs a Node.js language host; see the output above.");
  }
  const backendDir = tempDir("demo-backend");
  mkdirSync(path.join(backendDir, ".pulumi-home"), { recursive: true });
  const env = pulumiEnv({
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_HOME: path.join(backendDir, ".pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: localPassphrase,
  });
  const configFile = path.join(repoRoot, `Pulumi.${name}.yaml`);
  // A config file left by an interrupted run belongs to a backend that is gone.
  rmSync(configFile, { force: true });
  const output: string[] = [];
  const run = (args: readonly string[], show: boolean) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(cli.command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      const take = (chunk: Buffer) => {
        text += chunk.toString();
        if (show) onOutput(chunk.toString());
      };
      child.stdout.on("data", take);
      child.stderr.on("data", take);
      child.on("error", reject);
      child.on("close", (code) => {
        output.push(text);
        if (code === 0) resolve(text);
        else reject(new Error(`\`pulumi ${args.join(" ")}\` failed with exit code ${code}${show ? "; see its output above" : `: ${text.trim()}`}.`));
      });
    });
  const echo = (args: readonly string[]) => console.log(`  $ pulumi ${args.map((arg) => (/^[\w:./=<>-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(" ")}`);
  return {
    name,
    backendDir,
    output,
    pulumi: (...args) => {
      echo([...args, "--stack", name]);
      return run([...args, "--stack", name], true);
    },
    setSecret: (key, value) => {
      echo(["config", "set", "--secret", key, "<admin-secret>", "--stack", name]);
      return run(["config", "set", "--secret", key, value, "--stack", name], true);
    },
    exportText: () => run(["stack", "export", "--stack", name], false),
    cleanUp: () => rmSync(configFile, { force: true }),
  };
}
