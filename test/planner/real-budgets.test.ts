/**
 * Real budgets, as municipalities publish them (test/planner/real-budgets-data.ts): a kommun's driftbudget per
 * nämnd in mnkr with blank rows between the nämnder, a socialnämnd's budget in tkr pasted from a web page with
 * its total at the top, and an årsredovisning's driftredovisning with negative costs and each nämnd's total
 * above its rows. Each workbook is read from one selected cell, as the pane reads it, and one model is built
 * on it; its net present value is checked against a hand calculation written out below.
 */
import { guessActorFor } from "../../src/planner/actor-guess";
import { BudgetBlock, readBudget } from "../../src/planner/budget";
import { findBlock } from "../../src/planner/budget-find";
import { computeModel } from "../../src/planner/compute";
import { BUILTIN_ACTORS, ModelInputs, RowChoice, defaultInputs } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import { resolveModel } from "../../src/planner/resolve";
import { SampleWorkbook, sampleSnapshot } from "../../src/planner/samples";
import { RangeSnapshot, sliceSnapshot } from "../../src/planner/snapshot";
import { assignableRows, guessActor, withBlock } from "../../src/taskpane/model";
import { evaluatePlan } from "./engine";
import { KOMMUN, KOMMUN_NAMNDER, KOMMUN_ROWS, KOMMUN_SHEET, REDOVISNING, REDOVISNING_ROWS, REDOVISNING_SHEET, SOCIAL, SOCIAL_SHEET } from "./real-budgets-data";

/** What the pane reads from one selected cell (A1, 1-based row): the block around it, with the title rows above as context. */
function readAround(wb: SampleWorkbook, sheet: string, cell: string): { snap: RangeSnapshot; block: BudgetBlock } {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const window = sampleSnapshot(wb, sheet, `A1:H${s.cells.length + 3}`);
  const m = /^([A-Z])(\d+)$/.exec(cell)!;
  const f = findBlock(window, { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 }, s.cells.length - 1);
  const snap = { ...sliceSnapshot(window, f.box), found: f.search };
  // The pane's contextAbove: the text of the rows just above the block.
  const contextText = s.cells
    .slice(Math.max(0, f.box.row - 6), f.box.row)
    .flat()
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const r = readBudget(snap, { contextText });
  if (!r.ok) throw new Error(r.error.en);
  return { snap, block: r.block };
}

const rowAt = (b: BudgetBlock, sheetRow1: number) => b.rows.find((r) => r.sheetRow === sheetRow1 - 1)!;

/** Inputs for a model on a block: the pane's row choices after reading, then the given rows chosen. */
function model(block: BudgetBlock, choose: Array<Partial<RowChoice> & { sheetRow1: number }>, patch: Partial<ModelInputs>): ModelInputs {
  const base = withBlock({ ...defaultInputs("sv"), title: "Modell" }, block);
  const rows = base.rows.map((c) => {
    const x = choose.find((y) => y.sheetRow1 - 1 === c.sheetRow);
    if (!x) return c;
    const { sheetRow1: _, ...rest } = x;
    return { ...c, after: "zero" as const, ...rest };
  });
  return { ...base, rows, ...patch };
}

function npvOf(inputs: ModelInputs, block: BudgetBlock): number {
  const r = computeModel(inputs, block);
  if (!r.ok) throw new Error(r.error.en);
  return r.result.npv;
}

/** The model sheet's NPV, from the plan evaluated in the formula engine. */
function sheetNpv(inputs: ModelInputs, block: BudgetBlock, wb: SampleWorkbook): number {
  const planned = planModel(inputs, block, { sheetNames: wb.sheets.map((s) => s.name), names: [] });
  if (!planned.ok) throw new Error(planned.error.en);
  return evaluatePlan(planned.plan, wb).value(planned.keyCells.npv) as number;
}

describe("a kommun's driftbudget per nämnd (mnkr, blank rows between the nämnder)", () => {
  const sfs = KOMMUN_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")!;
  const { block } = readAround(KOMMUN, KOMMUN_SHEET, `C${sfs}`);

  test("one cell gives the whole driftbudget; years, unit and sum rows are read", () => {
    expect(block.address).toBe(`A4:F${KOMMUN_ROWS.total}`);
    expect(block.years.map((y) => [y.year, y.kind])).toEqual([
      [2012, "bokslut"],
      [2013, "budget"],
      [2014, "budget"],
      [2015, "plan"],
      [2016, "plan"],
    ]);
    expect(block.unit).toBe("mnkr");
    expect(block.rows.filter((r) => r.kind === "sum").map((r) => r.sheetRow + 1)).toEqual([...KOMMUN_ROWS.sums, KOMMUN_ROWS.total]);
    expect(block.rows.filter((r) => r.kind === "heading")).toHaveLength(7);
  });

  test('"Politisk verksamhet" under seven nämnder is named with its nämnd, in the rows and in the model', () => {
    const pv = block.rows.filter((r) => r.label.endsWith("Politisk verksamhet")).map((r) => r.label);
    expect(pv).toEqual(KOMMUN_NAMNDER.map((n) => `${n.namnd} – Politisk verksamhet`));
    expect(new Set(assignableRows(block).map((r) => r.label)).size).toBe(assignableRows(block).length);
    // A label that appears once keeps its own name.
    expect(rowAt(block, sfs).label).toBe("Försörjningsstöd");
    const row = KOMMUN_ROWS.byLabel.get("Socialnämnden – Politisk verksamhet")!;
    const inputs = model(block, [{ sheetRow1: row, role: "cost", actor: "son", share: 1 }], { startYear: 2014, horizon: 3 });
    expect(inputs.rows.find((c) => c.sheetRow === row - 1)!.label).toBe("Socialnämnden – Politisk verksamhet");
    const planned = planModel(inputs, block, { sheetNames: [KOMMUN_SHEET], names: [] });
    if (!planned.ok) throw new Error(planned.error.en);
    const texts = planned.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).filter((c): c is string => typeof c === "string");
    expect(texts).toContain("Socialnämnden – Politisk verksamhet");
    expect(texts).not.toContain("Politisk verksamhet");
  });

  test("an investment line is not offered as a drift amount", () => {
    const inv = rowAt(block, KOMMUN_ROWS.investment);
    expect(inv).toMatchObject({ kind: "nonAmount", nonAmount: "investment", label: "Investeringsutgifter" });
    expect(assignableRows(block)).not.toContain(inv);
    expect(block.notes.find((n) => n.id === "nonAmountRows")?.sv).toMatch(
      /^1 rad är inte ett driftbelopp i budgetens enhet .*"Investeringsutgifter" \(investering\)/,
    );
    // Not one of the Summa row's parts either: the Summa row still adds up without it.
    expect(rowAt(block, KOMMUN_ROWS.sums[5]).kind).toBe("sum");
  });

  test("actors from the nämnd headings; a nämnd not among the actors gets none (and is proposed), never barn- och utbildningsnämnden", () => {
    const actorOf = (label: string) => guessActor(rowAt(block, KOMMUN_ROWS.byLabel.get(label)!), BUILTIN_ACTORS);
    expect(actorOf("Kommunstyrelsen – Räddningstjänst")).toBe("ks");
    expect(actorOf("Barn- och utbildningsnämnden – Grundskola")).toBe("bun");
    expect(actorOf("Socialnämnden – Försörjningsstöd")).toBe("son");
    expect(actorOf("Kultur- och fritidsnämnden – Bibliotek")).toBe("kfn");
    for (const n of ["Vård- och omsorgsnämnden", "Tekniska nämnden", "Miljö- och byggnadsnämnden"]) {
      const row = rowAt(block, KOMMUN_ROWS.byLabel.get(`${n} – Politisk verksamhet`)!);
      expect([n, guessActor(row, BUILTIN_ACTORS)]).toEqual([n, ""]);
      expect(guessActorFor({ label: row.label, group: row.group }, BUILTIN_ACTORS)).toMatchObject({ actor: null, missing: n, from: "group" });
    }
    // The summary row of all nämnder points at no one.
    expect(guessActor(rowAt(block, KOMMUN_ROWS.total), BUILTIN_ACTORS)).toBe("");
  });

  test("a model on it: the NPV is the hand calculation", () => {
    const project = KOMMUN_ROWS.byLabel.get("Socialnämnden – Social investering: Familjecentral (projekt)")!;
    const placements = KOMMUN_ROWS.byLabel.get("Socialnämnden – Institutionsplaceringar barn och unga")!;
    const inputs = model(
      block,
      [
        { sheetRow1: project, role: "cost", actor: "son", share: 1 },
        { sheetRow1: placements, role: "gain", actor: "son", share: 0.05 },
      ],
      { startYear: 2014, horizon: 3 },
    );
    // 2014–2016 in kr: costs 2,5, 2,5 and 1,0 mnkr; gains 5 % of 39,5, 38,0 and 36,5 mnkr = 1 975 000, 1 900 000, 1 825 000.
    // Net −525 000, −600 000, 825 000, discounted at 3,5 % from the end of each year.
    const hand = -525000 / 1.035 - 600000 / 1.035 ** 2 + 825000 / 1.035 ** 3;
    expect(hand).toBeCloseTo(-323250.06, 1);
    expect(npvOf(inputs, block)).toBeCloseTo(hand, 6);
    expect(sheetNpv(inputs, block, KOMMUN)).toBeCloseTo(hand, 6);
  });
});

describe("a socialnämnd's budget pasted from a web page (tkr, text, the total at the top)", () => {
  const { block } = readAround(SOCIAL, SOCIAL_SHEET, "B8");

  test("one warning for all the amounts that are text, naming their cells; the key figures are not amounts", () => {
    expect(block.address).toBe("A4:F16");
    expect(block.unit).toBe("tkr");
    const text = block.notes.filter((n) => n.id === "textNumbers");
    expect(text).toHaveLength(1);
    expect(text[0].sv).toMatch(/^33 belopp var text och lästes som tal: B5:F10, D11:F11 \(t\.ex\. "223\u00a0450"\)\. Modellen kopierar värdena/);
    expect(text[0].en).toMatch(/^33 amounts were text and were read as numbers: B5:F10, D11:F11/);
    expect(block.notes.filter((n) => n.id === "unreadable" || n.id === "textNumber")).toEqual([]);
    expect(block.notes.find((n) => n.id === "dashZeros")?.sv).toBe("2 celler med bara ett streck (B11:C11) lästes som 0.");
    // Rows that are not drift amounts: two counts, a percentage and an investment, none offered.
    expect(block.rows.filter((r) => r.kind === "nonAmount").map((r) => [r.label, r.nonAmount])).toEqual([
      ["Antal årsarbetare", "count"],
      ["Antal platser HVB", "count"],
      ["Andel av kommunens nettokostnad, %", "percent"],
      ["Investeringar", "investment"],
    ]);
    expect(assignableRows(block).map((r) => r.label)).not.toEqual(expect.arrayContaining(["Antal årsarbetare"]));
    expect(assignableRows(block)).toHaveLength(7);
  });

  test("the total at the top is a sum row: choosing it with a row under it is not silent", () => {
    expect(rowAt(block, 5)).toMatchObject({ kind: "sum", sumReason: "label", sumPlace: "above" });
    const inputs = model(
      block,
      [
        { sheetRow1: 5, role: "gain", actor: "son", share: 0.01 },
        { sheetRow1: 9, role: "gain", actor: "son", share: 0.04 },
      ],
      { startYear: 2015, horizon: 3 },
    );
    expect(resolveModel(inputs, block).notes.map((n) => n.id)).toContain("sumRowChosen");
  });

  test("actors from the sheet's title (a sheet named for Socialnämnden)", () => {
    for (const r of assignableRows(block)) expect([r.label, guessActor(r, BUILTIN_ACTORS)]).toEqual([r.label, "son"]);
    expect(guessActorFor({ label: "Nämnd och förvaltningsledning", group: null, sheet: SOCIAL_SHEET }, BUILTIN_ACTORS)).toMatchObject({
      actor: "son",
      sure: true,
      from: "title",
    });
  });

  test("the model copies the text amounts and says so; its NPV is the hand calculation", () => {
    const inputs = model(
      block,
      [
        { sheetRow1: 11, role: "cost", actor: "son", share: 1 },
        { sheetRow1: 9, role: "gain", actor: "son", share: 0.04 },
      ],
      { startYear: 2015, horizon: 3 },
    );
    const m = resolveModel(inputs, block);
    const copied = m.notes.find((n) => n.id === "textCopied")!;
    expect(copied.sv).toBe(
      "6 belopp i modellen är kopierade från celler med text (D9:F9, D11:F11) och följer inte ändringar i dem. Skriv in dem som tal och bygg om modellen.",
    );
    expect(m.costLines[0].sourceText).toBe("Kopierade värden (D11:F11) av 'Socialnämnden'!B11:F11");
    expect(m.gainLines[0].cells.every((c) => c.kind === "const")).toBe(true);
    const planned = planModel(inputs, block, { sheetNames: [SOCIAL_SHEET], names: [] });
    if (!planned.ok) throw new Error(planned.error.en);
    const cells = planned.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat())).filter((c): c is string => typeof c === "string");
    // No formula refers to a text cell as if it were live; the source column says the values are copies.
    expect(cells.filter((c) => c.startsWith("=") && c.includes("Socialnämnden'!"))).toEqual([]);
    expect(cells).toContain("Kopierade värden (D9:F9) av 'Socialnämnden'!B9:F9");
    // 2015–2017 in kr: costs 1 200, 1 200, 600 tkr; gains 4 % of 40 500, 39 000, 37 600 tkr = 1 620 000, 1 560 000, 1 504 000.
    // Net 420 000, 360 000, 904 000 at 3,5 %.
    const hand = 420000 / 1.035 + 360000 / 1.035 ** 2 + 904000 / 1.035 ** 3;
    expect(hand).toBeCloseTo(1557217.16, 1);
    expect(npvOf(inputs, block)).toBeCloseTo(hand, 6);
    expect(sheetNpv(inputs, block, SOCIAL)).toBeCloseTo(hand, 6);
  });
});

describe("an årsredovisning's driftredovisning (mnkr, costs negative, each nämnd's total above its rows)", () => {
  const { block } = readAround(REDOVISNING, REDOVISNING_SHEET, "B13");
  const sfs = REDOVISNING_ROWS.byLabel.get("Socialnämnden – Försörjningsstöd")!;
  const project = REDOVISNING_ROWS.byLabel.get("Socialnämnden – Sociala investeringar (projekt)")!;

  test("each nämnd's total typed above its rows is a sum row (4 of 4), its rows are that nämnd's", () => {
    const totals = REDOVISNING_ROWS.totals.map((r) => rowAt(block, r));
    expect(totals.map((t) => [t.label, t.kind, t.sumReason, t.sumPlace])).toEqual(
      ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Tekniska nämnden"].map((n) => [n, "sum", "arithmetic", "above"]),
    );
    expect(rowAt(block, REDOVISNING_ROWS.grand)).toMatchObject({ kind: "sum", sumReason: "label" });
    expect(rowAt(block, sfs).group).toBe("Socialnämnden");
    expect(block.suggestedSign).toBe("costsNegative");
    expect(block.unit).toBe("mnkr");
    // Choosing the total and a row under it: the sum row is named (the plausibility checks name the double count).
    const inputs = model(
      block,
      [
        { sheetRow1: REDOVISNING_ROWS.totals[2], role: "gain", actor: "son", share: 0.01 },
        { sheetRow1: sfs, role: "gain", actor: "son", share: 0.05 },
      ],
      { startYear: 2012, horizon: 2 },
    );
    expect(resolveModel(inputs, block).notes.find((n) => n.id === "sumRowChosen")?.sv).toMatch(/Summaraden "Socialnämnden"/);
  });

  test('"Politisk verksamhet" is named with its nämnd; actors from the totals above the rows', () => {
    expect(block.rows.filter((r) => r.label.endsWith("Politisk verksamhet")).map((r) => r.label)).toEqual([
      "Kommunstyrelsen – Politisk verksamhet",
      "Barn- och utbildningsnämnden – Politisk verksamhet",
      "Socialnämnden – Politisk verksamhet",
      "Tekniska nämnden – Politisk verksamhet",
    ]);
    expect(guessActor(rowAt(block, sfs), BUILTIN_ACTORS)).toBe("son");
    expect(guessActor(rowAt(block, REDOVISNING_ROWS.totals[0]), BUILTIN_ACTORS)).toBe("ks");
    expect(guessActor(rowAt(block, REDOVISNING_ROWS.byLabel.get("Tekniska nämnden – Gata och park")!), BUILTIN_ACTORS)).toBe("");
  });

  test("Utfall 2013 and Budget 2013: both kept with their kind; the outturn by default, the budget when picked, never added", () => {
    expect(block.columns?.map((c) => `${c.letter} ${c.header} ${c.kind}`)).toEqual(["B Utfall 2012 bokslut", "C Budget 2013 budget", "D Utfall 2013 bokslut"]);
    expect(block.years.map((y) => y.letter)).toEqual(["B", "D"]);
    expect(block.sameYear).toEqual([expect.objectContaining({ year: 2013, chosen: "D", byDefault: "D", reason: "actuals" })]);
    expect(block.notes.find((n) => n.id === "ignoredColumns")?.sv).toMatch(/E "Avvikelse"/);

    const choose = [
      { sheetRow1: project, role: "cost" as const, actor: "son", share: 1 },
      { sheetRow1: sfs, role: "gain" as const, actor: "son", share: 0.05 },
    ];
    const outturn = model(block, choose, { startYear: 2012, horizon: 2 });
    const m = resolveModel(outturn, block);
    expect(m.gainLines[0].cells.map((c) => c.kind === "ref" && c.address)).toEqual([`B${sfs}`, `D${sfs}`]);
    expect(m.notes.find((n) => n.id === "yearColumnUsed")?.sv).toBe('För 2013 läser modellen kolumn D "Utfall 2013" (av C "Budget 2013", D "Utfall 2013").');
    // The sheet shows costs as negative numbers; the model flips them. In kr, 2012 and 2013 (outturn):
    // costs 1,5 and 1,8 mnkr; gains 5 % of 44,9 and 47,3 mnkr = 2 245 000 and 2 365 000; net 745 000 and 565 000.
    const handOutturn = 745000 / 1.035 + 565000 / 1.035 ** 2;
    expect(handOutturn).toBeCloseTo(1247240.31, 1);
    expect(npvOf(outturn, block)).toBeCloseTo(handOutturn, 6);
    expect(sheetNpv(outturn, block, REDOVISNING)).toBeCloseTo(handOutturn, 6);

    const budget = { ...outturn, source: { ...outturn.source!, yearColumns: [{ year: 2013, column: "C" }] } };
    const mb = resolveModel(budget, block);
    expect(mb.gainLines[0].cells.map((c) => c.kind === "ref" && c.address)).toEqual([`B${sfs}`, `C${sfs}`]);
    expect(mb.costLines[0].sourceText).toBe(`'Driftredovisning'!B${project}:C${project}`);
    // Budget 2013: cost 2,0 mnkr, gain 5 % of 46,0 mnkr = 2 300 000; net 300 000.
    const handBudget = 745000 / 1.035 + 300000 / 1.035 ** 2;
    expect(handBudget).toBeCloseTo(999859.99, 1);
    expect(npvOf(budget, block)).toBeCloseTo(handBudget, 6);
    expect(sheetNpv(budget, block, REDOVISNING)).toBeCloseTo(handBudget, 6);

    // A pick that no longer exists falls back to the default, with a warning.
    const stale = { ...outturn, source: { ...outturn.source!, yearColumns: [{ year: 2013, column: "Q" }] } };
    expect(resolveModel(stale, block).notes.find((n) => n.id === "yearPickMissing")?.en).toBe(
      "Column Q, chosen for 2013, is no longer one of the year's columns; D is used. Choose the column for 2013 again.",
    );
  });
});
