/**
 * One stack through the measured operations with the real CLI: preview, up (create all), a no-change
 * up, refresh, destroy. Every one but preview runs with `--skip-preview`: the preview phase of `up`,
 * `refresh` and `destroy` is a second pass over every resource (for relationships, `check` also
 * validates each against the live remote schema, one `introspect_remote_schema` per remote schema),
 * so it is measured once, on its own, as `pulumi preview`.
 */
import type { RunningHasuraServer } from "../server";
import { measure } from "./measure";
import type { BenchProject } from "./project";
import { operations, type EngineRun, type Operation, type OperationFigures } from "./results";
import { stateFigures } from "./stateSize";
import type { WriteProbe } from "./writeProbe";

/** The CLI arguments of each operation, without `--stack`. */
export function operationArgs(parallel: number): Record<Operation, string[]> {
  const engine = ["--parallel", String(parallel)];
  return {
    preview: ["preview", ...engine],
    up: ["up", "--yes", "--skip-preview", ...engine],
    noChangeUp: ["up", "--yes", "--skip-preview", "--expect-no-changes", ...engine],
    refresh: ["refresh", "--yes", "--skip-preview", "--expect-no-changes", ...engine],
    destroy: ["destroy", "--yes", "--skip-preview", ...engine],
  };
}

/** Checks between the operations; a throw stops the bench, since the figures would mean nothing. */
export interface RunHooks {
  /** After the up, before the state is exported. */
  afterUp?(): Promise<void>;
  /** After the destroy. */
  afterDestroy?(): Promise<void>;
}

/** What one stack's run needs. */
export interface EngineRunSpec {
  readonly bench: BenchProject;
  readonly server: RunningHasuraServer;
  readonly stack: string;
  /** The resources to size in the state: the type's suffix, such as `hasura:RemoteRelationship`. */
  readonly resourceType: string;
  readonly parallel: number;
  readonly hooks?: RunHooks;
  /** The pass-through the stack's provider reaches the server by, if any: its write log goes with each operation's figures. */
  readonly probe?: WriteProbe;
  readonly progress: (operation: Operation, figures: OperationFigures) => void;
}

/** Runs the operations in order and sizes the state after the up. */
export async function runEngine(spec: EngineRunSpec): Promise<EngineRun> {
  const args = operationArgs(spec.parallel);
  const figures: Partial<Record<Operation, OperationFigures>> = {};
  let state: EngineRun["state"] | undefined;
  for (const operation of operations) {
    spec.probe?.reset();
    const measured = await measure(spec.server, () => spec.bench.project.pulumi([...args[operation], "--stack", spec.stack]));
    const withLog = spec.probe === undefined ? measured : { ...measured, writeLog: spec.probe.writes() };
    figures[operation] = withLog;
    spec.progress(operation, withLog);
    if (operation === "up") {
      await spec.hooks?.afterUp?.();
      state = stateFigures(await spec.bench.project.exportText(spec.stack), spec.resourceType);
    }
    if (operation === "destroy") await spec.hooks?.afterDestroy?.();
  }
  if (state === undefined) throw new Error("The state was not sized: the operations list has no up.");
  return { operations: figures as Record<Operation, OperationFigures>, state };
}
