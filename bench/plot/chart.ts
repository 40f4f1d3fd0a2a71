/**
 * Line charts side by side, drawn on a Raster: one panel per group of series, each with its own
 * axes, ticks and title, a shared legend below, a title above.
 */
import { encodePng } from "./png";
import { Raster, type Rgb } from "./raster";

/** One line: its points in data units, its colour, dashed or solid. */
export interface Series {
  readonly label: string;
  readonly color: Rgb;
  readonly dashed: boolean;
  readonly points: readonly (readonly [number, number])[];
}

/** One panel of the chart. */
export interface Panel {
  readonly title: string;
  readonly series: readonly Series[];
}

/** What to draw. */
export interface ChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly panels: readonly Panel[];
  /** Legend entries below the panels: a sample line and its text. */
  readonly legend: readonly { readonly label: string; readonly color: Rgb; readonly dashed: boolean }[];
}

const black: Rgb = [0, 0, 0];
const grey: Rgb = [225, 225, 225];
const dark: Rgb = [90, 90, 90];
const dash: [number, number] = [8, 6];
const panelWidth = 640;
const panelHeight = 440;
const margin = { left: 70, right: 24, top: 70, bottom: 56 };

/** Draws the chart and encodes it as a PNG. */
export function drawChart(spec: ChartSpec): Buffer {
  const legendRows = Math.ceil(spec.legend.length / 3);
  const width = spec.panels.length * panelWidth;
  const height = panelHeight + 30 + legendRows * 22;
  const raster = new Raster(width, height);
  raster.text(12, 12, spec.title, { color: black, scale: 2 });
  spec.panels.forEach((panel, index) => drawPanel(raster, panel, index * panelWidth, spec));
  spec.legend.forEach((entry, index) => {
    const x = 20 + (index % 3) * Math.floor(width / 3);
    const y = panelHeight + 20 + Math.floor(index / 3) * 22;
    raster.line(x, y + 7, x + 40, y + 7, entry.color, 3, entry.dashed ? dash : undefined);
    raster.text(x + 50, y, entry.label, { color: black, scale: 2 });
  });
  return encodePng(width, height, raster.pixels);
}

function drawPanel(raster: Raster, panel: Panel, left: number, spec: ChartSpec): void {
  const plot = { x: left + margin.left, y: margin.top, width: panelWidth - margin.left - margin.right, height: panelHeight - margin.top - margin.bottom };
  const points = panel.series.flatMap((series) => series.points);
  const xTicks = ticks(Math.max(1, ...points.map(([x]) => x)));
  const yTicks = ticks(Math.max(1, ...points.map(([, y]) => y)));
  const xMax = xTicks[xTicks.length - 1];
  const yMax = yTicks[yTicks.length - 1];
  const toX = (value: number) => plot.x + (value / xMax) * plot.width;
  const toY = (value: number) => plot.y + plot.height - (value / yMax) * plot.height;

  raster.text(plot.x, plot.y - 26, panel.title, { color: black, scale: 2 });
  for (const tick of yTicks) {
    raster.line(plot.x, toY(tick), plot.x + plot.width, toY(tick), grey);
    const label = formatTick(tick);
    raster.text(plot.x - 8 - Raster.textWidth(label, 2), toY(tick) - 7, label, { color: dark, scale: 2 });
  }
  for (const tick of xTicks) {
    raster.line(toX(tick), plot.y, toX(tick), plot.y + plot.height, grey);
    const label = formatTick(tick);
    raster.text(toX(tick) - Raster.textWidth(label, 2) / 2, plot.y + plot.height + 8, label, { color: dark, scale: 2 });
  }
  raster.line(plot.x, plot.y, plot.x, plot.y + plot.height, black, 2);
  raster.line(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height, black, 2);
  raster.text(plot.x + plot.width - Raster.textWidth(spec.xLabel, 2), plot.y + plot.height + 32, spec.xLabel, { color: black, scale: 2 });
  raster.text(plot.x + 8, plot.y + 4, spec.yLabel, { color: black, scale: 2 });

  for (const series of panel.series) {
    const sorted = [...series.points].sort((a, b) => a[0] - b[0]);
    for (let index = 1; index < sorted.length; index++) {
      const [from, to] = [sorted[index - 1], sorted[index]];
      raster.line(toX(from[0]), toY(from[1]), toX(to[0]), toY(to[1]), series.color, 3, series.dashed ? dash : undefined);
    }
    for (const [x, y] of sorted) raster.fillRect(toX(x) - 3, toY(y) - 3, 7, 7, series.color);
  }
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

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
