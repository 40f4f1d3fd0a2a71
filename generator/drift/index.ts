/**
 * `pulumi-hasura-remote-relationships drift`: what a live Hasura holds against what the given stacks
 * manage there, per relationship, and (with `--emit-declarations`) the declarations that adopt the
 * relationships no stack manages.
 */
import type { DriftOptions } from "../arguments";
import { heldRelationships } from "../declarations";
import { inventoryOf, refusedByCheck } from "../inventory";
import { readLiveHasura } from "../liveHasura";
import { renderAdoption, type ProgramOrigin } from "../program";
import { withProviderCheck } from "../providerCheck";
import { compareDrift } from "./compare";
import type { DriftReport } from "./report";
import { exportStack, readStateFile, type RunCommand, type StackState } from "./stackStates";

export { compareDrift, driftStatuses, inScope, stateType, type Drift, type DriftRecord, type DriftStatus } from "./compare";
export { exitCodeOf, exitCodes, renderJson, renderTable, repairOf, type DriftReport } from "./report";
export { exportStack, parseStackExport, readStateFile, type StackState } from "./stackStates";

/** What a run found: the report, and the adopting module when it was asked for. */
export interface DriftRun {
  readonly report: DriftReport;
  /** The TypeScript module declaring the unmanaged relationships (`--emit-declarations`). */
  readonly adoption?: string;
}

/** Where the package is and what it is called, for the commands and the module it writes. */
export interface DriftContext {
  readonly bin: string;
  readonly origin: Omit<ProgramOrigin, "endpoint">;
  /** Runs `pulumi` for `--stack`; the `pulumi` on PATH unless a test gives another. */
  readonly run?: RunCommand;
}

/** Reads the stacks' states (first, so that a wrong one costs no request), then Hasura, and compares them. Throws a CommandError with the fix. */
export async function drift(options: DriftOptions, adminSecret: string | undefined, context: DriftContext): Promise<DriftRun> {
  const stacks: StackState[] = options.stateFiles.map(readStateFile);
  for (const name of options.stacks) stacks.push(await exportStack(name, context.run));
  const live = await readLiveHasura(options.endpoint, adminSecret);
  const held = heldRelationships(live.snapshot.metadata, live.inconsistencies, options.endpoint);
  const result = compareDrift(held, stacks, options.endpoint, options.scope);
  const report: DriftReport = {
    endpoint: options.endpoint,
    server: live.version === undefined ? apiPath(live.api) : `Hasura ${live.version}, ${apiPath(live.api)}`,
    stacks: stacks.map((stack) => stack.name),
    drift: result,
    adoptCommand: adoptCommand(context.bin, options),
  };
  if (!options.emitDeclarations) return { report };
  const unmanagedIds = new Set(result.records.filter((record) => record.managedBy.length === 0).map((record) => `${record.resourceType} ${record.id}`));
  const unmanaged = held.filter((entry) => unmanagedIds.has(`${entry.resourceType} ${entry.id}`));
  const refused = await withProviderCheck(options.endpoint, adminSecret, (check) => refusedByCheck(unmanaged, check));
  // Names the stacks use already would clash with the adopted resources' once pasted into their programs.
  const taken = stacks.flatMap((stack) => stack.resources.map((resource) => resource.name));
  const adoption = renderAdoption(inventoryOf(unmanaged, refused, taken), { ...context.origin, endpoint: options.endpoint });
  return { report, adoption };
}

function apiPath(api: "metadata" | "query"): string {
  return api === "metadata" ? "/v1/metadata" : "/v1/query";
}

/** The command line that prints the adopting declarations: this run's, with `--emit-declarations` instead of `--json`. */
function adoptCommand(bin: string, options: DriftOptions): string {
  const flags = [
    ["--endpoint", options.endpoint],
    ...options.stacks.map((stack) => ["--stack", stack]),
    ...options.stateFiles.map((file) => ["--state", file]),
    ...options.scope.sources.map((source) => ["--source", source]),
    ...options.scope.tables.map((table) => ["--table", `${table.schema}.${table.name}`]),
    ...options.scope.remoteSchemas.map((schema) => ["--remote-schema", schema]),
  ].map(([flag, value]) => `${flag} ${shellWord(value)}`);
  return `npx ${bin} drift ${flags.join(" ")} --emit-declarations > adopted.ts`;
}

/** A word as a POSIX shell reads it back unchanged. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
