/**
 * npm run -s calc -- "<formula>"      evaluates one Excel formula (English syntax) and prints one JSON value
 * npm run -s calc -- --stdin          reads one formula per line, prints one JSON line per formula
 *
 * The value is a number, a string, a boolean, a 2-D array for a spill, or an Excel error string such as "#N/A".
 * With --explain, errors print {"error":"#N/A","message":"…"} instead, to show the Swedish/English message.
 */
import { createInterface } from "node:readline";
import { createEngine, evaluateFormula } from "../src/engine/formula-engine";

function main(argv: string[]): number {
  const explain = argv.includes("--explain");
  const rest = argv.filter((a) => a !== "--explain");
  const engine = createEngine();
  const print = (formula: string): void => {
    try {
      const r = evaluateFormula(formula, {}, engine);
      const isError = typeof r.value === "string" && r.value.startsWith("#") && r.message !== undefined;
      process.stdout.write(JSON.stringify(explain && isError ? { error: r.value, message: r.message } : r.value) + "\n");
    } catch (e) {
      process.stdout.write(JSON.stringify("#VALUE!") + "\n");
      process.stderr.write(`calc: ${(e as Error).message}\n`);
    }
  };
  if (rest[0] === "--stdin") {
    const rl = createInterface({ input: process.stdin });
    rl.on("line", (line) => {
      if (line.trim() !== "") print(line);
    });
    return 0;
  }
  if (rest.length !== 1) {
    process.stderr.write('usage: npm run -s calc -- "=SOCINV.NPV(0.035,{100,100,100},1)"   or   --stdin\n');
    return 2;
  }
  print(rest[0]);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
