/**
 * npm run fuzz                          long run: 200,000 random calls + 10,000 formulas, a random seed
 * npm run fuzz -- --calls 50000 --seed 7 --engine 2000
 * npm run fuzz -- --no-huge             without the 130,000-cell and 1,048,576-row inputs
 *                  --huge-first          one huge case per function (as --ci), not all of them
 *                  --verbose             also the errors each function answered with (message ids)
 * npm run fuzz -- --fn SPLIT,NPV        only some functions
 * npm run fuzz -- <run's flags> --only 1234   re-run one task alone, in this process: its arguments and outcome
 * npm run fuzz -- --ci                  the same plan as the jest test (test/fuzz/fuzz.test.ts)
 *
 * Environment: FUZZ_CALLS, FUZZ_SEED, FUZZ_ENGINE_CALLS, FUZZ_NO_HUGE=1, FUZZ_FN (flags win).
 * Prints a summary (calls, time, escapes, hangs, non-finite, internal messages, per function) and every
 * failure group with samples and the command to re-run each; exits with 1 when anything failed.
 */
import { CI_PLAN } from "./ci-plan";
import { formatReport, counts } from "./report";
import { runFuzz } from "./runner";

function parse(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unknown argument ${a}`);
    const [name, inline] = a.slice(2).split("=", 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags.set(name, argv[++i]);
    else flags.set(name, "true");
  }
  return flags;
}

function intOf(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number ≥ 0 (got ${text})`);
  return n;
}

async function main(): Promise<number> {
  const flags = parse(process.argv.slice(2));
  const env = process.env;
  const ci = flags.has("ci");
  const base = ci
    ? CI_PLAN
    : { seed: (Date.now() ^ (process.pid << 16)) >>> 0, calls: 200_000, engineCalls: 10_000, huge: true, hugeAll: true, hangMs: 2000, killMs: 10_000 };
  const fn = flags.get("fn") ?? env.FUZZ_FN;
  const calls = intOf(flags.get("calls") ?? env.FUZZ_CALLS, base.calls, "--calls");
  const options = {
    ...base,
    seed: intOf(flags.get("seed") ?? env.FUZZ_SEED, base.seed, "--seed") >>> 0,
    calls,
    engineCalls: intOf(
      flags.get("engine") ?? env.FUZZ_ENGINE_CALLS,
      flags.has("calls") || env.FUZZ_CALLS ? Math.round(calls / 20) : base.engineCalls,
      "--engine",
    ),
    huge: !(flags.has("no-huge") || env.FUZZ_NO_HUGE === "1"),
    hugeAll: flags.has("huge-all") ? true : flags.has("huge-first") ? false : base.hugeAll,
    hangMs: intOf(flags.get("hang-ms"), base.hangMs, "--hang-ms"),
    killMs: intOf(flags.get("kill-ms"), base.killMs, "--kill-ms"),
    only: fn ? fn.split(",").map((s) => s.trim().toUpperCase()) : undefined,
  };

  if (flags.has("only")) {
    // One task, in this process: show it before running it, in case it never returns.
    const index = intOf(flags.get("only"), 0, "--only");
    const { FUNCTIONS } = await import("../../src/functions/registry");
    const { makePlan, makeTask, runTask } = await import("./tasks");
    const { showArgs } = await import("./generators");
    const plan = makePlan(FUNCTIONS, options);
    if (index >= plan.total) throw new Error(`--only ${index}: the plan has ${plan.total} tasks`);
    const task = makeTask(plan, index);
    if (task.kind === "call")
      process.stdout.write(`task ${index} (${task.label}${task.excel ? ", as Excel" : ""}): SOCINV.${task.entry.id}${showArgs(task.args, 20_000)}\n`);
    else process.stdout.write(`task ${index}: ${task.formula.formula}\n  data: ${JSON.stringify(task.formula.data).slice(0, 20_000)}\n`);
    const r = runTask(plan, index, options.hangMs);
    process.stdout.write(`${r.returned ? "returned" : "error"} in ${r.ms.toFixed(1)} ms\n`);
    for (const f of r.findings) process.stdout.write(`[${f.cls}] ${f.detail}\n`);
    if (!r.findings.length) process.stdout.write("no failure\n");
    return r.findings.length ? 1 : 0;
  }

  process.stdout.write(
    `fuzzing: seed ${options.seed}, ${options.calls.toLocaleString("en-US")} calls, ${options.engineCalls.toLocaleString("en-US")} formulas, huge inputs ${options.huge ? "on" : "off"}\n`,
  );
  const report = await runFuzz({ ...options, progress: (t) => process.stderr.write(t + "\n") });
  process.stdout.write(formatReport(report, flags.has("verbose")) + "\n");
  const c = counts(report);
  const missing = report.functions.filter((f) => !(report.perFn[f]?.calls > 0));
  if (missing.length) process.stdout.write(`functions without calls: ${missing.join(", ")}\n`);
  return Object.values(c).some((x) => x > 0) || missing.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
