/**
 * What calls to one endpoint cost, learned from the latencies this process sees, and the cheaper way
 * to write a batch. Hasura rebuilds its schema cache after every metadata write, and reads a
 * source's catalog again (seconds to minutes on a large or partitioned database) whenever that
 * source's metadata changed: a table relationship's own command re-reads its one source's catalog, a
 * remote schema relationship's none, and `replace_metadata` every source's. So two changes may cost
 * more as one whole-document write than as two commands, or less, depending on the Hasura; what each
 * call costs is therefore learned from what it took here, never assumed.
 */

/** The calls whose cost decides a plan. */
export type CallKind =
  /** A relationship's own command (`pg_create_remote_relationship`, ...). */
  | "single"
  /** A `replace_metadata` of the whole document. */
  | "whole"
  /** An `export_metadata`: each change written alone after another plans on a fresh one. */
  | "read";

/**
 * Which commands cost alike: a relationship's own command costs a rebuild plus the catalog it makes
 * Hasura read again, so a change names what that is (`source:default` for a table relationship on
 * the source `default`, `remote-schema` for one on a remote schema's type, which re-reads none).
 */
export type CommandClass = string;

/** The latencies seen so far, per kind of call, and for commands per class. */
export interface CallCosts {
  /** Takes the latency of one call that succeeded; a command's with its class. */
  observe(kind: CallKind, ms: number, commandClass?: CommandClass): void;
  /**
   * What the next call of the kind is expected to take; undefined until one was seen. A command of a
   * class never seen is expected to cost what the commands seen so far took.
   */
  estimate(kind: CallKind, commandClass?: CommandClass): number | undefined;
}

/** How much a new latency moves an estimate: recent calls weigh most, one odd call does not swing it. */
const weightOfLatest = 0.5;

/** New, with nothing seen. */
export function callCosts(): CallCosts {
  const estimates = new Map<string, number>();
  const take = (key: string, ms: number) => {
    const before = estimates.get(key);
    estimates.set(key, before === undefined ? ms : before + weightOfLatest * (ms - before));
  };
  const classKey = (commandClass: CommandClass) => `single ${commandClass}`;
  return {
    observe(kind, ms, commandClass) {
      take(kind, ms);
      if (kind === "single" && commandClass !== undefined) take(classKey(commandClass), ms);
    },
    estimate: (kind, commandClass) =>
      (kind === "single" && commandClass !== undefined ? estimates.get(classKey(commandClass)) : undefined) ?? estimates.get(kind),
  };
}

/**
 * The least a batch's own commands must save against one whole-document write before they are
 * chosen: a tenth of that write, and at least this much. A whole-document write is one rebuild for
 * Hasura and for each of its replicas, so a saving too small to feel is not worth many rebuilds;
 * and latencies wobble, so a batch should not flip between the two on noise.
 */
const minSavingMs = 100;

/**
 * Whether changes that could go together (their commands' classes given) are written as one
 * whole-document write rather than each as its own command after a fresh read: unless the commands
 * save at least a tenth of it (and `minSavingMs`). What was never seen is taken to cost what the other
 * write costs, so that both get measured; with nothing seen at all, together (one schema rebuild
 * rather than many, the safe guess on a Hasura whose rebuilds are slow).
 */
export function cheaperTogether(commands: readonly CommandClass[], costs: CallCosts): boolean {
  if (commands.length < 2) return false;
  const whole = costs.estimate("whole");
  if (whole === undefined || costs.estimate("single") === undefined) return true;
  const reads = (commands.length - 1) * (costs.estimate("read") ?? 0);
  const alone = commands.reduce((sum, commandClass) => sum + (costs.estimate("single", commandClass) ?? 0), reads);
  return whole - alone < Math.max(minSavingMs, whole / 10);
}

/** What the next write of a batch is expected to cost: the dearer of the two where both are known, since a batch may be either. */
export function expectedWriteMs(costs: CallCosts): number | undefined {
  const known = [costs.estimate("single"), costs.estimate("whole")].filter((ms) => ms !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}
