/**
 * `npm run soak -- [--rounds 100] [--seed N] [--fault-rate 0.1]`: the long soak through the real
 * engine (test/soak/soak.ts); prints one line per round and the figures at the end.
 */
import { parseArgs } from "node:util";
import { runSoak } from "../test/soak/soak";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rounds: { type: "string", default: "100" }, seed: { type: "string", default: "20261124" }, "fault-rate": { type: "string", default: "0.1" } },
  });
  const started = Date.now();
  const figures = await runSoak({
    seed: Number(values.seed),
    rounds: Number(values.rounds),
    faultRate: Number(values["fault-rate"]),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify({ ...figures, seconds: Math.round((Date.now() - started) / 1000) }));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
