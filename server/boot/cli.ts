/**
 * `npm run hasura:local -- [flags]`: starts the local Hasura-compatible server, prints exactly
 * `ready http://HOST:PORT` on stdout once it listens, and stops cleanly on SIGINT or SIGTERM.
 */
import { errorMessage } from "../../model";
import { parseCliOptions, usage } from "./cliOptions";
import { startHasuraServer } from "./start";

async function main(): Promise<void> {
  const { help, options } = parseCliOptions(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const server = await startHasuraServer(options);
  process.stdout.write(`ready ${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
