/**
 * Issue 8: every registered SOCINV function called once at its documented size limit, through its registry
 * entry (the custom-function entry point), each next to a plain float loop over the same input cells (the
 * cost of touching every input once: a floor, not an alternative). Target: under 1 s each, since a slow
 * function blocks Excel's shared runtime. `report` prints the times again, the slowest first.
 *
 * Limits used (see docs/functions.md and docs/functions-distribution.md): a spilled result has at most
 * MAX_RESULT_CELLS cells; an actor flow table at most MAX_CELLS cells; a count of periods at most
 * MAX_PERIODS; ages up to MAX_AGE (an age of 0 reads as not given: the desktop's empty cell), lag and ramp at most MAX_YEARS. A series without a documented maximum
 * (NPV, PRICEYEAR, PAYBACK, BREAKEVEN, BREAKEVENRATE values) is run at MAX_PERIODS values, the same as
 * DISCOUNTFACTORS and IRR. Each case is shaped to the heaviest work its limit allows.
 *
 * Run alone: npx tsx bench/limits.bench.ts (or npm run bench -- limit).
 */
import { FUNCTIONS } from "../src/functions/registry";
import { MAX_CELLS } from "../src/core/actors";
import { MAX_PERIODS } from "../src/core/discounting";
import { MAX_AGE, MAX_YEARS } from "../src/core/careers";
import { MAX_RESULT_CELLS } from "../src/core/values";
import { BenchCase, BenchResult, formatResult, runCase } from "./harness";

const TARGET_MS = 1000;

let seed = 12345;
/** Deterministic pseudo-random numbers in [0, 1). */
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const int = (lo: number, hi: number): number => Math.floor(lo + rnd() * (hi - lo + 1));

const rowOf = (n: number, f: (t: number) => number): number[][] => [Array.from({ length: n }, (_, t) => f(t))];
const columnOf = (n: number, f: (i: number) => unknown): unknown[][] => Array.from({ length: n }, (_, i) => [f(i)]);
const tableOf = (rows: number, cols: number, f: (i: number, t: number) => number): number[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, t) => f(i, t)));
const labels = (n: number): unknown[][] => columnOf(n, (i) => `Aktör ${i + 1}`);

/** The largest number of actors whose table of `perActor` rows per actor plus `extra` rows, `cols` wide, fits. */
const actorsFitting = (perActor: number, extra: number, cols: number): number => Math.floor((MAX_RESULT_CELLS / cols - extra) / perActor);

const N = MAX_PERIODS;
const flows1000 = (): number[][] => tableOf(1000, 1000, (i, t) => (t < 3 ? -int(1e5, 1e6) : int(-1e4, 5e5)));
const rateRow = rowOf(N, (t) => 0.035 - 0.02 * (t / N));

export interface LimitCase {
  id: string;
  /** The size, in words, for the report. */
  size: string;
  args: () => unknown[];
}

/** One case per function (SPLIT and REPAYSAVINGS also at the other extreme of their limit). */
export const LIMIT_CASES: LimitCase[] = [
  { id: "NPV", size: `${N} values, ${N} per-period rates, mid-period`, args: () => [rateRow, rowOf(N, () => int(-1e6, 1e6)), 0.5] },
  { id: "DISCOUNTFACTORS", size: `${N} periods, ${N} per-period rates`, args: () => [rateRow, N, 0.5] },
  { id: "RATESCHEDULE", size: `${N} periods`, args: () => [N, "health"] },
  { id: "REALRATE", size: "scalars", args: () => [0.055, 0.02] },
  { id: "NOMINALRATE", size: "scalars", args: () => [0.035, 0.02] },
  { id: "PRICEYEAR", size: `${N} values and indices`, args: () => [rowOf(N, () => int(0, 1e6)), rowOf(N, (t) => 300 + t / 10), 400] },
  // pays back late: the cumulative discounted net turns positive only in the last third
  { id: "PAYBACK", size: `${N} values, ${N} rates, fractional`, args: () => [rowOf(N, (t) => (t < N / 2 ? -1000 : 2500)), rowOf(N, () => 1e-4), 0, true] },
  { id: "BREAKEVEN", size: `${N} costs and benefits`, args: () => [rowOf(N, () => int(0, 1e5)), rowOf(N, () => int(0, 1e3)), rateRow] },
  { id: "BREAKEVENRATE", size: `${N} costs and benefits`, args: () => [rowOf(N, () => int(0, 1e5)), rowOf(N, () => int(0, 1e3)), rateRow, 1000] },
  // several sign changes: the scan must find and refine each root
  { id: "IRR", size: `${N} values, sign changes`, args: () => [rowOf(N, (t) => (t === 0 ? -1e6 : Math.round(2e4 * Math.sin(t / 7))))] },
  {
    id: "ACTORSUMMARY",
    size: `1,000 actors × 1,000 years (${MAX_CELLS.toLocaleString("en")} cells)`,
    args: () => [rateRow.map((r) => r.slice(0, 1000)), labels(1000), flows1000()],
  },
  { id: "ACTORPV", size: "1,000 actors × 1,000 years", args: () => [[[0.035]], flows1000(), 0.5] },
  // equal shares: every remainder ties, the hardest case for the leftover units
  {
    id: "SPLIT",
    size: `${MAX_RESULT_CELLS.toLocaleString("en")} equal shares × 1 amount`,
    args: () => [[[1e9 + MAX_RESULT_CELLS - 1]], columnOf(MAX_RESULT_CELLS, () => 1 / MAX_RESULT_CELLS), null],
  },
  {
    id: "SPLIT",
    size: `100 shares × ${MAX_RESULT_CELLS / 100} yearly amounts, öre`,
    args: () => [rowOf(MAX_RESULT_CELLS / 100, (t) => 1e7 + t * 13.07), columnOf(100, (i) => (i + 1) / 5050), "öre"],
  },
  {
    id: "SPLITBYGAINS",
    size: `${MAX_RESULT_CELLS.toLocaleString("en")} actors × ${MAX_CELLS / MAX_RESULT_CELLS} years`,
    args: () => [[[1e12 + 99999]], [[0.035]], tableOf(MAX_RESULT_CELLS, MAX_CELLS / MAX_RESULT_CELLS, () => int(0, 1e6)), null, 0],
  },
  {
    id: "ADJUSTGAINS",
    size: `100 actors × ${MAX_RESULT_CELLS / 100} years`,
    args: () => [tableOf(100, MAX_RESULT_CELLS / 100, () => int(-1e5, 1e6)), 0.2, 0.1, 0.05, 0.1, 0.2, 0.1],
  },
  {
    id: "ADJUSTMENTS",
    size: "1,000 actors × 1,000 years",
    args: () => [[[0.035]], labels(1000), flows1000(), 0.2, 0.1, 0.05, 0.1, 0.2, 0.1, 0],
  },
  {
    id: "BREAKEVENACTORS",
    size: "1,000 actors × 1,000 years, costs and gains",
    args: () => [[[0.035]], labels(1000), tableOf(1000, 1000, (i, t) => (t < 3 ? -int(1e5, 1e6) : 0)), tableOf(1000, 1000, () => int(0, 1e4)), 4, 0],
  },
  ...repaymentCases(),
  {
    id: "CAREERPV",
    size: `1,000 actors × ${MAX_AGE - 1} ages`,
    args: () => [[[0.035]], labels(1000), tableOf(1000, MAX_AGE, () => int(0, 3e5)), tableOf(1000, MAX_AGE, () => int(-1e4, 1e4)), 1, MAX_AGE, 0.5],
  },
  {
    id: "CAREERFLOWS",
    size: `${actorsFitting(1, 0, MAX_YEARS + MAX_AGE)} actors × (lag ${MAX_YEARS} + ${MAX_AGE - 1} ages), ramp ${MAX_YEARS}`,
    args: () => {
      const n = actorsFitting(1, 0, MAX_YEARS + MAX_AGE);
      return [tableOf(n, MAX_AGE, () => int(0, 3e5)), tableOf(n, MAX_AGE, () => int(0, 1e4)), 1000, 0.5, MAX_YEARS, MAX_YEARS, 1, MAX_AGE];
    },
  },
];

/** REPAYSAVINGS, REPAYCOMMITTED, REPAYDUAL: the most actors over 1,000 years that fit the result limit, capped and shared. */
function repaymentCases(): LimitCase[] {
  const years = 1000;
  const savings = (n: number): number[][] => tableOf(n, years, (i, t) => (t === 0 ? 0 : int(0, 5e5) + 0.37 * (t % 3)));
  const a1 = actorsFitting(1, 5, years + 2);
  const a2 = actorsFitting(2, 7, years + 2);
  const a3 = actorsFitting(1, 9, years + 2);
  const long = MAX_RESULT_CELLS / 6 < 16382 ? Math.floor(MAX_RESULT_CELLS / 6) - 2 : 16382;
  return [
    // a cap that binds every year: each year's repayment is shared by largest remainder among all actors
    {
      id: "REPAYSAVINGS",
      size: `${a1} actors × ${years} years, cap binding`,
      args: () => [[[1e12]], labels(a1), savings(a1), [[1 / 3]], 1, 1e6 + 0.01, null, 0],
    },
    { id: "REPAYSAVINGS", size: `1 actor × ${long} years`, args: () => [[[1e12]], labels(1), tableOf(1, long, () => int(0, 5e5)), [[0.5]], 1, null, null, 0] },
    {
      id: "REPAYCOMMITTED",
      size: `${a2} actors × ${years} years, shares, with savings`,
      args: () => [[[1e9 + 0.07]], labels(a2), tableOf(a2, years, () => 1 / (a2 * years)), savings(a2), true, 5e9],
    },
    {
      id: "REPAYDUAL",
      size: `${a3} actors × ${years} years, cap binding`,
      args: () => [[[1e12]], rowOf(10, () => 1e6), labels(a3), savings(a3), [[0.5]], 1, 1e6, null, 0],
    },
  ];
}

// Every registered function has a case: a new function cannot be left out of the limits bench.
for (const f of FUNCTIONS) if (!LIMIT_CASES.some((c) => c.id === f.id)) throw new Error(`limits.bench.ts: no case for SOCINV.${f.id}`);

/** The plain float loop: every numeric input cell touched once. */
function touchAll(args: unknown[]): number {
  let s = 0;
  const visit = (v: unknown): void => {
    if (typeof v === "number") s += v;
    else if (Array.isArray(v)) for (const x of v) visit(x);
  };
  args.forEach(visit);
  return s;
}

export const benchmarks: BenchCase[] = LIMIT_CASES.map((c) => {
  const entry = FUNCTIONS.find((f) => f.id === c.id)!;
  let built: unknown[] | null = null;
  const args = (): unknown[] => (built ??= c.args()); // built once, in the warm-up run, outside the timing
  return {
    name: `limit: SOCINV.${c.id} at ${c.size}`,
    detail: `one call of the registry entry with the arguments at the limit (must succeed); baseline: a float loop over every input cell`,
    rounds: 3,
    targetMs: TARGET_MS,
    run: () => {
      const out = entry.fn(...args());
      if (!(Array.isArray(out) || (typeof out === "number" && Number.isFinite(out)))) throw new Error(`SOCINV.${c.id}: unexpected result`);
    },
    baseline: () => {
      if (!Number.isFinite(touchAll(args()))) throw new Error("bad");
    },
  };
});

/** The limit cases' times, the slowest first. */
export function report(results: readonly BenchResult[]): string {
  const mine = results.filter((r) => r.name.startsWith("limit: ")).sort((a, b) => b.ms - a.ms);
  if (mine.length === 0) return "";
  const lines = mine.map((r) => `  ${r.ms.toFixed(1).padStart(9)} ms  ${r.meetsTarget ? "   " : "!! "}${r.name.slice("limit: ".length)}`);
  const over = mine.filter((r) => !r.meetsTarget).length;
  return [`Functions at their limits, slowest first (target < ${TARGET_MS} ms; ${over} over):`, ...lines].join("\n");
}

if (require.main === module) {
  const results: BenchResult[] = [];
  for (const c of benchmarks) {
    const r = runCase(c);
    results.push(r);
    console.log(formatResult(r));
  }
  console.log(report(results));
}
