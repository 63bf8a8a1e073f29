/** The price index field: "year: value" pairs typed the Swedish or English way, and what they do to the inputs. */
import { defaultInputs } from "../../src/planner/inputs";
import { parseYearValues, yearValuesText } from "../../src/taskpane/format";
import { effectivePriceYear, startFromTemplate, withPriceIndex } from "../../src/taskpane/model";
import { STRINGS, t } from "../../src/taskpane/strings";

describe("parseYearValues", () => {
  test.each<[string, "sv" | "en", Array<[number, number]>]>([
    [
      "2024: 100; 2025: 102,1; 2026: 104,5",
      "sv",
      [
        [2024, 100],
        [2025, 102.1],
        [2026, 104.5],
      ],
    ],
    [
      "2024: 100; 2025: 102.1; 2026: 104.5",
      "en",
      [
        [2024, 100],
        [2025, 102.1],
        [2026, 104.5],
      ],
    ],
    [
      "2024: 100; 2025: 102.1",
      "sv",
      [
        [2024, 100],
        [2025, 102.1],
      ],
    ],
    ["2025: 102,1", "en", [[2025, 102.1]]],
    // two columns pasted from Excel (tab), one year a line, out of order
    [
      "2026\t104,5\n2024\t100\n",
      "sv",
      [
        [2024, 100],
        [2026, 104.5],
      ],
    ],
    ["2024 = 1,0235", "sv", [[2024, 1.0235]]],
    ["  2024 :  1 000,5 ;", "sv", [[2024, 1000.5]]],
    ["", "sv", []],
    [" ; ", "en", []],
  ])("%j (%s)", (raw, lang, expected) => {
    expect(parseYearValues(raw, lang)).toEqual({ ok: true, values: expected.map(([year, value]) => ({ year, value })) });
  });

  test.each<[string, string]>([
    ["2024: 100; 2025", "2025"], // no value
    ["2024: 100; 25: 102", "25: 102"], // not a year
    ["2024: 0", "2024: 0"], // an index is above 0
    ["2024: -3", "2024: -3"],
    ["2024: abc", "2024: abc"],
    ["2024: 100; 2024: 101", "2024: 101"], // each year once
    ["100", "100"],
  ])("%j is refused, naming %j", (raw, item) => {
    expect(parseYearValues(raw, "sv")).toEqual({ ok: false, item });
  });

  test("shown back the way the language writes decimals, and read back to the same values", () => {
    const values = [
      { year: 2024, value: 100 },
      { year: 2025, value: 102.1 },
    ];
    expect(yearValuesText(values, "sv")).toBe("2024: 100; 2025: 102,1");
    expect(yearValuesText(values, "en")).toBe("2024: 100; 2025: 102.1");
    for (const lang of ["sv", "en"] as const) expect(parseYearValues(yearValuesText(values, lang), lang)).toEqual({ ok: true, values });
  });
});

describe("the inputs", () => {
  test("no values = no conversion (null); values keep the name as typed", () => {
    const i = defaultInputs("sv");
    expect(i.priceIndex).toBeUndefined(); // stored settings without the field stay as they were
    expect(withPriceIndex(i, "KPI", []).priceIndex).toBeNull();
    expect(withPriceIndex(i, " PKV (SKR) ", [{ year: 2025, value: 100 }]).priceIndex).toEqual({ name: "PKV (SKR)", values: [{ year: 2025, value: 100 }] });
  });

  test("a template keeps the price year and index (they describe the budget, not the method)", () => {
    const i = { ...withPriceIndex(defaultInputs("sv"), "KPI", [{ year: 2025, value: 100 }]), priceYear: 2025 };
    const n = startFromTemplate("norrkoping", i);
    expect(n.priceIndex).toEqual(i.priceIndex);
    expect(n.priceYear).toBe(2025);
    expect("priceIndex" in startFromTemplate("norrkoping", defaultInputs("sv"))).toBe(false);
  });

  test("the price year the pane reports: price year, else start year, else the budget's first year", () => {
    const i = defaultInputs("sv");
    const block = { years: [{ year: 2025 }, { year: 2024 }] } as unknown as Parameters<typeof effectivePriceYear>[1];
    expect(effectivePriceYear(i, null)).toBeNull();
    expect(effectivePriceYear(i, block)).toBe(2024);
    expect(effectivePriceYear({ ...i, startYear: 2026 }, block)).toBe(2026);
    expect(effectivePriceYear({ ...i, startYear: 2026, priceYear: 2027 }, block)).toBe(2027);
  });

  test("texts in both languages, with 'no conversion' as the visible default", () => {
    expect(t("sv", "priceIndexPlaceholder")).toBe("ingen omräkning");
    expect(t("en", "priceIndexPlaceholder")).toBe("no conversion");
    expect(t("sv", "priceIndexOn", { year: 2024, name: "KPI" })).toContain("räknas om till 2024 års priser med KPI");
    expect(t("en", "priceIndexOn", { year: 2024, name: "KPI" })).toContain("converted to 2024 prices with KPI");
    expect(STRINGS.priceIndexHelp.sv).toContain("2024: 100; 2025: 102,1");
    expect(STRINGS.priceIndexHelp.en).toContain("2024: 100; 2025: 102.1");
  });
});
