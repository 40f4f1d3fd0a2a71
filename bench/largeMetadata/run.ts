/**
 * The large-metadata case: the provider object against the local server seeded with a production-sized
 * document (document.ts), at two document sizes, so that growth shows: at each, three relationships
 * created, read and deleted one at a time, and a burst of relationships created then deleted on as many tables at 8
 * in flight; at the larger, also a burst of half the size, so that growth in the batch shows too. Each
 * scenario runs in a provider process of its own (workload.ts); after each, the server must hold the
 * seeded document again.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { isDeepStrictEqual } from "node:util";
import { isJsonObject, type JsonObject } from "../../model";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import { startHasuraServer, type RunningHasuraServer } from "../../server";
import { exportDocument } from "../direct";
import { serverFigures } from "../measure";
import { defaultDatabase, tableMetadata, tableName } from "./document";
import { scenarioName } from "../report/largeMetadata";
import { combinedRuns } from "./repeats";
import type { LargeMetadataResults, LargeMetadataRun, WorkloadResult, WorkloadSpec } from "./results";

/** What to run. */
export interface LargeMetadataSpec {
  /** Document sizes, in tracked tables. */
  readonly tableCounts: readonly number[];
  /** Relationships in the burst. */
  readonly burst: number;
  readonly inFlight: number;
  /** Runs of each scenario (`--repeat`). */
  readonly repeat: number;
  readonly environmentFile: string;
  readonly adminSecret: string;
  readonly log: (line: string) => void;
}

/** Runs every scenario at every size. */
export async function runLargeMetadata(spec: LargeMetadataSpec): Promise<LargeMetadataResults> {
  const runs: LargeMetadataRun[] = [];
  const largest = Math.max(...spec.tableCounts);
  for (const count of spec.tableCounts) {
    spec.log(`Large metadata: seeding the local server with ${count} tables...`);
    const server = await startHasuraServer({ environment: spec.environmentFile, adminSecret: spec.adminSecret, sources: [defaultDatabase(count)] });
    try {
      const seeded = await seed(server, spec.adminSecret, count);
      const documentBytes = Buffer.byteLength(JSON.stringify(seeded));
      const bursts = count === largest ? [spec.burst, Math.floor(spec.burst / 2)] : [spec.burst];
      const scenarios: Omit<WorkloadSpec, "endpoint" | "adminSecret">[] = [
        { scenario: "single", tables: spreadTables(count, singles), inFlight: 1 },
        ...bursts.map((size) => ({ scenario: "burst" as const, tables: spreadTables(count, size), inFlight: spec.inFlight })),
      ];
      for (const scenario of scenarios) {
        const repeats: LargeMetadataRun[] = [];
        for (let index = 0; index < spec.repeat; index++) {
          const run = await runScenario(server, { ...scenario, endpoint: server.url, adminSecret: spec.adminSecret }, count, documentBytes);
          if (!isDeepStrictEqual(await exportDocument(server, spec.adminSecret), seeded))
            throw new Error(`After the ${scenario.scenario} scenario on ${count} tables, the server does not hold the seeded document again.`);
          spec.log(progressLine(run));
          repeats.push(run);
        }
        const last = repeats[repeats.length - 1];
        runs.push({ ...last, result: combinedRuns(repeats.map((run) => run.result)), repeats: repeats.map((run) => run.result) });
      }
    } finally {
      await server.stop();
    }
  }
  return { runs };
}

/** Adds the generated tables to the server's default source with one replace_metadata; answers the document it then holds. */
async function seed(server: RunningHasuraServer, adminSecret: string, count: number): Promise<JsonObject> {
  const start = await exportDocument(server, adminSecret);
  const sources = Array.isArray(start.sources) ? start.sources : [];
  const withTables = sources.map((source) =>
    isJsonObject(source) && source.name === "default" && Array.isArray(source.tables)
      ? { ...source, tables: [...source.tables, ...tableMetadata(count)] }
      : source,
  );
  await hasuraCall(server.url, adminSecret, { type: "replace_metadata", version: 2, args: { metadata: { ...start, sources: withTables } } }).catch(
    (error: Error) => {
      throw new Error(`Seeding the server with ${count} tables failed: ${error.message.slice(0, 2000)}`);
    },
  );
  return exportDocument(server, adminSecret);
}

/** Relationships the single scenario takes one at a time: a few, so that its CPU figures stand above the noise. */
const singles = 3;

/** `size` tables spread evenly over the `count` generated ones. */
function spreadTables(count: number, size: number): string[] {
  return Array.from({ length: size }, (_, index) => tableName(Math.floor((index * count) / size)));
}

async function runScenario(server: RunningHasuraServer, spec: WorkloadSpec, tables: number, documentBytes: number): Promise<LargeMetadataRun> {
  server.resetStats();
  const workload = path.join(__dirname, "workload.js");
  const env = { ...process.env, BENCH_WORKLOAD: JSON.stringify(spec) };
  const { stdout } = await promisify(execFile)(process.execPath, [workload], { env, maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as WorkloadResult;
  const { requests, writes } = serverFigures(server.stats());
  return { tables, documentBytes, scenario: spec.scenario, relationships: spec.tables.length, inFlight: spec.inFlight, result, requests, writes };
}

function progressLine(run: LargeMetadataRun): string {
  const { result } = run;
  const overMiB = (result.peakRssBytes - result.baselineRssBytes) / 2 ** 20;
  const steps = result.steps.map((step) => `${step.name} ${step.seconds.toFixed(1)} s (${step.cpuSeconds.toFixed(1)} s CPU)`).join(", ");
  return `Large metadata, ${run.tables} tables, ${scenarioName(run)}: ${result.seconds.toFixed(1)} s, ${result.cpuSeconds.toFixed(1)} s CPU, peak RSS ${overMiB.toFixed(0)} MiB over baseline; ${steps}; ${run.writes} writes.`;
}
