/** Issue 4: planning a model from a 500-row × 10-year budget block, against a plain loop summing the block. */
import { readBudgetOrThrow } from "../src/planner/budget";
import { computeModel } from "../src/planner/compute";
import { planBytes } from "../src/planner/layout";
import { planModel } from "../src/planner/planModel";
import { sampleSnapshot, syntheticBudget } from "../src/planner/samples";
import type { BenchCase } from "./harness";

const ROWS = 500;
const YEARS = 10;
const big = syntheticBudget(ROWS, YEARS);
const snapshot = sampleSnapshot(big.workbook, "Stor budget", big.address);
const facts = { sheetNames: ["Stor budget"], names: [] };

/** The block's numbers summed in a plain loop: the least any reader of the block must do. */
function baseline(): void {
  let s = 0;
  const v = snapshot.values;
  for (let r = 2; r < v.length; r++) for (let c = 1; c <= YEARS; c++) s += v[r][c] as number;
  if (!Number.isFinite(s)) throw new Error("bad");
}

const once = planModel(big.inputs, readBudgetOrThrow(snapshot), facts);
const size = once.ok ? `${(planBytes(once.plan) / 1024).toFixed(0)} KiB of JSON` : "refused";

export const benchmarks: BenchCase[] = [
  {
    name: `planner: read + plan a ${ROWS}-row × ${YEARS}-year budget block`,
    detail: `readBudget on the snapshot, then planModel with every row chosen (${ROWS} lines, 12 actors, portable style); plan ${size}`,
    run: () => {
      const r = planModel(big.inputs, readBudgetOrThrow(snapshot), facts);
      if (!r.ok) throw new Error(r.error.en);
    },
    baseline,
  },
  {
    name: `planner: preview numbers (computeModel) for the ${ROWS}-row block`,
    detail: "readBudget, then the model's numbers computed directly with the core (what the pane shows before building)",
    run: () => {
      const r = computeModel(big.inputs, readBudgetOrThrow(snapshot));
      if (!r.ok) throw new Error(r.error.en);
    },
    baseline,
  },
];
