/**
 * The results as an SVG chart, written as plain text: seconds of `up` (create all) against N, one panel
 * per Hasura cost; per parallelism a colour, and per kind a line style: the relationships solid, the
 * oracle dashed, the floor (no-op engine + one replace_metadata) dotted.
 */
import { parallelLabel } from "../parallelism";
import type { CaseResult } from "../results";

const panel = { width: 480, height: 340, left: 56, right: 20, top: 44, bottom: 44 };
const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];
const kinds = [
  { label: "relationships", dash: "", seconds: (result: CaseResult) => result.ours.operations.up?.seconds },
  { label: "oracle", dash: "8 5", seconds: (result: CaseResult) => result.oracle.operations.up?.seconds },
  { label: "floor", dash: "2 4", seconds: (result: CaseResult) => result.floor.up },
];

/** The SVG document of the cases' `up` times. */
export function resultsChart(cases: readonly CaseResult[]): string {
  const profiles = [...new Set(cases.map((result) => result.profile.name))];
  const modes = [...new Set(cases.map((result) => parallelLabel(result.parallel)))];
  const width = Math.max(1, profiles.length) * panel.width;
  const legendY = panel.height + 10;
  const body = profiles.map((profile, index) =>
    panelSvg(
      cases.filter((result) => result.profile.name === profile),
      profile,
      index * panel.width,
      modes,
    ),
  );
  const legend = [
    ...modes.map((mode, index) => legendEntry(20 + index * 170, legendY, colors[index % colors.length], "", mode)),
    ...kinds.map((kind, index) => legendEntry(20 + index * 170, legendY + 22, "#333", kind.dash, kind.label)),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${legendY + 44}" viewBox="0 0 ${width} ${legendY + 44}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="20" font-size="15" font-weight="bold">Seconds of pulumi up (create all) against N</text>`,
    ...body,
    ...legend,
    "</svg>",
    "",
  ].join("\n");
}

function panelSvg(cases: readonly CaseResult[], title: string, left: number, modes: readonly string[]): string {
  const plot = { x: left + panel.left, y: panel.top, width: panel.width - panel.left - panel.right, height: panel.height - panel.top - panel.bottom };
  const lines = modes.flatMap((mode, index) =>
    kinds.map((kind) => {
      const points = cases
        .filter((result) => parallelLabel(result.parallel) === mode)
        .flatMap((result) => {
          const seconds = kind.seconds(result);
          return seconds === undefined ? [] : [[result.n, seconds] as const];
        })
        .sort((a, b) => a[0] - b[0]);
      return { color: colors[index % colors.length], dash: kind.dash, points };
    }),
  );
  const all = lines.flatMap((line) => line.points);
  const xTicks = ticks(Math.max(1, ...all.map(([n]) => n)));
  const yTicks = ticks(Math.max(0.1, ...all.map(([, seconds]) => seconds)));
  const toX = (n: number) => plot.x + (n / xTicks[xTicks.length - 1]) * plot.width;
  const toY = (seconds: number) => plot.y + plot.height - (seconds / yTicks[yTicks.length - 1]) * plot.height;
  const grid = [
    ...yTicks.map((tick) => `<line x1="${plot.x}" y1="${toY(tick)}" x2="${plot.x + plot.width}" y2="${toY(tick)}" stroke="#e4e4e4"/>`),
    ...yTicks.map((tick) => `<text x="${plot.x - 6}" y="${toY(tick) + 4}" text-anchor="end" fill="#555">${tick}</text>`),
    ...xTicks.map((tick) => `<text x="${toX(tick)}" y="${plot.y + plot.height + 16}" text-anchor="middle" fill="#555">${tick}</text>`),
  ];
  const series = lines
    .filter((line) => line.points.length > 0)
    .flatMap((line) => [
      `<polyline fill="none" stroke="${line.color}" stroke-width="2" stroke-dasharray="${line.dash}" points="${line.points.map(([n, s]) => `${toX(n).toFixed(1)},${toY(s).toFixed(1)}`).join(" ")}"/>`,
      ...line.points.map(([n, s]) => `<circle cx="${toX(n).toFixed(1)}" cy="${toY(s).toFixed(1)}" r="3" fill="${line.color}"/>`),
    ]);
  return [
    `<text x="${plot.x}" y="${plot.y - 10}" font-weight="bold">${escape(title)}</text>`,
    ...grid,
    `<polyline fill="none" stroke="black" points="${plot.x},${plot.y} ${plot.x},${plot.y + plot.height} ${plot.x + plot.width},${plot.y + plot.height}"/>`,
    `<text x="${plot.x + plot.width}" y="${plot.y + plot.height + 32}" text-anchor="end">N</text>`,
    `<text x="${plot.x + 6}" y="${plot.y + 12}">seconds</text>`,
    ...series,
  ].join("\n");
}

function legendEntry(x: number, y: number, color: string, dash: string, label: string): string {
  return `<line x1="${x}" y1="${y}" x2="${x + 36}" y2="${y}" stroke="${color}" stroke-width="2" stroke-dasharray="${dash}"/><text x="${x + 44}" y="${y + 4}">${escape(label)}</text>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Round tick values from 0 past `max`: steps of 1, 2 or 5 times a power of ten, about five of them. */
export function ticks(max: number): number[] {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const values: number[] = [];
  for (let value = 0; value < max + step; value += step) values.push(Number(value.toPrecision(12)));
  return values;
}
