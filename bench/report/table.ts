/** The printed report's tables: what users feel (rebuilds, seconds), every operation in full, the direct calls. */
import { parallelLabel } from "../parallelism";
import { writingOperations, operations, type CaseResult, type EngineRun, type Operation, type OperationFigures } from "../results";
import { batchText } from "./batches";
import { plural } from "./profiles";

const operationNames: Record<Operation, string> = {
  preview: "preview",
  up: "up (create all)",
  noChangeUp: "up (no changes)",
  refresh: "refresh",
  oneChangeUp: "up (one change)",
  mixedUp: "up (mixed)",
  destroy: "destroy",
};

/** Short names of the request types in the table. */
const requestNames: Readonly<Record<string, string>> = {
  "/v1/metadata export_metadata": "export",
  "/v1/metadata replace_metadata": "replace",
  "/v1/metadata pg_create_remote_relationship": "create",
  "/v1/metadata pg_update_remote_relationship": "update",
  "/v1/metadata pg_delete_remote_relationship": "delete",
  "/v1/metadata introspect_remote_schema": "introspect",
  "/v1/metadata get_inconsistent_metadata": "inconsistent",
  "/v1/metadata bulk": "bulk",
  "/v1/metadata bulk_atomic": "bulk_atomic",
  "GET /v1/version": "version",
};

/** The legend of the requests column. */
export const requestLegend =
  "Requests: export = export_metadata, replace = replace_metadata, create/update/delete = pg_*_remote_relationship, introspect = introspect_remote_schema, inconsistent = get_inconsistent_metadata, version = GET /v1/version.";

/** The columns every per-case table starts with. */
function caseColumns(result: CaseResult): string {
  return `${result.n} | ${result.profile.name} | ${parallelLabel(result.parallel)}`;
}

/** Rebuilds and writes per writing operation, the relationships' beside the oracle's, and Hasura's modelled time for them. */
export function rebuildsTable(cases: readonly CaseResult[]): string {
  const names = writingOperations.map((operation) => operationNames[operation]);
  const lines = [
    `| N | Hasura | parallelism | ${names.map((name) => `${name}: ours | oracle`).join(" | ")} |`,
    `|---:|---|---|${names.map(() => "---|---|").join("")}`,
  ];
  for (const result of cases) {
    const cells = writingOperations.flatMap((operation) => [
      oursRebuilds(result.ours.operations[operation]),
      oracleRebuilds(result.oracle.operations[operation]),
    ]);
    lines.push(`| ${caseColumns(result)} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** "13 rebuilds in 13 writes (replace; 7.7 changes each), Hasura 39.0 s". */
function oursRebuilds(figures: OperationFigures | undefined): string {
  if (figures === undefined) return "";
  const sizes = figures.writeLog?.map((write) => write.changes) ?? [];
  const each = sizes.length === 0 ? "" : `; ${(sizes.reduce((sum, size) => sum + size, 0) / sizes.length).toFixed(1)} changes each`;
  return `${plural(figures.rebuilds, "rebuild")} in ${plural(figures.writes, "write")} (${kinds(figures)}${each})${hasuraTime(figures)}`;
}

/** "13 rebuilds in 13 batches (replace), Hasura 39.0 s". */
function oracleRebuilds(figures: OperationFigures | undefined): string {
  if (figures === undefined) return "";
  return `${plural(figures.rebuilds, "rebuild")} in ${plural(figures.writes, "batch")} (${kinds(figures)})${hasuraTime(figures)}`;
}

/** The kinds of write made: "replace", "update", "create, replace". */
function kinds(figures: OperationFigures): string {
  const found = new Set(figures.writeLog?.map((write) => write.type.replace(/^pg_(\w+)_remote_relationship$/, "$1").replace("_metadata", "")));
  return found.size === 0 ? "none" : [...found].join(", ");
}

function hasuraTime(figures: OperationFigures): string {
  return figures.costMs === 0 ? "" : `, Hasura ${(figures.costMs / 1000).toFixed(1)} s`;
}

/** Seconds of each writing operation, against the floor and against the oracle of the same run. */
export function secondsTable(cases: readonly CaseResult[]): string {
  const names = writingOperations.map((operation) => operationNames[operation]);
  const lines = [`| N | Hasura | parallelism | ${names.join(" | ")} |`, `|---:|---|---|${names.map(() => "---|").join("")}`];
  for (const result of cases) {
    const cells = writingOperations.map((operation) => {
      const ours = result.ours.operations[operation]?.seconds ?? Number.NaN;
      const oracle = result.oracle.operations[operation]?.seconds ?? Number.NaN;
      const x = result.oracleRatio[operation];
      return `${ours.toFixed(2)} s: ${result.ratio[operation].toFixed(2)}x floor, ${x.ours.toFixed(2)}x oracle (oracle ${oracle.toFixed(2)} s, ${x.oracleToFloor.toFixed(2)}x floor)`;
    });
    lines.push(`| ${caseColumns(result)} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Every case and operation in full: one row per operation; the state on the up row. */
export function fullTable(cases: readonly CaseResult[]): string {
  const header =
    "| N | Hasura | parallelism | operation | seconds | floor s (no-op engine + Hasura direct) | x floor | oracle s | Hasura requests | writes (changes per write) | rebuilds | Hasura time s | state B/resource: ours (own entry, compact, __provider); no-op |";
  const lines = [header, "|---:|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|"];
  for (const result of cases) {
    for (const operation of operations) {
      const ours = result.ours.operations[operation];
      if (ours === undefined) continue;
      const noop = result.noop.operations[operation]?.seconds ?? Number.NaN;
      const hasura = result.floor[operation] - noop;
      const floor = hasura > 0 ? `${noop.toFixed(2)} + ${hasura.toFixed(2)}` : noop.toFixed(2);
      const oracle = result.oracle.operations[operation]?.seconds.toFixed(2) ?? "";
      const state = operation === "up" ? stateText(result.ours, result.noop) : "";
      lines.push(
        `| ${caseColumns(result)} | ${operationNames[operation]} | ${ours.seconds.toFixed(2)} | ${floor} | ${result.ratio[operation].toFixed(2)} | ${oracle} | ${requestsText(ours)} | ${writesText(ours)} | ${ours.rebuilds} | ${(ours.costMs / 1000).toFixed(1)} | ${state} |`,
      );
    }
  }
  return lines.join("\n");
}

/** What Hasura itself needed for each operation, sent straight to it, per case, and the machine's load. */
export function directTable(cases: readonly CaseResult[]): string {
  const direct: readonly Operation[] = ["up", "refresh", "oneChangeUp", "mixedUp", "destroy"];
  const lines = [
    `| N | Hasura | parallelism | ${direct.map((operation) => `${operationNames[operation]}: s (rebuilds)`).join(" | ")} | 1-min load average, start / end |`,
    `|---:|---|---|${direct.map(() => "---:|").join("")}---|`,
  ];
  for (const result of cases) {
    const cells = direct.map((operation) => {
      const figures = result.direct[operation];
      return figures === undefined ? "" : `${figures.seconds.toFixed(3)} (${figures.rebuilds})`;
    });
    lines.push(`| ${caseColumns(result)} | ${cells.join(" | ")} | ${result.loadAverage[0].toFixed(2)} / ${result.loadAverage[1].toFixed(2)} |`);
  }
  return lines.join("\n");
}

function stateText(ours: EngineRun, noop: EngineRun): string {
  if (ours.state === undefined || noop.state === undefined) return "";
  const bytes = (value: number) => String(Math.round(value));
  const { bytesPerResource, entryBytesPerResource, compactEntryBytesPerResource, providerBytesPerResource } = ours.state;
  return `${bytes(bytesPerResource)} (${bytes(entryBytesPerResource)}, ${bytes(compactEntryBytesPerResource)}, ${bytes(providerBytesPerResource)}); ${bytes(noop.state.bytesPerResource)}`;
}

function writesText(figures: OperationFigures): string {
  const batches = batchText(figures.writeLog);
  return batches === undefined ? String(figures.writes) : `${figures.writes} (${batches})`;
}

function requestsText(figures: OperationFigures): string {
  const parts = Object.entries(figures.requests)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${requestNames[key] ?? key} ${count}`);
  return parts.length === 0 ? "0" : `${figures.totalRequests}: ${parts.join(", ")}`;
}
