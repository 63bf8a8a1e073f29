/**
 * A sheet plan as a plain grid of cells (rows × columns, null = empty): what a host writes, what the
 * formula engine loads in tests and the playground, and how overlapping blocks are caught.
 */
import { cellAddress } from "./a1";
import type { ModelPlan, PlannedCell, SheetPlan } from "./plan";

/** The sheet's cells as one grid from A1; throws if two blocks write the same cell (a planner bug). */
export function sheetGrid(sheet: SheetPlan): PlannedCell[][] {
  const grid: PlannedCell[][] = [];
  const owner: number[][] = [];
  sheet.blocks.forEach((b, k) => {
    b.cells.forEach((row, i) => {
      const r = b.row + i;
      grid[r] ??= [];
      owner[r] ??= [];
      row.forEach((v, j) => {
        const c = b.col + j;
        if (owner[r][c] !== undefined) {
          throw new Error(`Blocks ${owner[r][c]} and ${k} both write ${sheet.name}!${cellAddress(r, c)}`);
        }
        owner[r][c] = k;
        grid[r][c] = v;
      });
    });
  });
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const out: PlannedCell[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = new Array<PlannedCell>(width).fill(null);
    const src = grid[r] ?? [];
    for (let c = 0; c < src.length; c++) if (src[c] !== undefined) row[c] = src[c];
    out.push(row);
  }
  return out;
}

/** Every sheet of a plan as a grid, keyed by sheet name (as createEngine takes them). */
export function planGrids(plan: ModelPlan): Record<string, PlannedCell[][]> {
  const out: Record<string, PlannedCell[][]> = {};
  for (const s of plan.sheets) out[s.name] = sheetGrid(s);
  return out;
}

/** Size of the plan as JSON text, in bytes (a host writes it in requests well under 5 MB). */
export function planBytes(plan: ModelPlan): number {
  const json = JSON.stringify(plan);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return bytes;
}
