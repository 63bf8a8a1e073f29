/**
 * The fuzz plan `npm test` runs (test/fuzz/fuzz.test.ts) and `npm run fuzz -- --ci` repeats: a fixed seed
 * and a fixed number of calls, sized to take a few seconds. FUZZ_SEED overrides the seed, FUZZ_NO_HUGE=1
 * leaves out the huge inputs while working on something else (the real run includes them).
 */
export const CI_PLAN = {
  seed: 20260611,
  calls: 10_000,
  engineCalls: 400,
  huge: true,
  hugeAll: false,
  hangMs: 2000,
  killMs: 4000,
};
