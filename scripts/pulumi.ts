import { ensurePulumi } from "./ensurePulumi";
import { pulumiEnv, run } from "./pulumiCli";

/** `npm run pulumi -- ARGS`: the project's Pulumi CLI, set up on first use, with the project's plugins on PATH. */
async function main(): Promise<void> {
  const cli = await ensurePulumi();
  process.exitCode = await run(cli.command, process.argv.slice(2), { env: pulumiEnv() });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
