/**
 * Repeated runs reduced to one: per operation, the figures of the repetition whose time is the median
 * (the lower median for an even count), so that requests, rebuilds and the write log stay those of a
 * real run; every repetition's time is kept beside them.
 */
import { operations, type DirectFigures, type EngineRun, type Operation, type OperationFigures } from "./results";

/** The median repetition of each operation; the state of the first (it is the same in every one). */
export function medianRun(runs: readonly EngineRun[]): EngineRun {
  const pick = (operation: Operation) => medianOf(runs.map((run) => run.operations[operation]));
  const samples = Object.fromEntries(operations.map((operation) => [operation, runs.map((run) => run.operations[operation].seconds)]));
  return {
    operations: Object.fromEntries(operations.map((operation) => [operation, pick(operation)])) as Record<Operation, OperationFigures>,
    state: runs[0].state,
    samples: samples as Record<Operation, number[]>,
  };
}

/** The median of each whole-document call. */
export function medianDirect(runs: readonly DirectFigures[]): DirectFigures {
  return {
    exportMetadata: medianOf(runs.map((run) => run.exportMetadata)),
    replaceToEnd: medianOf(runs.map((run) => run.replaceToEnd)),
    replaceToStart: medianOf(runs.map((run) => run.replaceToStart)),
    documentBytes: runs[0].documentBytes,
  };
}

function medianOf(figures: readonly OperationFigures[]): OperationFigures {
  return lowerMedian(figures, (figure) => figure.seconds);
}

/** The item whose `value` is the median (the lower median for an even count). */
export function lowerMedian<T>(items: readonly T[], value: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
