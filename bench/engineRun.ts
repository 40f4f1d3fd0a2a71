/**
 * One stack through its operations with the real CLI, in order: before each, the program's declared
 * resources (and, for the oracle, its plan) are written; each is measured; after each, a hook checks
 * what Hasura holds. Every operation but preview runs with `--skip-preview`: the preview phase of `up`,
 * `refresh` and `destroy` is a second pass over every resource (for relationships, `check` also
 * validates each against the live remote schema), so it is measured once, on its own, as `pulumi preview`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RunningHasuraServer } from "../server";
import { measure } from "./measure";
import { oracleBatches, oracleRebuilds, planCosts, writeOraclePlan } from "./oracle";
import { parallelArgs } from "./parallelism";
import { bursts, declared, phaseAfter, type Declared, type Phase } from "./phases";
import { declaredFile, oraclePlanFile } from "./program";
import type { BenchProject } from "./project";
import type { CostProfile, OperationFigures, Operation, ParallelMode, StateFigures } from "./results";
import { stateFigures } from "./stateSize";
import type { WriteProbe } from "./writeProbe";

/** The CLI arguments of each operation, without `--stack` and the parallelism. */
export const operationArgs: Readonly<Record<Operation, readonly string[]>> = {
  preview: ["preview"],
  up: ["up", "--yes", "--skip-preview"],
  noChangeUp: ["up", "--yes", "--skip-preview", "--expect-no-changes"],
  refresh: ["refresh", "--yes", "--skip-preview", "--expect-no-changes"],
  oneChangeUp: ["up", "--yes", "--skip-preview"],
  mixedUp: ["up", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

/** The three kinds of stack (bench/program.ts). */
export type StackKind = "noop" | "oracle" | "relationships";

/** What one stack's run needs. */
export interface StackRunSpec {
  readonly bench: BenchProject;
  readonly server: RunningHasuraServer;
  readonly stack: string;
  readonly kind: StackKind;
  readonly n: number;
  readonly operations: readonly Operation[];
  readonly parallel: ParallelMode;
  /** Hasura's costs: the oracle's plan. */
  readonly profile: CostProfile;
  /** The pass-through the stack's provider reaches the server by, if any: its write log goes with each operation's figures. */
  readonly probe?: WriteProbe;
  /** Checks what Hasura holds after an operation left `phase`; a throw stops the bench, since the figures would mean nothing. */
  readonly check?: (operation: Operation, phase: Phase) => Promise<void>;
  readonly progress: (operation: Operation, figures: OperationFigures) => void;
}

/** The figures of each operation run, and the state after the up. */
export interface StackRun {
  readonly operations: Partial<Record<Operation, OperationFigures>>;
  readonly state?: StateFigures;
}

/** Runs the operations in order from an empty stack; sizes the state after the up. */
export async function runStack(spec: StackRunSpec): Promise<StackRun> {
  const figures: Partial<Record<Operation, OperationFigures>> = {};
  let state: StateFigures | undefined;
  let current: Phase = "empty";
  for (const operation of spec.operations) {
    const target = phaseAfter[operation];
    writeDeclaredFile(spec.bench, spec.stack, declared(spec.n, target));
    if (spec.kind === "oracle") writeOraclePlan(planPath(spec), oraclePlan(spec, current, target));
    spec.probe?.reset();
    const args = [...operationArgs[operation], ...parallelArgs(spec.parallel), "--stack", spec.stack];
    const measured = await measure(spec.server, () => spec.bench.project.pulumi(args));
    const result = spec.kind === "oracle" ? withOracleLog(measured, planPath(spec)) : { ...measured, writeLog: spec.probe?.writes() };
    figures[operation] = result;
    spec.progress(operation, result);
    if (operation !== "preview") current = target;
    await spec.check?.(operation, current);
    if (operation === "up") state = stateFigures(await spec.bench.project.exportText(spec.stack), resourceTypes[spec.kind]);
  }
  return { operations: figures, state };
}

/** The type each kind's resources have in the state, for sizing it. */
const resourceTypes: Record<StackKind, string> = { noop: ":dynamic:Resource", oracle: ":dynamic:Resource", relationships: "hasura:RemoteRelationship" };

/** Writes what the program declares on `stack` from now on. */
export function writeDeclaredFile(bench: BenchProject, stack: string, entries: readonly Declared[]): void {
  const file = path.join(bench.project.dir, declaredFile(stack));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(entries));
}

function planPath(spec: StackRunSpec): string {
  return path.join(spec.bench.project.dir, oraclePlanFile(spec.stack));
}

function oraclePlan(spec: StackRunSpec, from: Phase, to: Phase) {
  return {
    parallel: spec.parallel.value,
    bursts: bursts(declared(spec.n, from), declared(spec.n, to)),
    ...planCosts(spec.profile),
  };
}

/** The oracle never reaches the server: its writes, rebuilds and cost are those of the batches it logged. */
function withOracleLog(measured: OperationFigures, planFile: string): OperationFigures {
  const batches = oracleBatches(planFile);
  return {
    ...measured,
    writes: batches.length,
    rebuilds: oracleRebuilds(batches),
    costMs: batches.reduce((sum, batch) => sum + batch.ms, 0),
    writeLog: batches,
  };
}
