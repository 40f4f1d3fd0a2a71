import * as auto from "@pulumi/pulumi/automation";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findPulumiCli, pulumiEnv } from "./pulumiCli";

/** A stack on a local file backend, driven through the Automation API with an inline program: how the tests that need to build a program per step run the real engine (the demo and the CLI tests run Pulumi.yaml programs with the `pulumi` CLI instead). */
export interface LocalStack {
  readonly stack: auto.Stack;
  readonly workDir: string;
  readonly backendDir: string;
  /** Everything the engine printed, across all operations, for assertions about what it showed. */
  readonly output: string[];
  up(options?: auto.UpOptions): Promise<auto.UpResult>;
  preview(options?: auto.PreviewOptions): Promise<auto.PreviewResult>;
  refresh(options?: auto.RefreshOptions): Promise<auto.RefreshResult>;
  destroy(options?: auto.DestroyOptions): Promise<auto.DestroyResult>;
  /** The stack's state as `pulumi stack export` gives it (secrets encrypted), as text. */
  exportText(): Promise<string>;
}

/** What a test stack runs and with which config. */
export interface LocalStackOptions {
  readonly program: auto.PulumiFn;
  readonly stackName?: string;
  readonly projectName?: string;
  /** Plain config values, such as `hasura:endpoint`. */
  readonly config?: Record<string, string>;
  /** Secret config values, such as `hasura:adminSecret`: encrypted with the passphrase in Pulumi.<stack>.yaml. */
  readonly secrets?: Record<string, string>;
  /** Share a project folder and backend between stacks; a new temporary one by default. */
  readonly workDir?: string;
  readonly backendDir?: string;
  /** Extra environment for the engine and its plugins. */
  readonly env?: Record<string, string>;
  /** Shown everything the engine prints, as it prints it. */
  readonly onOutput?: (text: string) => void;
}

/** The passphrase that encrypts these local stacks' secrets. */
export const localPassphrase = "local-passphrase-not-a-secret";

const execFileAsync = promisify(execFile);

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** Creates (or selects) a stack of an inline program on a local backend. Needs the project's CLI: run `node dist/scripts/ensurePulumi.js` first (npm test and npm run demo do). */
export async function createLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const cli = findPulumiCli();
  if (cli === undefined) throw new Error("No Pulumi CLI is set up: run `node dist/scripts/ensurePulumi.js` first (npm test does).");
  const workDir = options.workDir ?? tempDir("stack-work");
  const backendDir = options.backendDir ?? tempDir("stack-backend");
  const pulumiHome = path.join(backendDir, ".pulumi-home");
  mkdirSync(pulumiHome, { recursive: true });
  const env = pulumiEnv({ PULUMI_CONFIG_PASSPHRASE: localPassphrase, PULUMI_HOME: pulumiHome, PULUMI_BACKEND_URL: `file://${backendDir}`, ...options.env });
  const pulumiCommand = await auto.PulumiCommand.get(
    cli.origin === "path" ? { skipVersionCheck: true } : { root: path.dirname(path.dirname(cli.command)), skipVersionCheck: true },
  );
  const workspace = await auto.LocalWorkspace.create({
    program: options.program,
    workDir,
    pulumiCommand,
    projectSettings: { name: options.projectName ?? "hasura-e2e", runtime: "nodejs", backend: { url: `file://${backendDir}` } },
    envVars: env,
  });
  const stack = await auto.Stack.createOrSelect(options.stackName ?? "dev", workspace);
  for (const [key, value] of Object.entries(options.config ?? {})) await stack.setConfig(key, { value, secret: false });
  for (const [key, value] of Object.entries(options.secrets ?? {})) await stack.setConfig(key, { value, secret: true });

  const output: string[] = [];
  const onOutput = (text: string) => {
    output.push(text);
    options.onOutput?.(text);
  };
  return {
    stack,
    workDir,
    backendDir,
    output,
    up: (opts) => stack.up({ onOutput, ...opts }),
    preview: (opts) => stack.preview({ onOutput, diff: true, ...opts }),
    refresh: (opts) => stack.refresh({ onOutput, ...opts }),
    destroy: (opts) => stack.destroy({ onOutput, ...opts }),
    // Not stack.exportStack(): the Automation API exports with --show-secrets.
    exportText: async () =>
      (await execFileAsync(cli.command, ["stack", "export", "--stack", stack.name], { cwd: workDir, env, maxBuffer: 64 * 1024 * 1024 })).stdout,
  };
}
