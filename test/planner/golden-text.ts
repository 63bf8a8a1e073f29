/**
 * The golden files' text form of a plan: JSON whose cells are keyed by A1 address, one per line, in reading
 * order, so that a change in the generated model shows in a diff line by line.
 *
 * The settings JSON that the settings sheet stores in A2… (one long line in the plan) is shown
 * pretty-printed under "settings" instead of as cells, so that a change to it can be reviewed too. This is
 * only the text form: it is shown so only when the cells are exactly what storage.ts makes of that JSON,
 * otherwise the cells are shown as they are.
 */
import { cellAddress } from "../../src/planner/a1";
import type { BlockPlan, ModelPlan, SheetPlan } from "../../src/planner/plan";
import { SETTINGS_SHEET_PREFIX, settingsChunks } from "../../src/planner/storage";

export interface GoldenTextOptions {
  /** Show the stored settings JSON pretty-printed (default true). */
  prettySettings?: boolean;
}

/** A stable, reviewable text: JSON whose cells are keyed by A1 address, one per line, in reading order. */
export function goldenText(plan: ModelPlan, options: GoldenTextOptions = {}): string {
  const lines: string[] = ["{"];
  lines.push(`  "modelKey": ${JSON.stringify(plan.modelKey)},`);
  lines.push(`  "names": [`);
  plan.names.forEach((n, i) => lines.push(`    ${JSON.stringify(n)}${i < plan.names.length - 1 ? "," : ""}`));
  lines.push(`  ],`);
  lines.push(`  "charts": [`);
  plan.charts.forEach((c, i) => lines.push(`    ${JSON.stringify(c)}${i < plan.charts.length - 1 ? "," : ""}`));
  lines.push(`  ],`);
  lines.push(`  "sheets": [`);
  plan.sheets.forEach((s, si) => {
    const { blocks, ...meta } = s;
    const settings = options.prettySettings === false ? null : settingsBlock(s);
    lines.push(`    {`);
    lines.push(`      "meta": ${JSON.stringify(meta)},`);
    lines.push(`      "cells": {`);
    const cells: Array<[number, number, string]> = [];
    for (const b of blocks) {
      if (b === settings?.block) continue;
      b.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          const fmt = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j];
          const entry = fmt === undefined ? [v, b.style ?? null] : [v, b.style ?? null, fmt];
          cells.push([b.row + i, b.col + j, `"${cellAddress(b.row + i, b.col + j)}": ${JSON.stringify(entry)}`]);
        }),
      );
    }
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    cells.forEach((c, i) => lines.push(`        ${c[2]}${i < cells.length - 1 ? "," : ""}`));
    if (settings) {
      const b = settings.block;
      lines.push(`      },`);
      lines.push(`      "settings": {`);
      lines.push(
        `        "at": ${JSON.stringify(cellAddress(b.row, b.col))}, "cells": ${b.cells.length}, "style": ${JSON.stringify(b.style)}, "numberFormat": ${JSON.stringify(b.numberFormat)},`,
      );
      lines.push(`        "json": ${pretty(settings.value, 8)}`);
      lines.push(`      }`);
    } else {
      lines.push(`      }`);
    }
    lines.push(`    }${si < plan.sheets.length - 1 ? "," : ""}`);
  });
  lines.push(`  ]`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** The settings sheet's block of settings JSON and the JSON it holds, when the block is exactly settingsChunks(JSON). */
function settingsBlock(sheet: SheetPlan): { block: BlockPlan; value: unknown } | null {
  if (!sheet.hidden || !sheet.name.startsWith(SETTINGS_SHEET_PREFIX)) return null;
  const block = sheet.blocks.find((b) => b.row === 1 && b.col === 0);
  if (!block || !block.cells.every((r) => r.length === 1 && typeof r[0] === "string" && r[0].startsWith("'"))) return null;
  const json = block.cells.map((r) => (r[0] as string).slice(1)).join("");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  // The pretty form must say everything the cells say: the same JSON text, cut into the same cells.
  if (JSON.stringify(value) !== json) return null;
  if (JSON.stringify(settingsChunks(json).map((c) => [c])) !== JSON.stringify(block.cells)) return null;
  return { block, value };
}

/** JSON with one member per line, as JSON.stringify(value, null, 2) but with arrays of plain values on one line. */
export function pretty(value: unknown, indent: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const pad = " ".repeat(indent + 2);
  const end = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return JSON.stringify(value);
    return `[\n${value.map((v) => pad + pretty(v, indent + 2)).join(",\n")}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${pretty(v, indent + 2)}`).join(",\n")}\n${end}}`;
}
