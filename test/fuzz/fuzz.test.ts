/**
 * Fuzz test of every registered SOCINV function (src/functions/registry.ts), seeded and bounded by a call
 * budget (test/fuzz/ci-plan.ts): random and adversarial arguments as Excel and the formula engine pass them,
 * huge counts in every parameter, 130,000-cell and whole-column (1,048,576-row) ranges, and random formulas
 * through the formula engine. See test/fuzz/checks.ts for what each call must satisfy.
 *
 * The run happens in a worker thread watched by this one (test/fuzz/runner.ts), so a call that never returns
 * is reported with its arguments instead of stalling the test. A failure prints the function, the seed, the
 * task and its arguments, and `npm run fuzz -- … --only <task>` re-runs that task alone.
 *
 * FUZZ_SEED=<n> runs another seed; FUZZ_NO_HUGE=1 leaves out the huge inputs (for work in progress only);
 * FUZZ_VERBOSE=1 prints the whole summary. `npm run fuzz` is the long run.
 */
import { CI_PLAN } from "./ci-plan";
import { CLASS_TITLES, FINDING_CLASSES, FindingClass, Report, formatGroups, formatReport, summaryLine } from "./report";
import { runFuzz } from "./runner";

const options = {
  ...CI_PLAN,
  seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : CI_PLAN.seed,
  huge: process.env.FUZZ_NO_HUGE !== "1",
};

let report: Report;

beforeAll(async () => {
  report = await runFuzz(options);
  if (process.env.FUZZ_VERBOSE === "1") process.stdout.write(formatReport(report) + "\n");
}, 240_000);

describe(`fuzz (seed ${options.seed})`, () => {
  test("every registered function was called, directly and in formulas", () => {
    expect(report.functions.length).toBeGreaterThan(0);
    const without = report.functions.filter((fn) => !(report.perFn[fn]?.calls > 0) || !(report.perFnEngine[fn]?.calls > 0));
    expect(without).toEqual([]);
    // and most of them got past the argument checks at least sometimes, so the arithmetic was exercised
    const neverReturned = report.functions.filter((fn) => !(report.perFn[fn]?.returned > 0));
    expect(neverReturned).toEqual([]);
  });

  test("the huge inputs are part of the run", () => {
    if (!options.huge) return; // FUZZ_NO_HUGE=1: skipped on purpose
    expect(report.hugeTasks).toBeGreaterThanOrEqual(report.functions.length / 2);
  });

  const classes: FindingClass[] = [...FINDING_CLASSES];
  test.each(classes)("no %s", (cls) => {
    const groups = Object.values(report.groups).filter((g) => g.cls === cls);
    if (groups.length === 0) return;
    const total = groups.reduce((s, g) => s + g.count, 0);
    throw new Error(`${total} ${CLASS_TITLES[cls]} in ${groups.length} group(s) — ${summaryLine(report)}\n\n${formatGroups(groups, report.options)}`);
  });
});
