/**
 * Charts from the model's ChartPlan, drawn as SVG from the computed cells (so they follow every edit):
 * a line chart (cumulative net result per actor over time) and a clustered column chart (costs vs gains
 * per actor). The data block's first row and column hold the categories and series names, as in Excel's
 * chart source data; `seriesBy` says whether the series run along rows or columns.
 */
import React from "react";
import { parseArea, splitSheetRef } from "./a1";
import { displayLocale, formatValue } from "./numfmt";
import type { Language } from "./text";
import type { ChartLike } from "./chart-data";
import { chartSeries } from "./chart-data";
import type { PlaygroundWorkbook } from "./workbook";

const PALETTE = ["#2f6eba", "#e07b39", "#3f9e5a", "#b03a48", "#7a5195", "#8c6d31", "#1b9aaa", "#d45087", "#5f6b6d", "#a2b86c"];

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

/** Axis labels in millions or thousands when the numbers are big, as Excel's display units do, with as many decimals as the step needs. */
function axisLabel(v: number, span: number, step: number, language: Language): string {
  const loc = displayLocale(language);
  const [div, unit] = span >= 5e6 ? [1e6, language === "sv" ? " mn" : " M"] : span >= 5e3 ? [1e3, language === "sv" ? " tn" : " k"] : [1, ""];
  const scaled = step / div;
  let decimals = 0;
  while (decimals < 6 && Math.abs(scaled * 10 ** decimals - Math.round(scaled * 10 ** decimals)) > 1e-9 * Math.max(1, scaled * 10 ** decimals)) decimals++;
  return formatValue(v / div, decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0", loc).text + unit;
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
  const area = parseArea(ref.address);
  const data = area ? chartSeries(book, ref.sheet ?? chart.sheet, area, chart.seriesBy) : null;
  const frame = (body: React.ReactNode) => (
    <figure className="pg-chart-frame" data-testid={`chart-${index}`} data-kind={chart.kind} style={{ width, height }}>
      <svg width={width} height={height} role="img" aria-label={title}>
        <rect x={0} y={0} width={width} height={height} fill="#ffffff" stroke="#c8c8c8" />
        <text x={width / 2} y={20} textAnchor="middle" fontSize={14} fontWeight={600}>
          {title}
        </text>
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
  const legendRows = Math.ceil(data.series.length / 3);
  const m = { left: 64, right: 16, top: 34, bottom: 30 + legendRows * 16 };
  const pw = Math.max(10, width - m.left - m.right);
  const ph = Math.max(10, height - m.top - m.bottom);
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all);
  const ticks = niceTicks(min, max);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => m.top + ph - ((v - lo) / (hi - lo || 1)) * ph;
  const n = data.categories.length;
  const band = pw / n;
  const xMid = (i: number) => m.left + band * (i + 0.5);
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(pw / 40))));

  const axes = (
    <g fontSize={10} fill="#444">
      {ticks.map((t) => (
        <g key={`t${t}`}>
          <line x1={m.left} x2={m.left + pw} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#777" : "#e3e3e3"} />
          <text x={m.left - 6} y={y(t) + 3} textAnchor="end">
            {axisLabel(t, hi - lo, ticks.length > 1 ? ticks[1] - ticks[0] : 1, language)}
          </text>
        </g>
      ))}
      {data.categories.map((c, i) =>
        i % labelEvery === 0 ? (
          <text key={`c${i}`} x={xMid(i)} y={m.top + ph + 14} textAnchor="middle">
            {c}
          </text>
        ) : null,
      )}
    </g>
  );

  let plot: React.ReactNode;
  if (chart.kind === "line") {
    plot = data.series.map((s, k) => {
      const pts = s.values.map((v, i) => (v === null ? null : `${xMid(i).toFixed(1)},${y(v).toFixed(1)}`));
      const d = pts.reduce<string>((acc, p, i) => (p === null ? acc : acc + (acc === "" || pts[i - 1] === null ? `M${p}` : ` L${p}`)), "");
      return (
        <g key={`s${k}`} data-series={s.name}>
          <path d={d} fill="none" stroke={PALETTE[k % PALETTE.length]} strokeWidth={2} />
          {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={xMid(i)} cy={y(v)} r={2.5} fill={PALETTE[k % PALETTE.length]} />))}
        </g>
      );
    });
  } else {
    const groupW = band * 0.75;
    const barW = groupW / data.series.length;
    plot = data.series.map((s, k) => (
      <g key={`s${k}`} data-series={s.name} fill={PALETTE[k % PALETTE.length]}>
        {s.values.map((v, i) => {
          if (v === null) return null;
          const x = m.left + band * i + (band - groupW) / 2 + k * barW;
          const y0 = y(0);
          const y1 = y(v);
          return <rect key={i} x={x} y={Math.min(y0, y1)} width={Math.max(1, barW - 1)} height={Math.max(0.5, Math.abs(y1 - y0))} />;
        })}
      </g>
    ));
  }

  const legend = (
    <g fontSize={10}>
      {data.series.map((s, k) => {
        const col = k % 3;
        const row = Math.floor(k / 3);
        const lx = m.left + col * (pw / 3);
        const ly = height - m.bottom + 30 + row * 16;
        return (
          <g key={`l${k}`}>
            <rect x={lx} y={ly - 8} width={10} height={10} fill={PALETTE[k % PALETTE.length]} />
            <text x={lx + 14} y={ly + 1}>
              {s.name.length > 34 ? s.name.slice(0, 33) + "…" : s.name}
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
      {legend}
    </>,
  );
}
