/** An RGB bitmap with the few drawing operations a line chart needs: filled rectangles, thick (optionally dashed) lines, text. */
import { glyph, glyphHeight, glyphWidth } from "./font";

/** A colour as red, green, blue, each 0 to 255. */
export type Rgb = readonly [number, number, number];

/** Text size: each font pixel becomes a `scale` × `scale` square. */
export interface TextStyle {
  readonly color: Rgb;
  readonly scale?: number;
}

/** A white canvas of `width` × `height` pixels. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  /** Colours one pixel; outside the canvas nothing happens. */
  set(x: number, y: number, color: Rgb): void {
    const [px, py] = [Math.round(x), Math.round(y)];
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    this.pixels.set(color, (py * this.width + px) * 3);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    for (let dy = 0; dy < height; dy++) for (let dx = 0; dx < width; dx++) this.set(x + dx, y + dy, color);
  }

  /** A line `thickness` pixels wide; with `dash` [on, off] in pixels along the line, a dashed one. */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1, dash?: readonly [number, number]): void {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length * 2));
    const half = (thickness - 1) / 2;
    for (let step = 0; step <= steps; step++) {
      const along = (step / steps) * length;
      if (dash !== undefined && along % (dash[0] + dash[1]) >= dash[0]) continue;
      const x = x0 + ((x1 - x0) * step) / steps;
      const y = y0 + ((y1 - y0) * step) / steps;
      this.fillRect(Math.round(x - half), Math.round(y - half), thickness, thickness, color);
    }
  }

  /** Draws `text` with its top left corner at (x, y). */
  text(x: number, y: number, text: string, style: TextStyle): void {
    const scale = style.scale ?? 1;
    [...text].forEach((char, index) => {
      const rows = glyph(char);
      const left = x + index * (glyphWidth + 1) * scale;
      rows.forEach((bits, row) => {
        for (let column = 0; column < glyphWidth; column++) {
          if (bits & (1 << (glyphWidth - 1 - column))) this.fillRect(left + column * scale, y + row * scale, scale, scale, style.color);
        }
      });
    });
  }

  /** Width in pixels of `text` at `scale`. */
  static textWidth(text: string, scale = 1): number {
    return text.length === 0 ? 0 : (text.length * (glyphWidth + 1) - 1) * scale;
  }

  /** Height in pixels of a line of text at `scale`. */
  static textHeight(scale = 1): number {
    return glyphHeight * scale;
  }
}
