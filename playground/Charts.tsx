/**
 * Charts from the model's ChartPlan, drawn as SVG from the computed cells (so they follow every edit): line
 * charts (cumulative net result per actor, the fund) and a clustered column chart (costs vs gains per actor).
 * The data block's first row and column hold the categories and series names, as in Excel's chart source
 * data (`seriesBy` says whether the series run along rows or columns), or the plan gives the series one by one.
 *
 * The plan's look decides the colours (one per actor; per point in the column chart), the value axis' unit
 * (kr, tkr, mnkr: the cells hold kronor) and title, and whether the category labels are wrapped or turned.
 * Whatever the plan says, nothing is drawn over anything else: text is measured, wrapped labels that do not fit
 * are turned, turned labels are shortened (with the full text as a tooltip) to the room there is, and the
 * legend flows onto as many rows as it needs.
 */
import React from "react";
import { enNumber, svNumber } from "../src/core/exact";
import { chartUnit } from "../src/planner/model/charts";
import type { ChartLook, ChartSeriesLook, ChartUnit } from "../src/planner/plan";
import { parseArea, splitSheetRef } from "./a1";
import type { Language } from "./text";
import type { ChartData, ChartLike } from "./chart-data";
import { chartRowSeries, chartSeries } from "./chart-data";
import type { PlaygroundWorkbook } from "./workbook";

/** Colours for a plan without a look (older plans): one per series. */
const PALETTE = ["#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F"];
export const CHART_FONT = `"Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif`;
const SMALL = 10;
const LINE = 12; // line height of SMALL text
const DIVISOR: Record<ChartUnit, number> = { kr: 1, tkr: 1e3, mnkr: 1e6 };

/** Round tick steps (1, 2, 2.5, 5 × 10^k) covering [min, max] and zero in about five steps. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  let lo = Math.min(min, max, 0);
  let hi = Math.max(min, max, 0);
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  // A flat or vanishing range (all zeros, one value, denormals) still gets a readable axis.
  if (scale < 1e-300) return lo < 0 ? (hi > 0 ? [-1, 0, 1] : [-1, 0]) : [0, 1];
  if (hi - lo <= scale * 1e-9) {
    lo = lo < 0 ? lo * 1.1 : lo;
    hi = hi > 0 ? hi * 1.1 : hi === 0 && lo === 0 ? 1 : hi;
  }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw * (1 - 1e-12)) ?? 10 * mag;
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const out: number[] = [];
  for (let k = first; k <= last && out.length <= 20; k++) {
    const v = k * step;
    out.push(Math.abs(v) < step / 1e9 ? 0 : v);
  }
  return out;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** The width of a text in the chart's font, in px (measured in the browser; estimated elsewhere). */
export function textWidth(s: string, size = SMALL, bold = false): number {
  if (measurer === undefined) measurer = typeof document !== "undefined" ? document.createElement("canvas").getContext("2d") : null;
  if (!measurer) return s.length * size * 0.6;
  measurer.font = `${bold ? "600 " : ""}${size}px ${CHART_FONT}`;
  return measurer.measureText(s).width;
}

/** The text shortened with "…" to at most `width` px. */
export function fitText(s: string, width: number, size = SMALL, bold = false): string {
  if (textWidth(s, size, bold) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(s.slice(0, mid).trimEnd() + "…", size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo).trimEnd() + "…";
}

/** Words (breaking after spaces and hyphens) on lines of at most `width` px; null if a word is wider or more than `maxLines` are needed. */
export function wrapText(s: string, width: number, maxLines: number, size = SMALL, bold = false): string[] | null {
  const words = s.split(/(?<=-)|\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (textWidth(w, size, bold) > width) return null;
    const joined = line === "" ? w : line.endsWith("-") ? line + w : `${line} ${w}`;
    if (textWidth(joined, size, bold) <= width) line = joined;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length <= maxLines ? lines : null;
}

/** A tick's number in the axis' unit, with the step's decimals, by the core's formatter (Swedish: 2,5; −5; 1 000). */
function tickText(v: number, divisor: number, decimals: number, language: Language): string {
  const x = Number((v / divisor).toFixed(decimals));
  return (language === "sv" ? svNumber : enNumber)(x === 0 ? 0 : x);
}

function decimalsOf(step: number): number {
  let d = 0;
  while (d < 6 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-9 * Math.max(1, step * 10 ** d)) d++;
  return d;
}

/** The look of a plan without one: a colour per series, the unit by the data, labels wrapped. */
function defaultLook(data: ChartData): ChartLook {
  const top = Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  return {
    series: data.series.map((_, k) => ({ line: PALETTE[k % PALETTE.length], fill: PALETTE[k % PALETTE.length] })),
    valueAxis: { unit: chartUnit(top), title: "" },
    categoryAxis: { labels: "wrap" },
  };
}

interface CategoryLayout {
  /** Lines per label (one when turned). */
  lines: string[][];
  /** The full labels, shown as a tooltip where a label is shortened. */
  full: string[];
  angle: 0 | 45 | 90;
  every: number;
  height: number;
}

/** How the category labels fit under a band of `band` px each: on one line, wrapped, or turned (45°, else 90°). */
function layoutCategories(categories: string[], band: number, firstCentre: number, wantTurn: boolean, oneLine: boolean, maxHeight: number): CategoryLayout {
  if (oneLine) {
    // Short labels (years): every k-th one, so that each has its width and a gap.
    const widest = Math.max(1, ...categories.map((c) => textWidth(c)));
    const every = Math.max(1, Math.ceil((widest + 8) / Math.max(1, band)));
    return { lines: categories.map((c) => [c]), full: categories, angle: 0, every, height: LINE + 4 };
  }
  if (!wantTurn) {
    const wrapped = categories.map((c) => wrapText(c, band - 6, 3));
    if (wrapped.every((w): w is string[] => w !== null)) {
      const rows = Math.max(1, ...wrapped.map((w) => w.length));
      return { lines: wrapped, full: categories, angle: 0, every: 1, height: rows * LINE + 4 };
    }
  }
  // Turned: neighbouring labels are band × sin(angle) apart across their direction, which must hold a line.
  const angle: 45 | 90 = band * Math.SQRT1_2 >= LINE + 2 ? 45 : 90;
  const across = angle === 45 ? band * Math.SQRT1_2 : band;
  const every = Math.max(1, Math.ceil((LINE + 2) / Math.max(0.1, across)));
  const sin = angle === 45 ? Math.SQRT1_2 : 1;
  // A label may reach down `maxHeight` and, turned 45°, left no further than the chart's edge.
  const room = Math.min(maxHeight / sin, angle === 45 ? (firstCentre - 6 - LINE) / Math.SQRT1_2 : Infinity);
  const shown = categories.map((c) => fitText(c, Math.max(12, room)));
  const longest = Math.max(0, ...shown.map((s) => textWidth(s)));
  return { lines: shown.map((s) => [s]), full: categories, angle, every, height: longest * sin + LINE + 6 };
}

interface LegendItem {
  name: string;
  look: ChartSeriesLook;
  x: number;
  row: number;
}

/** The legend's entries flowed onto rows of at most `width` px. */
function layoutLegend(names: string[], looks: ChartSeriesLook[], width: number): { items: LegendItem[]; rows: number } {
  const items: LegendItem[] = [];
  let x = 0;
  let row = 0;
  names.forEach((raw, k) => {
    const name = fitText(raw, width - 24);
    const w = 18 + textWidth(name) + 14;
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    items.push({ name, look: looks[k], x, row });
    x += w;
  });
  return { items, rows: names.length ? row + 1 : 0 };
}

interface Props {
  book: PlaygroundWorkbook;
  chart: ChartLike;
  language: Language;
  index: number;
  width: number;
  height: number;
}

export function ChartView({ book, chart, language, index, width, height }: Props) {
  const title = typeof chart.title === "string" ? chart.title : chart.title[language];
  const ref = splitSheetRef(chart.dataAddress);
  const sheet = ref.sheet ?? chart.sheet;
  const area = parseArea(ref.address);
  const data = chart.rows ? chartRowSeries(book, sheet, chart.rows) : area ? chartSeries(book, sheet, area, chart.seriesBy) : null;
  const titleLines = wrapText(title, width - 28, 2, 14, true) ?? [fitText(title, width - 28, 14, true)];
  const frame = (body: React.ReactNode) => (
    <figure className="pg-chart-frame" data-testid={`chart-${index}`} data-kind={chart.kind} style={{ width, height }}>
      <svg width={width} height={height} role="img" aria-label={title} fontFamily={CHART_FONT}>
        <rect x={0} y={0} width={width} height={height} fill="#ffffff" stroke="#c8c8c8" />
        {titleLines.map((l, i) => (
          <text key={`h${i}`} data-role="title" x={width / 2} y={20 + i * 17} textAnchor="middle" fontSize={14} fontWeight={600}>
            {l}
          </text>
        ))}
        {body}
      </svg>
    </figure>
  );
  if (!data || data.series.length === 0 || data.categories.length === 0) {
    return frame(
      <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={12} fill="#666">
        {language === "sv" ? "Inga data" : "No data"}
      </text>,
    );
  }
  const look = chart.look ?? defaultLook(data);
  const seriesLook = (k: number): ChartSeriesLook => look.series[k] ?? { line: PALETTE[k % PALETTE.length], fill: PALETTE[k % PALETTE.length] };
  const divisor = DIVISOR[look.valueAxis.unit];

  // Value axis: ticks over the data (and zero), labelled in the axis' unit.
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const decimals = decimalsOf((ticks.length > 1 ? ticks[1] - ticks[0] : 1) / divisor);
  const tickLabels = ticks.map((t) => tickText(t, divisor, decimals, language));
  const tickWidth = Math.max(...tickLabels.map((s) => textWidth(s)));
  const valueTitle = look.valueAxis.title;
  const m = { left: 8 + (valueTitle ? 18 : 0) + tickWidth + 6, right: 16, top: 12 + titleLines.length * 17 };
  const pw = Math.max(10, width - m.left - m.right);
  const n = data.categories.length;
  const band = pw / n;
  const xMid = (i: number) => m.left + band * (i + 0.5);

  const legend = layoutLegend(
    data.series.map((s) => s.name),
    data.series.map((_, k) => seriesLook(k)),
    width - 16,
  );
  const legendHeight = legend.rows * 16;
  const catTitle = look.categoryAxis.title;
  const fixedBottom = 10 + (catTitle ? 16 : 0) + legendHeight + 8;
  const cats = layoutCategories(
    data.categories,
    band,
    xMid(0),
    look.categoryAxis.labels === "rotate",
    chart.kind === "line",
    Math.max(LINE * 2, (height - m.top - fixedBottom) * 0.4),
  );
  const bottom = cats.height + fixedBottom;
  const ph = Math.max(10, height - m.top - bottom);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => m.top + ph - ((v - lo) / (hi - lo || 1)) * ph;
  const y0 = m.top + ph;

  const axes = (
    <g fontSize={SMALL} fill="#444">
      {ticks.map((t, k) => (
        <g key={`t${t}`}>
          <line x1={m.left} x2={m.left + pw} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#777" : "#e3e3e3"} />
          <text data-role="tick" x={m.left - 6} y={y(t) + 3.5} textAnchor="end">
            {tickLabels[k]}
          </text>
        </g>
      ))}
      {valueTitle && (
        <text
          data-role="value-title"
          x={14}
          y={m.top + ph / 2}
          textAnchor="middle"
          dominantBaseline="central"
          transform={`rotate(-90 14 ${m.top + ph / 2})`}
          fill="#333"
        >
          {fitText(valueTitle, ph - 8)}
        </text>
      )}
      {data.categories.map((c, i) => {
        if (i % cats.every !== 0) return null;
        const lines = cats.lines[i];
        const tip = lines.join(" ") !== c.replace(/\s+/g, " ") ? <title>{c}</title> : null;
        if (cats.angle === 0) {
          return (
            <text key={`c${i}`} data-role="category" data-label={c} x={xMid(i)} y={y0 + LINE + 2} textAnchor="middle">
              {tip}
              {lines.map((l, j) => (
                <tspan key={j} x={xMid(i)} dy={j === 0 ? 0 : LINE}>
                  {l}
                </tspan>
              ))}
            </text>
          );
        }
        const ax = xMid(i);
        const ay = y0 + 10;
        return (
          <text
            key={`c${i}`}
            data-role="category"
            data-label={c}
            x={ax}
            y={ay}
            textAnchor="end"
            dominantBaseline="central"
            transform={`rotate(-${cats.angle} ${ax} ${ay})`}
          >
            {tip}
            {lines[0]}
          </text>
        );
      })}
      {catTitle && (
        <text data-role="category-title" x={m.left + pw / 2} y={y0 + cats.height + 12} textAnchor="middle" fill="#333">
          {catTitle}
        </text>
      )}
    </g>
  );

  let plot: React.ReactNode;
  if (chart.kind === "line") {
    plot = data.series.map((s, k) => {
      const sl = seriesLook(k);
      const pts = s.values.map((v, i) => (v === null ? null : `${xMid(i).toFixed(1)},${y(v).toFixed(1)}`));
      const d = pts.reduce<string>((acc, p, i) => (p === null ? acc : acc + (acc === "" || pts[i - 1] === null ? `M${p}` : ` L${p}`)), "");
      return (
        <g key={`s${k}`} data-series={s.name} data-colour={sl.line}>
          <path d={d} fill="none" stroke={sl.line} strokeWidth={2} strokeDasharray={sl.dash ? "6 4" : undefined} />
          {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={xMid(i)} cy={y(v)} r={2.5} fill={sl.line} />))}
        </g>
      );
    });
  } else {
    const groupW = band * 0.75;
    const barW = groupW / data.series.length;
    plot = data.series.map((s, k) => {
      const sl = seriesLook(k);
      return (
        <g key={`s${k}`} data-series={s.name}>
          {s.values.map((v, i) => {
            if (v === null) return null;
            const p = sl.points?.[i] ?? sl;
            const x = m.left + band * i + (band - groupW) / 2 + k * barW;
            const ya = y(0);
            const yb = y(v);
            return (
              <rect
                key={i}
                data-category={data.categories[i]}
                x={x + 0.5}
                y={Math.min(ya, yb)}
                width={Math.max(1, barW - 2)}
                height={Math.max(0.5, Math.abs(yb - ya))}
                fill={p.fill}
                stroke={p.line}
                strokeWidth={1}
              />
            );
          })}
        </g>
      );
    });
  }

  const legendTop = y0 + cats.height + (catTitle ? 16 : 0) + 12;
  const legendView = (
    <g fontSize={SMALL} data-role="legend">
      {legend.items.map((it, k) => {
        const lx = 8 + it.x;
        const ly = legendTop + it.row * 16;
        return (
          <g key={`l${k}`}>
            {chart.kind === "line" ? (
              <line x1={lx} x2={lx + 14} y1={ly} y2={ly} stroke={it.look.line} strokeWidth={2} strokeDasharray={it.look.dash ? "4 2" : undefined} />
            ) : (
              <rect x={lx + 2} y={ly - 5} width={10} height={10} fill={it.look.fill} stroke={it.look.line} />
            )}
            <text data-role="legend-entry" x={lx + 18} y={ly} dominantBaseline="central">
              {it.name}
            </text>
          </g>
        );
      })}
    </g>
  );
  return frame(
    <>
      {axes}
      {plot}
      {legendView}
    </>,
  );
}
