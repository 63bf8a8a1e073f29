/**
 * How each BlockStyle looks in Excel, as plain data (the playground host may reuse it for its grid).
 *
 * Readable in light and dark themes: a font colour is only ever set together with a fill it contrasts with
 * (at least 4.5:1, WCAG AA), and styles without a fill leave the font colour automatic, so Excel's dark
 * cell mode can invert them. Inputs use the conventional light-yellow fill finance officers recognise as
 * "type here".
 */
import type { BlockStyle } from "../planner/plan";

export interface CellLook {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Thin border under the block's last row (headers) or over its first row (totals). */
  borderBottom?: string;
  borderTop?: string;
  /** Thin border around every cell (inputs, so they read as fields). */
  borderAll?: string;
}

export const LOOKS: Record<BlockStyle, CellLook> = {
  title: { bold: true, size: 14 },
  header: { fill: "#1F4E79", fontColor: "#FFFFFF", bold: true, borderBottom: "#1F4E79" },
  label: {},
  input: { fill: "#FFF2CC", fontColor: "#1F1F1F", borderAll: "#BF9000" },
  calc: {},
  output: { fill: "#E2EFDA", fontColor: "#1F1F1F", bold: true, borderAll: "#548235" },
  total: { bold: true, borderTop: "#7F7F7F" },
  note: { italic: true },
  plain: {},
};

function channel(hex: string, i: number): number {
  const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** WCAG relative luminance of "#RRGGBB". */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG contrast ratio between two "#RRGGBB" colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
