/** The results as a chart: seconds against N, one panel per rebuild cost, the relationships solid and the floor dashed. */
import { drawChart, type Panel, type Series } from "../plot/chart";
import type { Rgb } from "../plot/raster";
import type { CaseResult, Operation } from "../results";

const plotted: readonly { readonly operation: Operation; readonly label: string; readonly color: Rgb }[] = [
  { operation: "up", label: "UP (CREATE ALL)", color: [31, 119, 180] },
  { operation: "noChangeUp", label: "UP (NO CHANGES)", color: [255, 127, 14] },
  { operation: "refresh", label: "REFRESH", color: [44, 160, 44] },
  { operation: "destroy", label: "DESTROY", color: [214, 39, 40] },
];

/** The PNG of the cases' times. */
export function resultsChart(cases: readonly CaseResult[], parallel: number): Buffer {
  const rebuildCosts = [...new Set(cases.map((result) => result.rebuildMs))].sort((a, b) => a - b);
  const panels: Panel[] = rebuildCosts.map((rebuildMs) => {
    const inPanel = cases.filter((result) => result.rebuildMs === rebuildMs);
    const series: Series[] = plotted.flatMap(({ operation, label, color }) => [
      { label, color, dashed: false, points: inPanel.map((result) => [result.n, result.ours.operations[operation].seconds] as const) },
      { label: `${label} FLOOR`, color, dashed: true, points: inPanel.map((result) => [result.n, result.floor[operation]] as const) },
    ]);
    return { title: rebuildMs === 0 ? "FREE SCHEMA REBUILDS" : `${rebuildMs} MS PER SCHEMA REBUILD`, series };
  });
  return drawChart({
    title: `SECONDS AGAINST N, PULUMI --PARALLEL ${parallel}`,
    xLabel: "N",
    yLabel: "SECONDS",
    panels,
    legend: [
      ...plotted.map(({ label, color }) => ({ label, color, dashed: false })),
      { label: "SOLID: RELATIONSHIPS", color: [0, 0, 0], dashed: false },
      { label: "DASHED: NO-OP + HASURA DIRECT", color: [0, 0, 0], dashed: true },
    ],
  });
}
