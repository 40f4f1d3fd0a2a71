/**
 * Repeated runs reduced to one: per operation, the figures of the repetition whose time is the median
 * (the lower median for an even count), so that requests, rebuilds and the write log stay those of a
 * real run; every repetition's time is kept beside them.
 */
import type { StackRun } from "./engineRun";
import { operations, type EngineRun, type Operation, type OperationFigures } from "./results";

/** The median repetition of each operation the runs made; the state of the first (it is the same in every one). */
export function medianRun(runs: readonly StackRun[]): EngineRun {
  const chosen: Partial<Record<Operation, OperationFigures>> = {};
  const samples: Partial<Record<Operation, number[]>> = {};
  for (const operation of operations) {
    const figures = runs.flatMap((run) => run.operations[operation] ?? []);
    if (figures.length === 0) continue;
    chosen[operation] = medianOf(figures);
    samples[operation] = figures.map((figure) => figure.seconds);
  }
  return { operations: chosen, samples, ...(runs[0]?.state === undefined ? {} : { state: runs[0].state }) };
}

/** The median repetition of each direct call. */
export function medianDirect(runs: readonly Partial<Record<Operation, OperationFigures>>[]): Partial<Record<Operation, OperationFigures>> {
  return medianRun(runs.map((run) => ({ operations: run }))).operations;
}

function medianOf(figures: readonly OperationFigures[]): OperationFigures {
  return lowerMedian(figures, (figure) => figure.seconds);
}

/** The item whose `value` is the median (the lower median for an even count). */
export function lowerMedian<T>(items: readonly T[], value: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
