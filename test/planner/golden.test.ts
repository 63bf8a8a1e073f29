/**
 * Golden files: one folder per case in test/planner/golden/, found by listing the folder.
 *
 *   <case>/input.json             what to build (see GoldenInput)
 *   <case>/expected.json          the plan, in the text form of golden-text.ts (cells one per line), or
 *   <case>/expected-refusal.json  the refusal: the step that refused, the message id and both texts
 *
 * On a mismatch the test writes <case>/actual.json (git-ignored) beside the expected file and fails saying
 * where; `UPDATE_GOLDEN=1 npx jest test/planner/golden` rewrites the expected files instead. A new case
 * folder with only input.json gets its expected file written, and fails once so that it is reviewed.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readBudget } from "../../src/planner/budget";
import type { FormulaStyle, Lang, ModelInputs, TemplateId } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, SampleSheet, sampleSnapshot } from "../../src/planner/samples";
import { goldenText } from "./golden-text";

const DIR = join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** A case's input.json. */
interface GoldenInput {
  /** The sample to start from: its workbook, the block it selects and its inputs (src/planner/samples.ts). */
  template?: TemplateId;
  /** The full inputs, instead of the sample's. */
  inputs?: ModelInputs;
  /** Fields that replace those of the inputs. */
  overrides?: Partial<ModelInputs>;
  formulaStyle?: FormulaStyle;
  language?: Lang;
  /** A budget sheet of the case's own and the block to read, instead of the sample's; null for no budget block. */
  budget?: { sheet: SampleSheet; address: string } | null;
}

/** What a case produced: the plan's golden text, or a refusal. */
type Outcome = { kind: "plan"; text: string } | { kind: "refusal"; text: string };

/** A refusal as the golden holds it: which step refused, the message id and both texts. */
function refusalText(step: "readBudget" | "planModel", error: { id: string; sv: string; en: string }): string {
  return JSON.stringify({ step, id: error.id, sv: error.sv, en: error.en }, null, 2) + "\n";
}

/** Builds a case: reads its budget block, then plans the model. */
function run(input: GoldenInput): Outcome {
  const sample = input.template ? SAMPLES.find((s) => s.id === input.template) : undefined;
  if (input.template && !sample) throw new Error(`No sample for the template ${input.template}`);
  const base = input.inputs ?? sample?.inputs;
  if (!base) throw new Error("input.json needs a template or inputs");
  const inputs: ModelInputs = { ...base, ...input.overrides };
  if (input.formulaStyle) inputs.formulaStyle = input.formulaStyle;
  if (input.language) inputs.language = input.language;

  const workbook = input.budget ? { sheets: [input.budget.sheet] } : sample?.workbook;
  const selection = input.budget ? { sheet: input.budget.sheet.name, address: input.budget.address } : sample?.selection;
  let block = null;
  if (input.budget !== null && workbook && selection) {
    const read = readBudget(sampleSnapshot(workbook, selection.sheet, selection.address));
    if (!read.ok) return { kind: "refusal", text: refusalText("readBudget", read.error) };
    block = read.block;
  }
  const r = planModel(inputs, block, { sheetNames: workbook?.sheets.map((x) => x.name) ?? [], names: [] });
  if (!r.ok) return { kind: "refusal", text: refusalText("planModel", r.error) };
  const text = goldenText(r.plan);
  JSON.parse(text); // the golden text is valid JSON
  return { kind: "plan", text };
}

const FILES = { plan: "expected.json", refusal: "expected-refusal.json" } as const;

/** The first line where two texts differ, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const e = expected.split("\n");
  const a = actual.split("\n");
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const cut = (s: string | undefined) => (s === undefined ? "(end of file)" : s.length > 300 ? s.slice(0, 300) + "…" : s);
  return `line ${i + 1}\n  expected: ${cut(e[i])}\n  actual:   ${cut(a[i])}`;
}

const cases = readdirSync(DIR)
  .filter((name) => statSync(join(DIR, name)).isDirectory())
  .sort();

describe("golden plans", () => {
  test("the folder holds cases", () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const name of cases) expect(existsSync(join(DIR, name, "input.json"))).toBe(true);
  });

  test.each(cases)("%s", (name) => {
    const folder = join(DIR, name);
    const input = JSON.parse(readFileSync(join(folder, "input.json"), "utf8")) as GoldenInput;
    const outcome = run(input);
    const expectedPath = join(folder, FILES[outcome.kind]);
    const otherPath = join(folder, FILES[outcome.kind === "plan" ? "refusal" : "plan"]);
    const actualPath = join(folder, "actual.json");
    const hasExpected = existsSync(expectedPath) || existsSync(otherPath);

    if (UPDATE || !hasExpected) {
      writeFileSync(expectedPath, outcome.text);
      rmSync(otherPath, { force: true });
      rmSync(actualPath, { force: true });
      if (!UPDATE) throw new Error(`${relative(process.cwd(), expectedPath)} was missing and has been written; review it and run again`);
      return;
    }
    const expected = existsSync(expectedPath) ? readFileSync(expectedPath, "utf8") : null;
    if (expected === outcome.text) {
      rmSync(actualPath, { force: true });
      return;
    }
    writeFileSync(actualPath, outcome.text);
    const shown = relative(process.cwd(), existsSync(expectedPath) ? expectedPath : otherPath);
    const what =
      expected === null
        ? `the case expects ${outcome.kind === "plan" ? "a refusal" : "a plan"} (${shown}) but gave ${outcome.kind === "plan" ? "a plan" : "a refusal"}`
        : `${shown} differs at ${firstDifference(expected, outcome.text)}`;
    throw new Error(
      `Golden case ${name}: ${what}\n` +
        `What the planner gives now is in ${relative(process.cwd(), actualPath)} (compare: diff ${shown} ${relative(process.cwd(), actualPath)}).\n` +
        `If the change is intended: UPDATE_GOLDEN=1 npx jest test/planner/golden`,
    );
  });
});
