/** The printed report: one Markdown table of every case and operation, then the targets. */
import { batchText } from "./batches";
import { operations, type CaseResult, type Operation, type OperationFigures, type TargetCheck } from "../results";

const operationNames: Record<Operation, string> = {
  preview: "preview",
  up: "up (create all)",
  noChangeUp: "up (no changes)",
  refresh: "refresh",
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
  "GET /v1/version": "version",
};

/** The legend of the requests column. */
export const requestLegend =
  "Requests: export = export_metadata, replace = replace_metadata, create/update/delete = pg_*_remote_relationship, introspect = introspect_remote_schema, inconsistent = get_inconsistent_metadata, version = GET /v1/version.";

/** The table of every case: one row per operation; the state columns on the up row. */
export function resultsTable(cases: readonly CaseResult[]): string {
  const header =
    "| N | rebuild ms | operation | seconds | floor s (no-op engine + Hasura direct) | x floor | Hasura requests | writes (relationships per write) | rebuilds | state B/resource: ours (own entry, compact, __provider); no-op |";
  const lines = [header, "|---:|---:|---|---:|---:|---:|---|---:|---:|---|"];
  for (const result of cases) {
    for (const operation of operations) {
      const ours = result.ours.operations[operation];
      const noop = result.noop.operations[operation].seconds;
      const hasura = result.floor[operation] - noop;
      const floor = hasura > 0 ? `${noop.toFixed(2)} + ${hasura.toFixed(2)}` : noop.toFixed(2);
      const state = operation === "up" ? stateText(result) : "";
      lines.push(
        `| ${result.n} | ${result.rebuildMs} | ${operationNames[operation]} | ${ours.seconds.toFixed(2)} | ${floor} | ${result.ratio[operation].toFixed(2)} | ${requestsText(ours)} | ${writesText(ours)} | ${ours.rebuilds} | ${state} |`,
      );
    }
  }
  return lines.join("\n");
}

/** The whole-document calls, per case: what Hasura itself needs. */
export function directTable(cases: readonly CaseResult[]): string {
  const lines = [
    "| N | rebuild ms | replace_metadata to the end state: s (rebuilds) | export_metadata: s | replace_metadata back: s (rebuilds) | document bytes | 1-min load average, start / end |",
    "|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const { n, rebuildMs, direct, loadAverage } of cases) {
    lines.push(
      `| ${n} | ${rebuildMs} | ${direct.replaceToEnd.seconds.toFixed(3)} (${direct.replaceToEnd.rebuilds}) | ${direct.exportMetadata.seconds.toFixed(3)} | ${direct.replaceToStart.seconds.toFixed(3)} (${direct.replaceToStart.rebuilds}) | ${direct.documentBytes} | ${loadAverage[0].toFixed(2)} / ${loadAverage[1].toFixed(2)} |`,
    );
  }
  return lines.join("\n");
}

/** The targets, met or missed. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  const lines = ["| target | N | rebuild ms | measured | limit | met |", "|---|---:|---:|---:|---|---|"];
  for (const check of checks)
    lines.push(`| ${check.target} | ${check.n} | ${check.rebuildMs} | ${check.measured} | ${check.limit} | ${check.met ? "yes" : "**no**"} |`);
  return lines.join("\n");
}

function stateText({ ours, noop }: CaseResult): string {
  const bytes = (value: number) => String(Math.round(value));
  return `${bytes(ours.state.bytesPerResource)} (${bytes(ours.state.entryBytesPerResource)}, ${bytes(ours.state.compactEntryBytesPerResource)}, ${bytes(ours.state.providerBytesPerResource)}); ${bytes(noop.state.bytesPerResource)}`;
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
