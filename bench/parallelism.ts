/**
 * The engine's parallelism, the lever that decides how many schema rebuilds an `up` costs: the CLI's
 * default (no flag: 4 x the CPUs the process may use, unless PULUMI_PARALLEL says otherwise, which the
 * bench unsets), unbounded (`--parallel 2147483647`, what PULUMI_PARALLEL=2147483647 gives), or a number.
 */
import type { ParallelMode } from "./results";

/** The largest `--parallel` the CLI takes (an int32): no bound at all in practice. */
export const unboundedParallel = 2_147_483_647;

/**
 * The modes named in `text` ("default,unbounded", or numbers among them), given the CLI's default
 * here; throws naming `option` on anything else.
 */
export function parallelModes(option: string, text: string, cliDefault: number): ParallelMode[] {
  return text.split(",").map((part) => {
    const name = part.trim();
    if (name === "default") return { name, flag: undefined, value: cliDefault };
    if (name === "unbounded") return { name, flag: unboundedParallel, value: unboundedParallel };
    const value = Number(name);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${option} is "${text}", but each of its entries must be default, unbounded or a whole number of at least 1.`);
    return { name, flag: value, value };
  });
}

/** The CLI arguments that set the mode's parallelism: none for the default. */
export function parallelArgs(mode: ParallelMode): string[] {
  return mode.flag === undefined ? [] : ["--parallel", String(mode.flag)];
}

/** How the report names a mode: `default (8)`, `unbounded`, `--parallel 32`. */
export function parallelLabel(mode: ParallelMode): string {
  if (mode.flag === undefined) return `default (${mode.value})`;
  return mode.value === unboundedParallel ? "unbounded" : `--parallel ${mode.value}`;
}

/** The default `--parallel` as the CLI's own help states it (`pulumi up --help`: "(default 8)"); throws when it says none. */
export function cliDefaultParallel(upHelp: string): number {
  const match = /--parallel int32\b[^\n]*\(default (\d+)\)/.exec(upHelp);
  if (match === null) throw new Error("`pulumi up --help` names no default for --parallel; the bench cannot tell the CLI's default parallelism.");
  return Number(match[1]);
}
