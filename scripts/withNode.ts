/**
 * `node dist/scripts/withNode.js ARGS`: runs ARGS with the repository's Node 22 (scripts/ensureNode.ts),
 * its folder first on PATH so that what the command starts (the test runner's files, the Pulumi
 * engine's language host and plugins) runs on it too. The npm scripts that run tests, the demo, the
 * bench and the Pulumi CLI go through it; building, linting and the local server run on any Node 20.18+.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureNode } from "./ensureNode";

function main(args: readonly string[]): void {
  const node = ensureNode();
  const env = { ...process.env, PATH: [path.dirname(node), process.env.PATH ?? ""].join(path.delimiter) };
  const child = spawn(node, args, { stdio: "inherit", env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  child.on("error", (error) => {
    console.error(`Could not start ${node}: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main(process.argv.slice(2));
