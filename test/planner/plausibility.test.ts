/**
 * Plausibility warnings (src/planner/plausibility.ts) on hand-made budget blocks, with the numbers in the
 * messages worked out by hand; the start year's default (inputs.ts defaultStartYear); the planner's refusal of
 * a chosen row without a share; and the warnings written under the model sheet's title.
 */
import fc from "fast-check";
import type { BudgetBlock, BudgetRow, YearColumn, YearKind } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import { ExtraLine, ModelInputs, RowChoice, defaultInputs, defaultStartYear } from "../../src/planner/inputs";
import { PlausibilityWarning, plausibilityWarnings, sumParts } from "../../src/planner/plausibility";
import { planModel } from "../../src/planner/planModel";
import { WARNING_LINE, warningLines } from "../../src/planner/model/warnings";

// ---- Hand-made blocks ----

interface RowSpec {
  label: string;
  values: Array<number | null>;
  kind?: BudgetRow["kind"];
  group?: string | null;
}

const LETTERS = "BCDEFGH";

/** A block on sheet "Budget": header on sheet row 0, one row per spec from sheet row 1, years in columns B…, unit tkr. */
function makeBlock(years: Array<[number, YearKind]>, rows: RowSpec[], unit: BudgetBlock["unit"] = "tkr"): BudgetBlock {
  const cols: YearColumn[] = years.map(([year, kind], k) => ({
    year,
    kind,
    header: `${kind === "bokslut" ? "Bokslut" : kind === "budget" ? "Budget" : kind === "plan" ? "Plan" : kind === "prognos" ? "Prognos" : ""} ${year}`.trim(),
    sheetCol: k + 1,
    letter: LETTERS[k],
  }));
  return {
    sheet: "Budget",
    address: `A1:${LETTERS[years.length - 1]}${rows.length + 1}`,
    headerRow: 0,
    years: cols,
    labelCols: [0],
    unit,
    unitSource: "A1",
    suggestedSign: "costsPositive",
    rows: rows.map((r, i) => ({
      sheetRow: i + 1,
      kind: r.kind ?? "data",
      labels: [r.label],
      label: r.label,
      group: r.group ?? null,
      cells: r.values.map((v, k) => ({ value: v ?? 0, address: `${LETTERS[k]}${i + 2}`, source: v === null ? "blank" : "number" })),
    })),
    notes: [],
  };
}

/** Inputs on a block with the given row choices (by label). */
function inputsOn(block: BudgetBlock, choices: Array<[string, RowChoice["role"], number | null, string?]>, patch: Partial<ModelInputs> = {}): ModelInputs {
  const inputs = defaultInputs("sv");
  inputs.source = { sheet: block.sheet, address: block.address, detectedUnit: block.unit, unitOverride: null, sign: "costsPositive" };
  inputs.rows = block.rows
    .filter((r) => r.kind !== "heading")
    .map((r) => {
      const c = choices.find(([label]) => label === r.label);
      return { sheetRow: r.sheetRow, label: r.label, role: c?.[1] ?? "ignore", actor: c?.[3] ?? "son", share: c?.[2] ?? null, after: "zero" };
    });
  inputs.discount = { kind: "constant", rate: 0 };
  return { ...inputs, ...patch };
}

function evaluated(inputs: ModelInputs, block: BudgetBlock | null) {
  const r = computeModel(inputs, block);
  if (!r.ok) throw new Error(r.error.en);
  return r.result;
}

function warningsFor(inputs: ModelInputs, block: BudgetBlock | null): PlausibilityWarning[] {
  return plausibilityWarnings(inputs, block, evaluated(inputs, block));
}

const kinds = (ws: PlausibilityWarning[]) => ws.map((w) => w.kind);
const line = (role: "cost" | "gain", amounts: number[], actor = "son", label = role === "cost" ? "Insats" : "Nytta"): ExtraLine => ({
  label,
  role,
  actor,
  amounts,
  after: "zero",
});

/** Inputs with typed lines only, from 2025, at 0 % (present values are plain sums). */
function typedOnly(lines: ExtraLine[], patch: Partial<ModelInputs> = {}): ModelInputs {
  return { ...defaultInputs("sv"), startYear: 2025, horizon: 3, discount: { kind: "constant", rate: 0 }, extraLines: lines, ...patch };
}

// ---- The checks ----

describe("benefit–cost ratio above 10", () => {
  test("1 200 000 kr of gains for 100 000 kr of costs is a ratio of 12: warned, with the numbers", () => {
    const ws = warningsFor(typedOnly([line("cost", [100000]), line("gain", [1200000])]), null);
    expect(kinds(ws)).toEqual(["highRatio"]);
    expect(ws[0].sv).toContain("Nyttan per kostnadskrona är 12,0 (nuvärde av nyttor 1,2 mnkr");
    expect(ws[0].sv).toContain("mot kostnader 100\u00a0000 kr");
    expect(ws[0].en).toContain("The benefit–cost ratio is 12.0 (present value of gains 1.2 mnkr against costs 100,000 kr)");
  });

  test("a ratio of exactly 10 is not warned; 10.01 is", () => {
    expect(warningsFor(typedOnly([line("cost", [100000]), line("gain", [1000000])]), null)).toEqual([]);
    expect(kinds(warningsFor(typedOnly([line("cost", [100000]), line("gain", [1001000])]), null))).toEqual(["highRatio"]);
  });

  test("typical individuals are told to check participants and success, not budget shares", () => {
    const inputs = typedOnly([line("cost", [100000]), line("gain", [100000])], { gainBasis: "perSuccess", participants: 30, successProbability: 0.5 });
    // 30 × 0.5 = 15 successes × 100 000 kr = 1 500 000 kr of gains: a ratio of 15.
    const ws = warningsFor(inputs, null);
    expect(kinds(ws)).toEqual(["highRatio"]);
    expect(ws[0].sv).toContain("15,0");
    expect(ws[0].sv).toContain("antalet deltagare, sannolikheten att lyckas");
  });
});

describe("avoided cost larger than the budget line it comes from", () => {
  const block = makeBlock(
    [
      [2025, "budget"],
      [2026, "plan"],
    ],
    [
      { label: "Projekt", values: [1, 1] },
      { label: "Placeringar", values: [10, 10] },
    ],
  );

  test("a share above 100 % names the row", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Projekt", "cost", 1],
          ["Placeringar", "gain", 1.5],
        ],
        { startYear: 2025, horizon: 2 },
      ),
      block,
    );
    expect(kinds(ws)).toContain("shareAbove100");
    const w = ws.find((x) => x.kind === "shareAbove100")!;
    expect(w.rows).toEqual([2]);
    expect(w.sv).toBe('"Placeringar": andelen 150 % är över 100 %, så den undvikna kostnaden blir större än budgetraden den kommer från.');
    expect(w.en).toContain("the share 150% is above 100%");
    expect(
      kinds(
        warningsFor(
          inputsOn(
            block,
            [
              ["Projekt", "cost", 1],
              ["Placeringar", "gain", 1],
            ],
            { startYear: 2025, horizon: 2 },
          ),
          block,
        ),
      ),
    ).not.toContain("shareAbove100");
  });

  test("a line of the user's own that takes the actor's gains above its budget rows that year", () => {
    // Socialnämnden's rows: Projekt 1 tkr + Placeringar 10 tkr = 11 000 kr a year.
    // 2025: 10 % of 10 tkr = 1 000 kr + 5 000 kr typed = 6 000 kr ≤ 11 000 kr.
    // 2026: 1 000 kr + 20 000 kr typed = 21 000 kr > 11 000 kr: warned, for 2026.
    const inputs = inputsOn(
      block,
      [
        ["Projekt", "cost", 1],
        ["Placeringar", "gain", 0.1],
      ],
      {
        startYear: 2025,
        horizon: 2,
        extraLines: [line("gain", [5000, 20000], "son", "Färre placeringar")],
      },
    );
    const ws = warningsFor(inputs, block).filter((w) => w.kind === "gainsAboveBudget");
    expect(ws).toHaveLength(1);
    expect(ws[0].rows).toEqual([1, 2]);
    expect(ws[0].sv).toBe(
      "De undvikna kostnaderna för Socialnämnden 2026 (21\u00a0000 kr, varav egna rader 20\u00a0000 kr) är större än aktörens budgetrader i blocket samma år (11\u00a0000 kr).",
    );
    expect(ws[0].en).toContain("in 2026 (21,000 kr, of which lines of your own 20,000 kr)");
    // 10 000 kr typed in 2026 instead: 11 000 kr, not more than the rows.
    const fine = { ...inputs, extraLines: [line("gain", [5000, 10000], "son", "Färre placeringar")] };
    expect(kinds(warningsFor(fine, block))).not.toContain("gainsAboveBudget");
  });

  test("an actor without budget rows in the block is not compared", () => {
    // The region's typed gains are far above anything in the block, but the block has no rows of the region.
    const inputs = inputsOn(block, [["Projekt", "cost", 1]], { startYear: 2025, horizon: 2, extraLines: [line("gain", [9e9, 9e9], "region")] });
    expect(kinds(warningsFor(inputs, block))).not.toContain("gainsAboveBudget");
  });
});

describe("a sum row chosen with its own detail rows", () => {
  const years: Array<[number, YearKind]> = [
    [2025, "budget"],
    [2026, "plan"],
  ];
  // Summa Socialnämnden = 10 + 20 = 30 and 12 + 21 = 33; Totalt = 30 + 5 = 35 and 33 + 5 = 38.
  const block = makeBlock(years, [
    { label: "Placeringar", values: [10, 12], group: "Socialnämnden" },
    { label: "Försörjningsstöd", values: [20, 21], group: "Socialnämnden" },
    { label: "Summa Socialnämnden", values: [30, 33], kind: "sum", group: "Socialnämnden" },
    { label: "Förskola", values: [5, 5] },
    { label: "Projekt", values: [1, 1] },
    { label: "Totalt", values: [36, 39], kind: "sum" },
  ]);
  const base = { startYear: 2025, horizon: 2 };

  test("the parts of each sum row, found by their numbers", () => {
    const parts = (label: string) =>
      sumParts(
        block,
        block.rows.find((r) => r.label === label)!,
      ).map((r) => r.label);
    expect(parts("Summa Socialnämnden")).toEqual(["Placeringar", "Försörjningsstöd"]);
    // Not the rows just above (5 + 1 ≠ 36), not the sum rows above (30 ≠ 36): every data row above, 10 + 20 + 5 + 1 = 36.
    expect(parts("Totalt")).toEqual(["Placeringar", "Försörjningsstöd", "Förskola", "Projekt"]);
  });

  test("a nämnd's sum row and one of its rows, both gains: the row is counted twice", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Projekt", "cost", 1],
          ["Summa Socialnämnden", "gain", 0.1],
          ["Placeringar", "gain", 0.1],
        ],
        base,
      ),
      block,
    );
    const w = ws.filter((x) => x.kind === "sumWithDetail");
    expect(w).toHaveLength(1);
    expect(w[0].rows).toEqual([3, 1]);
    expect(w[0].sv).toBe('Summaraden "Summa Socialnämnden" och dess delrad "Placeringar" är båda valda som nytta: delraden räknas två gånger.');
    expect(w[0].en).toBe('The sum row "Summa Socialnämnden" and its detail row "Placeringar" are both chosen as gains: the detail row is counted twice.');
  });

  test("the grand total with rows under a nämnd's sum row: found through the sum row, named once", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Projekt", "cost", 1],
          ["Totalt", "gain", 0.01],
          ["Försörjningsstöd", "gain", 0.1],
          ["Förskola", "gain", 0.1],
        ],
        base,
      ),
      block,
    );
    const w = ws.filter((x) => x.kind === "sumWithDetail");
    expect(w).toHaveLength(1);
    expect(w[0].sv).toBe('Summaraden "Totalt" och dess delrader "Försörjningsstöd" och "Förskola" är alla valda som nytta: delraderna räknas två gånger.');
  });

  test("a sum row as a cost and its detail row as a gain is not double counting", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Summa Socialnämnden", "cost", 0.01],
          ["Placeringar", "gain", 0.1],
        ],
        base,
      ),
      block,
    );
    expect(kinds(ws)).not.toContain("sumWithDetail");
  });

  test("a total placed above its rows", () => {
    const top = makeBlock(years, [
      { label: "Socialnämnden totalt", values: [30, 33], kind: "sum" },
      { label: "Placeringar", values: [10, 12] },
      { label: "Försörjningsstöd", values: [20, 21] },
      { label: "Projekt", values: [1, 1] },
    ]);
    // Below it: 10 + 20 + 1 = 31 ≠ 30; the rows of no nämnd; so the layout decides: the rows just below it.
    expect(sumParts(top, top.rows[0]).map((r) => r.label)).toEqual(["Placeringar", "Försörjningsstöd", "Projekt"]);
    const ws = warningsFor(
      inputsOn(
        top,
        [
          ["Projekt", "cost", 1],
          ["Socialnämnden totalt", "gain", 0.1],
          ["Försörjningsstöd", "gain", 0.1],
        ],
        base,
      ),
      top,
    );
    expect(ws.filter((x) => x.kind === "sumWithDetail").map((x) => x.rows)).toEqual([[1, 3]]);
  });
});

describe("a budget year that is entirely blank", () => {
  const block = makeBlock(
    [
      [2025, "budget"],
      [2026, "plan"],
      [2027, "plan"],
    ],
    [
      { label: "Projekt", values: [1, 1, null] },
      { label: "Placeringar", values: [10, 10, null] },
    ],
  );

  test("warned when the model reads it, with its column and header", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Projekt", "cost", 1],
          ["Placeringar", "gain", 0.1],
        ],
        { startYear: 2025, horizon: 3 },
      ),
      block,
    );
    expect(ws.filter((w) => w.kind === "blankYear").map((w) => w.sv)).toEqual([
      'Budgetåret 2027 (kolumn D, "Plan 2027") är helt tomt: modellen räknar 0 kr det året för varje budgetrad.',
    ]);
  });

  test("not when the model ends before it", () => {
    const ws = warningsFor(
      inputsOn(
        block,
        [
          ["Projekt", "cost", 1],
          ["Placeringar", "gain", 0.1],
        ],
        { startYear: 2025, horizon: 2 },
      ),
      block,
    );
    expect(kinds(ws)).not.toContain("blankYear");
  });

  test("not when one row has an amount that year", () => {
    const one = makeBlock(
      [
        [2025, "budget"],
        [2026, "plan"],
      ],
      [
        { label: "Projekt", values: [1, null] },
        { label: "Placeringar", values: [10, 0] },
      ],
    );
    expect(
      kinds(
        warningsFor(
          inputsOn(
            one,
            [
              ["Projekt", "cost", 1],
              ["Placeringar", "gain", 0.1],
            ],
            { startYear: 2025, horizon: 2 },
          ),
          one,
        ),
      ),
    ).not.toContain("blankYear");
  });
});

describe("gains before the intervention's first cost year", () => {
  test("gains from 2025, the first cost in 2026: warned with both years", () => {
    const ws = warningsFor(typedOnly([line("cost", [0, 100000]), line("gain", [50000, 50000])]), null);
    expect(kinds(ws)).toEqual(["gainsBeforeCosts"]);
    expect(ws[0].sv).toBe(
      "Nyttorna börjar 2025, före insatsens första kostnadsår 2026: en undviken kostnad kan inte komma före insatsen. Kontrollera startåret, effektfördröjningen och vilka rader som är kostnader.",
    );
  });

  test("with one year of effect lag the gains start in 2026 too: no warning", () => {
    expect(warningsFor(typedOnly([line("cost", [0, 100000]), line("gain", [50000, 50000])], { effectLag: 1 }), null)).toEqual([]);
  });

  test("gains without any cost", () => {
    expect(kinds(warningsFor(typedOnly([line("gain", [50000])]), null))).toEqual(["noCosts"]);
  });
});

describe("the start year", () => {
  const y = (year: number, kind: YearKind) => ({ year, kind });

  test.each([
    ["Bokslut 2024, Budget 2025, Plan 2026", [y(2024, "bokslut"), y(2025, "budget"), y(2026, "plan")], 2025, "afterActuals"],
    ["bare years", [y(2025, "year"), y(2026, "year")], 2025, "firstYear"],
    ["right to left", [y(2027, "plan"), y(2026, "budget"), y(2025, "bokslut"), y(2024, "bokslut")], 2026, "afterActuals"],
    ["a Prognos between", [y(2023, "bokslut"), y(2024, "prognos"), y(2025, "budget")], 2025, "afterActuals"],
    ["only a Prognos after", [y(2023, "bokslut"), y(2024, "prognos")], 2024, "afterActuals"],
    ["only actuals", [y(2023, "bokslut"), y(2024, "bokslut")], 2023, "onlyActuals"],
  ] as const)("%s", (_name, years, year, reason) => {
    expect(defaultStartYear(years)).toMatchObject({ year, reason });
  });

  test("no years: no default", () => {
    expect(defaultStartYear([])).toBeNull();
  });

  test("property: a year of the block, after every Bokslut unless there is nothing else, Budget/Plan before Prognos", () => {
    const kind = fc.constantFrom<YearKind>("bokslut", "budget", "plan", "prognos", "year");
    const years = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2015, max: 2035 }), kind }), { minLength: 1, maxLength: 8, selector: (x) => x.year });
    fc.assert(
      fc.property(years, (ys) => {
        const d = defaultStartYear(ys)!;
        expect(ys.map((x) => x.year)).toContain(d.year);
        const actuals = ys.filter((x) => x.kind === "bokslut").map((x) => x.year);
        const later = ys.filter((x) => actuals.every((a) => x.year > a));
        if (actuals.length && later.length) {
          expect(d.reason).toBe("afterActuals");
          expect(later.map((x) => x.year)).toContain(d.year);
          const planned = later.filter((x) => x.kind !== "prognos");
          if (planned.length) expect(d.year).toBe(Math.min(...planned.map((x) => x.year)));
        } else expect(d.year).toBe(Math.min(...ys.map((x) => x.year)));
      }),
    );
  });

  test("a model that starts in a Bokslut year is warned, with the year to start in", () => {
    const block = makeBlock(
      [
        [2024, "bokslut"],
        [2025, "budget"],
      ],
      [
        { label: "Projekt", values: [0, 1] },
        { label: "Placeringar", values: [10, 10] },
      ],
    );
    const inputs = inputsOn(
      block,
      [
        ["Projekt", "cost", 1],
        ["Placeringar", "gain", 0.1],
      ],
      { startYear: null, horizon: 2 },
    );
    const ws = warningsFor(inputs, block);
    expect(kinds(ws)).toContain("startInActuals");
    expect(ws.find((w) => w.kind === "startInActuals")!.sv).toBe(
      'Modellen börjar 2024, ett bokslutsår (utfall, "Bokslut 2024"): besparingar räknas då innan insatsen har börjat. Första budget- eller planåret efter bokslutet är 2025.',
    );
    // Starting in the actuals also shows as gains (2024: 10 % of 10 tkr) before the first cost (2025).
    expect(kinds(ws)).toContain("gainsBeforeCosts");
    expect(warningsFor({ ...inputs, startYear: 2025 }, block)).toEqual([]);
  });
});

// ---- No share is ever assumed ----

describe("a chosen row without a share", () => {
  const block = makeBlock(
    [
      [2025, "budget"],
      [2026, "plan"],
    ],
    [
      { label: "Projekt", values: [1, 1] },
      { label: "Placeringar", values: [10, 10] },
    ],
  );

  test("is refused by the planner, naming the row, in both languages", () => {
    const inputs = inputsOn(
      block,
      [
        ["Projekt", "cost", 1],
        ["Placeringar", "gain", null],
      ],
      { startYear: 2025, horizon: 2 },
    );
    const r = planModel(inputs, block, { sheetNames: ["Budget"], names: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.id).toBe("shareMissing");
    expect(r.error.sv).toBe('Raden "Placeringar" (rad 3) saknar andel. Skriv hur stor del av raden som är undviken kostnad (t.ex. 5 %); ingen andel antas.');
    expect(r.error.en).toBe('The row "Placeringar" (row 3) has no share. Type how much of the row is avoided cost (e.g. 5%); no share is assumed.');
    expect(computeModel(inputs, block).ok).toBe(false);
  });

  test("the same row with a share is built, and its gains are the share of the row: 10 % of 10 tkr = 1 000 kr a year", () => {
    const inputs = inputsOn(
      block,
      [
        ["Projekt", "cost", 1],
        ["Placeringar", "gain", 0.1],
      ],
      { startYear: 2025, horizon: 2 },
    );
    expect(evaluated(inputs, block).gainsGross).toEqual([1000, 1000]);
  });
});

// ---- On the model sheet ----

/** Sheet lines back to the warnings: a line that starts with three spaces continues the one above. */
function unwrap(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.startsWith("   ") && out.length) out[out.length - 1] += ` ${l.trim()}`;
    else out.push(l);
  }
  return out;
}

describe("the warnings on the model sheet", () => {
  const block = makeBlock(
    [
      [2024, "bokslut"],
      [2025, "budget"],
      [2026, "plan"],
    ],
    [
      { label: "Projekt", values: [0, 1, 1] },
      { label: "Placeringar", values: [10, 10, 10] },
    ],
  );
  const sheetOf = (inputs: ModelInputs) => {
    const r = planModel(inputs, block, { sheetNames: ["Budget"], names: [] });
    if (!r.ok) throw new Error(r.error.en);
    const sheet = r.plan.sheets[0];
    const text = (row: number) => sheet.blocks.find((b) => b.row === row && b.col === 0)?.cells[0][0];
    /** Column A from row 4 (0-based) down to the Assumptions header. */
    const lines = () => {
      const out: string[] = [];
      for (let row = 4; text(row) !== "Antaganden" && text(row) !== "Assumptions" && row < 60; row++) if (text(row) !== undefined) out.push(String(text(row)));
      return out;
    };
    return { text, lines, names: r.plan.names };
  };

  test("under the title: their number, that the model was built all the same, then each warning; the rest moves down", () => {
    // 100 % of Placeringar (10 tkr) against 1 tkr of costs: a ratio of 20, and gains in 2024 before the first cost in 2025.
    const warned = inputsOn(
      block,
      [
        ["Projekt", "cost", 1],
        ["Placeringar", "gain", 1],
      ],
      { startYear: 2024, horizon: 3 },
    );
    const expectedWarnings = plausibilityWarnings(warned, block, evaluated(warned, block));
    expect(kinds(expectedWarnings)).toEqual(["highRatio", "gainsBeforeCosts", "startInActuals"]);
    const sheet = sheetOf(warned);
    expect(sheet.text(3)).toBe("3 rimlighetsvarningar");
    const [why, ...rest] = sheet.lines();
    expect(why).toBe("Modellen byggdes ändå; kontrollera detta innan den används.");
    expect(unwrap(rest)).toEqual(expectedWarnings.map((w) => w.sv));
    expect(rest.every((l) => l.length <= WARNING_LINE)).toBe(true);
    expect(rest.length).toBeGreaterThan(3); // the long ones take two lines

    const en = sheetOf({ ...warned, language: "en" });
    expect(en.text(3)).toBe("3 plausibility warnings");
    expect(unwrap(en.lines().slice(1))).toEqual(expectedWarnings.map((w) => w.en));

    const fine = sheetOf({ ...warned, startYear: 2025, rows: warned.rows.map((r) => (r.label === "Placeringar" ? { ...r, share: 0.05 } : r)) });
    expect(fine.text(3)).toBe("Antaganden");
    const npvRow = (names: { name: string; refersTo: string }[]) => Number(/(\d+)$/.exec(names.find((n) => n.name === "SI1_NPV")!.refersTo)![1]);
    // The results move down by the header, the why line, the warnings' lines and a blank row.
    expect(npvRow(sheet.names) - npvRow(fine.names)).toBe(1 + 1 + rest.length + 1);
  });

  test("property: cut into lines of at most 130 characters between words, the lines give the text back", () => {
    const word = fc.stringMatching(/^[a-zåäö0-9,.:"()–]{1,25}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), (words) => {
        const text = words.join(" ");
        const lines = warningLines(text);
        expect(lines.every((l) => l.length <= WARNING_LINE)).toBe(true);
        expect(unwrap(lines)).toEqual([text]);
      }),
    );
  });
});
