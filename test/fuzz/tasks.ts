/**
 * The plan of a fuzz run: a numbered list of tasks, each fully determined by (seed, task index), so that
 * any task can be rebuilt and re-run alone (`npm run fuzz -- --seed S --only K`).
 *
 *   1. fixed cases, the same in every run of a given function list: every parameter of every function
 *      given each of FIXED_VALUES (huge counts 1e6, 1e9, 1e300, blanks as 0, null and "", text, an error, a
 *      2-D block, …) with valid other arguments, in a world of a few years and in one of 60; the same huge counts as literals in a formula through the
 *      formula engine (its spill predictor must not reserve a billion cells); and, unless huge inputs are
 *      switched off, per function with a range parameter one huge case, alternating down the list: a
 *      130,000-year world (series as 130,000-cell columns) or, for functions with something per actor, a
 *      100,000-actor world; or a whole-column reference (1,048,576 rows, values only at the top) in its first
 *      range parameter. With `hugeAll` (the long run) every function gets both worlds and a whole column in
 *      every range parameter;
 *   2. `calls` random calls, round-robin over the registered functions;
 *   3. `engineCalls` random formulas through the formula engine, round-robin too.
 */
import type { FunctionEntry } from "../../src/functions/registry";
import { CallOutcome, Finding, checkCall } from "./checks";
import type { PlanOptions } from "./report";
import type { EngineFormula } from "./engine-fuzz";
import { Arg, Cell, cleanWorld, generate, generateArgs, hugeRange, isOptional, randomWorld, roleOf, showArgs, takesRange, wholeColumn } from "./generators";
import { Rng, taskSeed } from "./prng";

export type { PlanOptions } from "./report";

/** Given to every parameter of every function in turn, the other arguments valid. */
export const FIXED_VALUES: readonly Arg[] = [
  1e6,
  1e9,
  1e300,
  -1e9,
  1e308,
  -1e308,
  1e-320,
  -1,
  -0.999999, // a rate near −100 %: over 60 periods the discount factors pass 1e308
  0, // an empty cell in Excel desktop
  null, // an empty cell in Excel on the web, or an omitted argument
  "",
  " ",
  undefined,
  "0,035",
  "standard",
  true,
  { errorCode: "#N/A" },
  [
    [1, 2],
    [3, 4],
  ],
  [[null]],
];
/** Huge counts as literals in a formula: the engine's spill predictor sees them before the function does. */
export const ENGINE_FIXED_VALUES: readonly number[] = [1e9, 1e300];
export const HUGE_ROWS = 130_000;
export const HUGE_ACTORS = 100_000;

type Fixed =
  | { kind: "value"; fn: number; param: number; value: number; long: boolean }
  | { kind: "engineValue"; fn: number; param: number; value: number }
  | { kind: "tallWorld" | "actorWorld"; fn: number }
  | { kind: "wholeColumn"; fn: number; param: number };

export interface Plan {
  options: PlanOptions;
  functions: FunctionEntry[];
  fixed: Fixed[];
  total: number;
}

export function makePlan(all: readonly FunctionEntry[], options: PlanOptions): Plan {
  const functions = options.only && options.only.length ? all.filter((f) => options.only!.includes(f.id)) : all.slice();
  const fixed: Fixed[] = [];
  functions.forEach((entry, fn) => {
    for (const long of [false, true]) {
      entry.params.forEach((_, param) => FIXED_VALUES.forEach((_v, value) => fixed.push({ kind: "value", fn, param, value, long })));
    }
    if (entry.spill) entry.params.forEach((_, param) => ENGINE_FIXED_VALUES.forEach((_v, value) => fixed.push({ kind: "engineValue", fn, param, value })));
    if (!options.huge) return;
    const ranges = entry.params.map((_, i) => i).filter((i) => takesRange(roleOf(entry, i)));
    if (ranges.length === 0) return; // nothing to make huge
    if (options.hugeAll) {
      fixed.push({ kind: "tallWorld", fn }, { kind: "actorWorld", fn });
      for (const param of ranges) fixed.push({ kind: "wholeColumn", fn, param });
      return;
    }
    // One huge case per function, alternating down the list (each takes tens of milliseconds): a huge world
    // (130,000 years, or 100,000 actors where the function has something per actor) or a whole column.
    const perActor = entry.params.some((_, i) => ["actors", "shares", "table", "gainsTable"].includes(roleOf(entry, i)));
    if (fn % 2 === 0) fixed.push({ kind: perActor ? "actorWorld" : "tallWorld", fn });
    else fixed.push({ kind: "wholeColumn", fn, param: ranges[0] });
  });
  return { options, functions, fixed, total: fixed.length + options.calls + options.engineCalls };
}

export type Task =
  | { kind: "call"; entry: FunctionEntry; args: Arg[]; label: string; excel: boolean }
  | { kind: "engine"; entry: FunctionEntry; formula: EngineFormula; label: string };

const HUGE_WORLD = {
  tallWorld: { n: 2, y: HUGE_ROWS },
  // 100,000 actors and one year: a split or a column of PVs is then just within the 100,000-cell result limit
  actorWorld: { n: HUGE_ACTORS, y: 1 },
} as const;
const hugeCache = new Map<string, Arg>();

/**
 * An argument of a huge world: ranges built once per (world, role) from a seed of their own and shared by
 * every function (they are only read), scalars from the task's generator.
 */
function hugeWorldArg(seed: number, kind: keyof typeof HUGE_WORLD, entry: FunctionEntry, i: number, rng: Rng): Arg {
  const role = roleOf(entry, i);
  const { n, y } = HUGE_WORLD[kind];
  const key = `${kind}|${role}`;
  let a = hugeCache.get(key);
  if (a === undefined && takesRange(role)) {
    a = hugeRange(role, n, y, taskSeed(seed, key.length * 7919 + role.charCodeAt(0) * 31 + kind.length)) ?? undefined;
    if (a !== undefined) hugeCache.set(key, a);
  }
  return a ?? generate(role, rng, cleanWorld(rng, Math.min(n, 3), Math.min(y, 10), true), entry, i);
}

/** Flattens a generated argument to the numbers at its top, for a whole-column version of it. */
function topCells(a: Arg): Cell[] {
  if (!Array.isArray(a)) return [a];
  return a.length === 1 ? a[0] : a.map((r) => r[0]);
}

export function makeTask(plan: Plan, index: number): Task {
  const rng = new Rng(taskSeed(plan.options.seed, index));
  const { fixed, functions } = plan;
  const excel = index % 8 === 7; // every 8th call as in Excel: errors thrown as CustomFunctions.Error
  if (index < fixed.length) {
    const f = fixed[index];
    const entry = functions[f.fn];
    switch (f.kind) {
      case "value": {
        // a short world, and a long one whose counts (periods, …) are its 60 years: −99.9999 % over 60 periods
        const w = f.long ? { ...cleanWorld(rng, rng.int(1, 3), 60, false), count: 60 } : cleanWorld(rng, rng.int(1, 3), rng.int(2, 8), false);
        const args = generateArgs(entry, rng, w);
        while (args.length < entry.params.length) args.push(undefined);
        args[f.param] = FIXED_VALUES[f.value];
        while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
        return { kind: "call", entry, args, label: `fixed: ${entry.params[f.param]} = ${showArgs([FIXED_VALUES[f.value]]).slice(1, -1)}`, excel };
      }
      case "engineValue": {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { formulaFor } = require("./engine-fuzz") as typeof import("./engine-fuzz");
        const formula = formulaFor(entry, rng, cleanWorld(rng, rng.int(1, 3), rng.int(2, 8), false), { param: f.param, value: ENGINE_FIXED_VALUES[f.value] });
        return { kind: "engine", entry, formula, label: "fixed formula" };
      }
      case "tallWorld":
      case "actorWorld": {
        // every parameter given (optional ones too), so that the call gets as far as it can
        const args = entry.params.map((_, i) => hugeWorldArg(plan.options.seed, f.kind, entry, i, rng));
        return { kind: "call", entry, args, label: `fixed: ${f.kind === "tallWorld" ? `${HUGE_ROWS} years` : `${HUGE_ACTORS} actors`}`, excel };
      }
      case "wholeColumn": {
        const w = cleanWorld(rng, rng.int(1, 3), rng.int(3, 10), true);
        const args = entry.params.map((p, i) => (isOptional(p) && rng.chance(0.5) ? undefined : generate(roleOf(entry, i), rng, w, entry, i)));
        args[f.param] = wholeColumn(topCells(generate(roleOf(entry, f.param), rng, w, entry, f.param)), w.blank as 0 | null | "");
        return { kind: "call", entry, args, label: `fixed: ${entry.params[f.param]} = whole column`, excel };
      }
    }
  }
  const k = index - fixed.length;
  if (k < plan.options.calls) {
    const entry = functions[k % functions.length];
    return { kind: "call", entry, args: generateArgs(entry, rng, randomWorld(rng)), label: "random", excel };
  }
  const entry = functions[(k - plan.options.calls) % functions.length];
  // required lazily: only engine tasks load the formula engine
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formulaFor } = require("./engine-fuzz") as typeof import("./engine-fuzz");
  const w = randomWorld(rng);
  w.n = Math.min(w.n, 6);
  w.y = Math.min(w.y, 24);
  return { kind: "engine", entry, formula: formulaFor(entry, rng, w), label: "formula" };
}

/** The task's input for a message. */
export function showTask(task: Task): string {
  if (task.kind === "call") return `${task.label}${task.excel ? " (as Excel)" : ""}: SOCINV.${task.entry.id}${showArgs(task.args)}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { showFormula } = require("./engine-fuzz") as typeof import("./engine-fuzz");
  return showFormula(task.formula);
}

/** A stand-in for Excel's CustomFunctions.Error, so the runtime's Excel path runs too. */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const FAKE_CUSTOM_FUNCTIONS = {
  Error: FakeCustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    invalidNumber: "#NUM!",
    divisionByZero: "#DIV/0!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    notAvailableYet: "#BUSY!",
  },
};

export interface TaskResult extends CallOutcome {
  fn: string;
  engine: boolean;
}

export function runTask(plan: Plan, index: number, hangMs: number): TaskResult {
  const task = makeTask(plan, index);
  if (task.kind === "engine") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { engineOutcome, showFormula } = require("./engine-fuzz") as typeof import("./engine-fuzz");
    const r = engineOutcome(task.formula);
    const problems = r.ms > hangMs ? [{ cls: "hang" as const, detail: `took ${Math.round(r.ms)} ms (bound ${hangMs} ms)` }, ...r.problems] : r.problems;
    const input = problems.length ? showFormula(task.formula) : "";
    const findings: Finding[] = problems.map((p) => ({ ...p, fn: `${task.entry.id} (engine)`, index, input, ms: r.ms }));
    const returned = !(typeof r.value === "string" && r.value.startsWith("#"));
    return { fn: task.entry.id, engine: true, returned, errorId: returned ? undefined : String(r.value), ms: r.ms, findings };
  }
  const g = globalThis as { CustomFunctions?: unknown };
  if (task.excel) g.CustomFunctions = FAKE_CUSTOM_FUNCTIONS;
  let outcome: CallOutcome;
  try {
    outcome = checkCall(task.entry, task.args, index, hangMs, task.excel ? FakeCustomFunctionsError : undefined);
  } finally {
    if (task.excel) delete g.CustomFunctions;
  }
  if (outcome.findings.length) {
    const input = showTask(task);
    outcome.findings.forEach((f) => (f.input = input));
  }
  return { fn: task.entry.id, engine: false, ...outcome };
}
