/**
 * A tiny benchmark harness: each case runs a measured body and a plain-float baseline doing the same
 * arithmetic in the same process, and reports both and the ratio. Timings are medians of several rounds.
 */
export interface BenchCase {
  name: string;
  /** What one run does, e.g. "10,000 × SOCINV.NPV on 50 periods". */
  detail: string;
  run?: () => void;
  /**
   * For work that is measured elsewhere (e.g. inside a browser page): one run, resolving to the milliseconds
   * it measured. Used instead of `run` by runCaseAsync (bench/run.ts); `rounds` and the median apply the same way.
   */
  runAsync?: () => Promise<number>;
  /** Called once after the case's rounds (e.g. to close a browser). */
  teardown?: () => Promise<void>;
  /** The same work as a plain float loop, for the ratio. Omit when there is no meaningful baseline. */
  baseline?: () => void;
  /** Target in milliseconds for one run, if the issue sets one. */
  targetMs?: number;
  rounds?: number;
}

export interface BenchResult {
  name: string;
  detail: string;
  ms: number;
  baselineMs?: number;
  ratio?: number;
  targetMs?: number;
  meetsTarget?: boolean;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, rounds: number): number {
  fn(); // warm up (JIT)
  const ts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export function runCase(c: BenchCase): BenchResult {
  if (!c.run) throw new Error(`${c.name}: an async case; use runCaseAsync`);
  const rounds = c.rounds ?? 5;
  const ms = time(c.run, rounds);
  const baselineMs = c.baseline ? time(c.baseline, rounds) : undefined;
  return {
    name: c.name,
    detail: c.detail,
    ms,
    baselineMs,
    ratio: baselineMs ? ms / baselineMs : undefined,
    targetMs: c.targetMs,
    meetsTarget: c.targetMs === undefined ? undefined : ms < c.targetMs,
  };
}

/** Runs a case with `runAsync` (one warm-up, then the median of `rounds` measured runs), or a synchronous one as runCase does. */
export async function runCaseAsync(c: BenchCase): Promise<BenchResult> {
  if (!c.runAsync) return runCase(c);
  try {
    await c.runAsync(); // warm up (JIT, caches)
    const ts: number[] = [];
    for (let i = 0; i < (c.rounds ?? 5); i++) ts.push(await c.runAsync());
    const ms = median(ts);
    return { name: c.name, detail: c.detail, ms, targetMs: c.targetMs, meetsTarget: c.targetMs === undefined ? undefined : ms < c.targetMs };
  } finally {
    await c.teardown?.();
  }
}

export function formatResult(r: BenchResult): string {
  const parts = [`${r.name}: ${r.ms.toFixed(2)} ms`];
  if (r.baselineMs !== undefined) parts.push(`baseline ${r.baselineMs.toFixed(2)} ms`, `ratio ${r.ratio!.toFixed(1)}×`);
  if (r.targetMs !== undefined) parts.push(`target < ${r.targetMs} ms: ${r.meetsTarget ? "met" : "NOT met"}`);
  return `${parts.join(" | ")}\n    (${r.detail})`;
}
