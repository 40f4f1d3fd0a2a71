/**
 * The drift report, for people (a short table grouped by status, with counts and the command that
 * repairs each group) and for machines (`{"relationships": [...]}`), and the exit code. Pure.
 */
import { quote, quotedList, shownPath } from "../../provider/inputs/messageText";
import type { Drift, DriftRecord, DriftStatus, ManagedDifference } from "./compare";
import { driftStatuses } from "./compare";
import { pathText } from "./differences";

/** Exit codes: 0 when every relationship is in sync, 7 on any drift (as `pulumi preview --expect-no-changes` fails on drift). */
export const exitCodes = { inSync: 0, drift: 7 } as const;

/** What the report is about. */
export interface DriftReport {
  readonly endpoint: string;
  /** How Hasura was read, such as `Hasura v2.48.3, /v1/metadata`. */
  readonly server: string;
  /** The stacks compared, by name. */
  readonly stacks: readonly string[];
  readonly drift: Drift;
  /** The command line that prints the declarations of the unmanaged ones. */
  readonly adoptCommand: string;
}

/** The exit code for `drift`. */
export function exitCodeOf(drift: Drift): number {
  return drift.records.every((record) => record.status === "in-sync") ? exitCodes.inSync : exitCodes.drift;
}

const headings: Record<DriftStatus, string> = {
  "in-sync": "in sync",
  changed: "changed",
  deleted: "deleted",
  inconsistent: "inconsistent",
  unmanaged: "unmanaged",
};

const meanings: Record<Exclude<DriftStatus, "in-sync">, string> = {
  changed: "Hasura holds another definition than the stack's (the stack's => Hasura's)",
  deleted: "a stack manages it, Hasura no longer holds it",
  inconsistent: "Hasura holds it but cannot build it",
  unmanaged: "Hasura holds it, no given stack manages it",
};

/** How many of a group the table lists; `--json` lists every one. */
const listedPerStatus = 50;
/** How many differences the table shows of one relationship. */
const listedDifferences = 5;

/** The report as a short table: counts by status, each drifted relationship with what differs, then how to repair each group. */
export function renderTable(report: DriftReport): string {
  const { records } = report.drift;
  const stacks = report.stacks.length === 1 ? `stack ${report.stacks[0]}` : `stacks ${joinWords(report.stacks)}`;
  const lines = [`Drift of the Hasura at ${report.endpoint} (${report.server}) against ${stacks}: ${plural(records.length, "remote relationship")}.`, ""];
  const width = Math.max(...driftStatuses.map((status) => headings[status].length));
  for (const status of driftStatuses) lines.push(`  ${headings[status].padEnd(width)}  ${records.filter((record) => record.status === status).length}`);
  const listed = records.filter((record) => record.status !== "in-sync");
  const nounWidth = Math.max(0, ...listed.map((record) => record.noun.length));
  const idWidth = Math.max(0, ...listed.map((record) => record.id.length));
  for (const status of driftStatuses) {
    if (status === "in-sync") continue;
    const group = records.filter((record) => record.status === status);
    if (group.length === 0) continue;
    lines.push("", `${headings[status]} (${group.length}): ${meanings[status]}`);
    for (const record of group.slice(0, listedPerStatus)) {
      const managers = record.managedBy.length === 0 ? "" : `  ${managerText(record)}`;
      lines.push(`  ${record.noun.padEnd(nounWidth)}  ${record.id.padEnd(idWidth)}${managers}`.trimEnd());
      lines.push(...detailLines(record).map((line) => `      ${line}`));
    }
    if (group.length > listedPerStatus) lines.push(`  and ${group.length - listedPerStatus} more (--json lists every one)`);
  }
  for (const uncounted of report.drift.uncounted) {
    const resources = resourceList(uncounted.resources);
    lines.push(
      "",
      uncounted.endpoint === undefined
        ? `Not counted: stack ${uncounted.stack}'s ${resources}, whose outputs are not those of a remote relationship this package reads. Run \`pulumi refresh --stack ${uncounted.stack}\`.`
        : `Not counted: stack ${uncounted.stack}'s ${resources} at ${uncounted.endpoint}. Run drift with --endpoint ${uncounted.endpoint} for those.`,
    );
  }
  const repairs = repairLines(report);
  if (repairs.length > 0) lines.push("", "To repair:", ...repairs.map((line) => `  ${line}`));
  else lines.push("", "Everything is in sync.");
  return `${lines.join("\n")}\n`;
}

/** The report as JSON: the endpoint, the stacks, counts by status, and one record per relationship. */
export function renderJson(report: DriftReport): string {
  const summary = Object.fromEntries(driftStatuses.map((status) => [status, report.drift.records.filter((record) => record.status === status).length]));
  const relationships = report.drift.records.map((record) => ({
    id: record.id,
    kind: record.resourceType,
    status: record.status,
    managedBy: record.managedBy,
    ...(record.differences.length === 0 ? {} : { differences: record.differences.map((difference) => ({ ...difference, path: pathText(difference.path) })) }),
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    ...(repairOf(record, report.adoptCommand) === undefined ? {} : { repair: repairOf(record, report.adoptCommand) }),
  }));
  return `${JSON.stringify({ endpoint: report.endpoint, stacks: report.stacks, summary, relationships, uncounted: report.drift.uncounted }, null, 2)}\n`;
}

/** What to do about one relationship; undefined when it is in sync. */
export function repairOf(record: DriftRecord, adoptCommand: string): string | undefined {
  const stacks = [...new Set(record.managedBy.map((manager) => manager.stack))];
  // Without --refresh an up compares the program with the state, which knows nothing of the drift.
  const ups = joinWords(stacks.map((stack) => `\`pulumi up --refresh --stack ${stack}\``));
  switch (record.status) {
    case "in-sync":
      return undefined;
    case "changed":
    case "deleted":
      return `Run ${ups} to write what the program declares (or \`pulumi refresh\`, then change the program to keep what Hasura holds).`;
    case "inconsistent":
      return stacks.length > 0
        ? `Fix the program so that Hasura can build it (\`pulumi preview --stack ${stacks[0]}\` shows Hasura's reason at the property), then run ${ups}.`
        : "Delete it in Hasura (the console's inconsistent metadata page lists it), or fix what it joins to.";
    case "unmanaged":
      return record.reason !== undefined
        ? "Fix or delete it in Hasura: this package cannot read it, so no program can declare it."
        : `Adopt it: \`${adoptCommand}\` writes its declaration; import that file from the program, then run \`pulumi up\` (it writes nothing to Hasura). Or delete it in Hasura.`;
  }
}

/** The repairs, one line per status that has any, naming the stacks concerned. */
function repairLines(report: DriftReport): string[] {
  const lines: string[] = [];
  const drifted = (statuses: readonly DriftStatus[]) => report.drift.records.filter((record) => statuses.includes(record.status));
  const stacksOf = (records: readonly DriftRecord[]) => [...new Set(records.flatMap((record) => record.managedBy.map((manager) => manager.stack)))];
  const managedDrift = stacksOf(drifted(["changed", "deleted"]));
  if (managedDrift.length > 0) {
    const ups = joinWords(managedDrift.map((stack) => `\`pulumi up --refresh --stack ${stack}\``));
    lines.push(
      `changed, deleted: run ${ups} to write what the ${managedDrift.length === 1 ? "program declares" : "programs declare"} (or \`pulumi refresh\`, then change the program to keep what Hasura holds).`,
    );
  }
  const inconsistent = drifted(["inconsistent"]);
  const inconsistentStacks = stacksOf(inconsistent);
  if (inconsistentStacks.length > 0) {
    const previews = joinWords(inconsistentStacks.map((stack) => `\`pulumi preview --stack ${stack}\``));
    lines.push(
      `inconsistent, managed: fix the program so that Hasura can build it (${previews} ${inconsistentStacks.length === 1 ? "shows" : "show"} Hasura's reason at the property), then \`pulumi up\`.`,
    );
  }
  if (inconsistent.some((record) => record.managedBy.length === 0)) {
    lines.push("inconsistent, unmanaged: delete it in Hasura (the console's inconsistent metadata page lists it), or fix what it joins to.");
  }
  const unmanaged = drifted(["unmanaged"]);
  if (unmanaged.some((record) => record.reason === undefined)) {
    lines.push(
      `unmanaged: adopt them with \`${report.adoptCommand}\`, import that file from the program, then run \`pulumi up\` (it writes nothing to Hasura); or delete them in Hasura.`,
    );
  }
  if (unmanaged.some((record) => record.reason !== undefined))
    lines.push("unmanaged, unreadable: fix or delete them in Hasura: this package cannot read them.");
  return lines;
}

/** Under a drifted relationship: Hasura's reason, or what differs (capped). */
function detailLines(record: DriftRecord): string[] {
  const lines = record.reason === undefined ? [] : [record.reason];
  const shown = record.differences.slice(0, listedDifferences).map(differenceText);
  const more = record.differences.length - shown.length;
  return [...lines, ...shown, ...(more > 0 ? [`and ${plural(more, "more difference")}`] : [])];
}

function differenceText(difference: ManagedDifference): string {
  const side = (value: unknown) => (value === undefined ? "(none)" : quote(value));
  const stack = difference.stack === undefined ? "" : `stack ${difference.stack}: `;
  // A path as deep as a remote field tree can be is shown by its start and its end.
  return `${stack}${shownPath(difference.path)}: ${side(difference.state)} => ${side(difference.hasura)}`;
}

function managerText(record: DriftRecord): string {
  const stacks = [...new Set(record.managedBy.map((manager) => manager.stack))];
  const text = `${stacks.length === 1 ? "stack" : "stacks"} ${joinWords(stacks)}`;
  return record.managedBy.length > 1 ? `${text} (declared by ${record.managedBy.length} resources)` : text;
}

/** Resource names for a sentence, capped: `resources "a", "b", "c" and 2 more`. */
function resourceList(names: readonly string[]): string {
  return `${names.length === 1 ? "resource" : "resources"} ${quotedList(names, 3)}`;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
