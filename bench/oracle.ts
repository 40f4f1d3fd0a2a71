/**
 * The oracle's side of the bench (its provider is in bench/program.ts): before each of its operations
 * the bench writes its plan (the parallelism, the bursts the change makes, Hasura's cost figures), and
 * after it reads the batches the provider logged. The oracle knows what no real provider can: how
 * many changes are coming. It spends, per batch, what the cheaper plan costs on the local server's
 * own cost model (bench/results.ts CostProfile): k single commands cost k rebuilds, each with a catalog
 * introspection of the source it changed; one replace_metadata one rebuild with an introspection of
 * every source.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CostProfile, WriteRecord } from "./results";

/** What the oracle's provider reads before its first call of an operation. */
export interface OraclePlan {
  readonly parallel: number;
  /** The changes of each burst, in order (bench/phases.ts bursts). */
  readonly bursts: readonly number[];
  /** What one single relationship command costs. */
  readonly singleMs: number;
  /** What one replace_metadata costs. */
  readonly replaceMs: number;
  /** The file it appends one line per batch to. */
  readonly log: string;
}

/**
 * What a single command and a replace_metadata cost at `profile`. The bench's relationships are all on
 * tables of one source, so a single command changes that source's metadata and Hasura reads its catalog
 * again (server/engine/sourceResolution.ts); a relationship on a remote schema's type would read none.
 */
export function planCosts(profile: CostProfile): { singleMs: number; replaceMs: number } {
  return { singleMs: profile.rebuildMs + profile.catalogIntrospectionMs, replaceMs: profile.rebuildMs + profile.sources * profile.catalogIntrospectionMs };
}

/** Writes the plan for the oracle's next operation to `planFile` (its log beside it, emptied). */
export function writeOraclePlan(planFile: string, plan: Omit<OraclePlan, "log">): void {
  mkdirSync(path.dirname(planFile), { recursive: true });
  const log = `${planFile}.log`;
  rmSync(log, { force: true });
  writeFileSync(planFile, JSON.stringify({ ...plan, log } satisfies OraclePlan));
}

interface LoggedBatch {
  readonly size: number;
  readonly plan: "single" | "replace";
  readonly holdMs: number;
}

/** The batches the oracle logged in its last operation, as write records (the plan it chose as the type). */
export function oracleBatches(planFile: string): WriteRecord[] {
  const log = `${planFile}.log`;
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as LoggedBatch)
    .map((batch) => ({ atMs: 0, type: batch.plan, changes: batch.size, ms: batch.holdMs, status: 200 }));
}

/** The rebuilds Hasura would make for the oracle's batches: one per change sent as a single command, one per replace_metadata. */
export function oracleRebuilds(batches: readonly WriteRecord[]): number {
  return batches.reduce((sum, batch) => sum + (batch.type === "single" ? batch.changes : 1), 0);
}
