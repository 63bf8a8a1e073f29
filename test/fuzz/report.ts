/**
 * Tallies of a fuzz run (per function and per failure group), their text summary, and the messages between
 * the worker and the main thread. Plain data and no imports, so that the main thread (and the jest test)
 * loads none of src/.
 */

export interface PlanOptions {
  seed: number;
  /** Random direct calls. */
  calls: number;
  /** Random formulas through the formula engine. */
  engineCalls: number;
  /** Include the huge inputs (130,000-cell and 1,048,576-row ranges). */
  huge: boolean;
  /** Both huge worlds, and a whole-column reference in every range parameter (else one world and only the first). */
  hugeAll: boolean;
  /** Only these function ids (all when empty). */
  only?: string[];
}

/** The kinds of failure (what each means: see checks.ts and runner.ts). */
export type FindingClass = "escape" | "hang" | "killed" | "crash" | "nonFinite" | "badValue" | "internal" | "spill" | "inexactSplit" | "invariance" | "engine";

export const FINDING_CLASSES: readonly FindingClass[] = [
  "escape",
  "hang",
  "killed",
  "crash",
  "nonFinite",
  "badValue",
  "internal",
  "spill",
  "inexactSplit",
  "invariance",
  "engine",
];

export interface Finding {
  cls: FindingClass;
  /** Function id; "(engine)" is appended for a formula-engine task. */
  fn: string;
  /** Task index in the run (with the seed, enough to reproduce). */
  index: number;
  /** What the task was: its arguments, or its formula. */
  input: string;
  detail: string;
  ms?: number;
}

export const CLASS_TITLES: Record<FindingClass, string> = {
  escape: "escapes",
  hang: "hangs",
  killed: "killed (no answer within the hard limit)",
  crash: "crashes (the worker died)",
  nonFinite: "non-finite",
  badValue: "bad values",
  internal: "internal messages",
  spill: "spill mismatches",
  inexactSplit: "inexact splits",
  invariance: "invariance violations (trailing zeros, scale)",
  engine: "engine failures",
};

export interface FnStats {
  calls: number;
  /** Returned a value (for formulas: a value that is not an Excel error). */
  returned: number;
  /** Failed with an acceptable error. */
  errors: number;
  /** Calls with at least one finding. */
  failing: number;
  totalMs: number;
  maxMs: number;
  /** Acceptable errors by message id. */
  errorIds: Record<string, number>;
}

export interface Group {
  key: string;
  cls: FindingClass;
  fn: string;
  count: number;
  samples: Finding[];
}

export interface TallyData {
  perFn: Record<string, FnStats>;
  perFnEngine: Record<string, FnStats>;
  groups: Record<string, Group>;
}

export const SAMPLES_PER_GROUP = 3;

const emptyStats = (): FnStats => ({ calls: 0, returned: 0, errors: 0, failing: 0, totalMs: 0, maxMs: 0, errorIds: {} });

/** Failures that differ only in their numbers belong to one group. */
export function groupKey(f: Pick<Finding, "cls" | "fn" | "detail">): string {
  const signature = f.detail
    .replace(/"[^"]*"/g, '"…"')
    .replace(/-?\d[\d.,e+-]*/gi, "#")
    .slice(0, 120);
  return `${f.cls}|${f.fn}|${signature}`;
}

export class Tally implements TallyData {
  perFn: Record<string, FnStats> = {};
  perFnEngine: Record<string, FnStats> = {};
  groups: Record<string, Group> = {};

  addCall(fn: string, engine: boolean, returned: boolean, ms: number, findings: readonly Finding[], errorId?: string): void {
    const table = engine ? this.perFnEngine : this.perFn;
    const s = (table[fn] ??= emptyStats());
    s.calls++;
    if (returned) s.returned++;
    else s.errors++;
    if (errorId) s.errorIds[errorId] = (s.errorIds[errorId] ?? 0) + 1;
    if (findings.length) s.failing++;
    s.totalMs += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    for (const f of findings) this.addFinding(f, 1);
  }

  addFinding(f: Finding, count: number): void {
    const key = groupKey(f);
    const g = (this.groups[key] ??= { key, cls: f.cls, fn: f.fn, count: 0, samples: [] });
    g.count += count;
    if (g.samples.length < SAMPLES_PER_GROUP) g.samples.push(f);
  }

  merge(d: TallyData): void {
    for (const [target, source] of [
      [this.perFn, d.perFn],
      [this.perFnEngine, d.perFnEngine],
    ] as const) {
      for (const [fn, s] of Object.entries(source)) {
        const t = (target[fn] ??= emptyStats());
        t.calls += s.calls;
        t.returned += s.returned;
        t.errors += s.errors;
        t.failing += s.failing;
        t.totalMs += s.totalMs;
        t.maxMs = Math.max(t.maxMs, s.maxMs);
        for (const [id, n] of Object.entries(s.errorIds)) t.errorIds[id] = (t.errorIds[id] ?? 0) + n;
      }
    }
    for (const g of Object.values(d.groups)) {
      const t = (this.groups[g.key] ??= { key: g.key, cls: g.cls, fn: g.fn, count: 0, samples: [] });
      t.count += g.count;
      for (const s of g.samples) if (t.samples.length < SAMPLES_PER_GROUP) t.samples.push(s);
    }
  }

  data(): TallyData {
    return { perFn: this.perFn, perFnEngine: this.perFnEngine, groups: this.groups };
  }
}

export interface Report extends TallyData {
  options: PlanOptions & { hangMs: number; killMs: number };
  /** The registered functions the worker found (registry order). */
  functions: string[];
  tasks: number;
  fixedTasks: number;
  /** Fixed cases with a 130,000-year or 100,000-actor world or a whole column. */
  hugeTasks: number;
  wallMs: number;
  restarts: number;
}

export function counts(r: TallyData): Record<FindingClass, number> {
  const out = Object.fromEntries(Object.keys(CLASS_TITLES).map((c) => [c, 0])) as Record<FindingClass, number>;
  for (const g of Object.values(r.groups)) out[g.cls] += g.count;
  return out;
}

/** The command that re-runs one task of a run alone, printing its arguments and its outcome. */
export function reproCommand(o: PlanOptions, index: number): string {
  const flags = [`--seed ${o.seed}`, `--calls ${o.calls}`, `--engine ${o.engineCalls}`];
  flags.push(!o.huge ? "--no-huge" : o.hugeAll ? "--huge-all" : "--huge-first");
  if (o.only && o.only.length) flags.push(`--fn ${o.only.join(",")}`);
  return `npm run fuzz -- ${flags.join(" ")} --only ${index}`;
}

const num = (x: number): string => x.toLocaleString("en-US");

export function summaryLine(r: Report): string {
  const c = counts(r);
  const direct = Object.values(r.perFn).reduce((s, x) => s + x.calls, 0);
  const formulas = Object.values(r.perFnEngine).reduce((s, x) => s + x.calls, 0);
  return (
    `seed ${r.options.seed}: ${num(direct)} calls + ${num(formulas)} formulas in ${(r.wallMs / 1000).toFixed(1)} s; ` +
    `escapes ${c.escape}, hangs ${c.hang + c.killed + c.crash}, non-finite ${c.nonFinite}, internal messages ${c.internal}, ` +
    `bad values ${c.badValue}, spill ${c.spill}, inexact splits ${c.inexactSplit}, invariance ${c.invariance}, engine ${c.engine}`
  );
}

/** The failure groups as text: class, function, count, detail, and samples with the command to re-run each. */
export function formatGroups(groups: readonly Group[], options: PlanOptions): string {
  const lines: string[] = [];
  for (const g of [...groups].sort((a, b) => a.cls.localeCompare(b.cls) || a.fn.localeCompare(b.fn) || b.count - a.count)) {
    lines.push(`[${g.cls}] ${g.fn} ×${g.count}: ${g.samples[0]?.detail ?? ""}`);
    for (const s of g.samples) {
      lines.push(`    task ${s.index}${s.ms !== undefined ? `, ${s.ms.toFixed(1)} ms` : ""}: ${s.input}`);
      if (s.detail !== g.samples[0].detail) lines.push(`      ${s.detail}`);
      lines.push(`      re-run: ${reproCommand(options, s.index)}`);
    }
  }
  return lines.join("\n");
}

/** With `verbose`, also the errors each function answered with (message ids), to see what the generators reach. */
export function formatReport(r: Report, verbose = false): string {
  const c = counts(r);
  const o = r.options;
  const out: string[] = [];
  out.push(
    `SOCINV fuzz — seed ${o.seed}, ${num(r.tasks)} tasks (${num(r.fixedTasks)} fixed cases, ${num(o.calls)} random calls, ${num(o.engineCalls)} formulas), huge inputs ${o.huge ? `${num(r.hugeTasks)} cases${o.hugeAll ? " (all range parameters)" : ""}` : "OFF"}`,
  );
  out.push(`time ${(r.wallMs / 1000).toFixed(1)} s, hang bound ${o.hangMs} ms, hard limit ${o.killMs} ms, worker restarts ${r.restarts}`);
  out.push("");
  for (const cls of Object.keys(CLASS_TITLES) as FindingClass[]) out.push(`  ${CLASS_TITLES[cls].padEnd(42)} ${num(c[cls])}`);
  out.push("");
  out.push(
    `${"function".padEnd(18)} ${"calls".padStart(8)} ${"returned".padStart(9)} ${"errors".padStart(8)} ${"max ms".padStart(8)} ${"failing".padStart(8)} │ ${"formulas".padStart(8)} ${"values".padStart(7)} ${"failing".padStart(8)}`,
  );
  for (const fn of r.functions) {
    const s = r.perFn[fn] ?? emptyStats();
    const e = r.perFnEngine[fn] ?? emptyStats();
    out.push(
      `${fn.padEnd(18)} ${num(s.calls).padStart(8)} ${num(s.returned).padStart(9)} ${num(s.errors).padStart(8)} ${s.maxMs.toFixed(1).padStart(8)} ${num(s.failing).padStart(8)} │ ${num(e.calls).padStart(8)} ${num(e.returned).padStart(7)} ${num(e.failing).padStart(8)}`,
    );
    if (verbose) {
      const top = Object.entries(s.errorIds).sort((a, b) => b[1] - a[1]);
      out.push(`    errors: ${top.map(([id, n]) => `${id} ${n}`).join(", ") || "none"}`);
    }
  }
  const groups = Object.values(r.groups);
  if (groups.length) {
    out.push("");
    out.push(`${groups.length} failure group(s):`);
    out.push(formatGroups(groups, o));
  }
  out.push("");
  out.push(summaryLine(r));
  return out.join("\n");
}

// ---- The worker protocol (worker.ts ↔ runner.ts) ----

export interface WorkerInput {
  plan: PlanOptions;
  hangMs: number;
  from: number;
  skip: number[];
  /** Tasks to describe (build and show, not run): the ones that hung or crashed in a previous worker. */
  describe: number[];
  /** Int32 [task index, running flag], then Float64 start time (Date.now()). */
  shared: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: "hello"; functions: string[]; total: number; fixed: number; huge: number }
  | { type: "described"; index: number; fn: string; engine: boolean; input: string }
  | { type: "chunk"; upTo: number; tally: TallyData }
  | { type: "done" };
