/**
 * npm run bench: every bench/*.bench.ts file exports `benchmarks`; each is run with its baseline in this
 * process and printed with the ratio. `--json` prints the results as JSON too (for closing notes).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { BenchCase, BenchResult, formatResult, runCaseAsync } from "./harness";

async function main(): Promise<void> {
  const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  const results = [];
  for (const f of files) {
    const mod = (await import(join(__dirname, f))) as {
      benchmarks?: BenchCase[];
      run?: () => Promise<BenchCase[]>;
      /** A summary of the file's results (e.g. limits.bench.ts: slowest first). */
      report?: (results: BenchResult[]) => string;
    };
    const cases = mod.benchmarks ?? (mod.run ? await mod.run() : []);
    const fileResults: BenchResult[] = [];
    for (const c of cases) {
      if (filter && !c.name.toLowerCase().includes(filter.toLowerCase())) continue;
      const r = await runCaseAsync(c);
      results.push(r);
      fileResults.push(r);
      console.log(formatResult(r));
    }
    if (mod.report && fileResults.length > 0) console.log(mod.report(fileResults));
  }
  if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
