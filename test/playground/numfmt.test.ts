import fc from "fast-check";
import { ENGLISH, SWEDISH, formatGeneral, formatValue, roundDecimal } from "../../playground/numfmt";

const NB = "\u00a0";
const en = (v: unknown, f?: string) => formatValue(v, f, ENGLISH).text;
const sv = (v: unknown, f?: string) => formatValue(v, f, SWEDISH).text;

describe("Excel number formats as Excel shows them", () => {
  // Expected texts are what Excel 365 displays for these codes (en-US and sv-SE regional settings).
  test.each([
    [1234567.891, "#,##0", "1,234,568"],
    [-1234567.891, "#,##0", "-1,234,568"],
    [0.4, "#,##0", "0"],
    [12.345, "0.0", "12.3"],
    [12.35, "0.0", "12.4"],
    [1.005, "0.00", "1.01"], // 15-digit decimal rounding, not binary (1.00499999…)
    [2.5, "0", "3"], // half away from zero
    [-2.5, "0", "-3"],
    [0.035, "0.0%", "3.5%"],
    [0.0351, "0%", "4%"],
    [1234.56, "#,##0.0;-#,##0.0", "1,234.6"],
    [-1234.56, "#,##0.0;-#,##0.0", "-1,234.6"],
    [-1234.56, "#,##0.0;(#,##0.0)", "(1,234.6)"],
    [0, '#,##0.0;-#,##0.0;"–"', "–"],
    [-5, "#,##0;[Red]-#,##0", "-5"],
    [1234567, "#,##0,", "1,235"], // scaled to thousands
    [0.5, "#.##", ".5"],
    [3, "0.0#", "3.0"],
    [3.14159, "0.0#", "3.14"],
    [42, '0" kr"', "42 kr"],
    [42, "\\€0", "€42"],
    [7, "000", "007"],
    [1234.5, "General", "1234.5"],
  ])("%p with %p shows %p (en)", (v, f, want) => {
    expect(en(v, f)).toBe(want);
  });

  test.each([
    [1234567.891, "#,##0", `1${NB}234${NB}568`],
    [12.345, "0.0", "12,3"],
    [0.035, "0.0%", "3,5%"],
    [-1234.56, "#,##0.0;-#,##0.0", `-1${NB}234,6`],
    // Local spelling, as Swedish users type it: space groups, comma decimals, en dash negatives.
    [-1234.56, "# ##0,0;–# ##0,0", `–1${NB}234,6`],
    [1234.56, "# ##0", `1${NB}235`],
    [812.35, "# ##0,0", "812,4"],
    [-0.04, "0.0", "-0,0"], // Excel keeps the minus of a value that rounds to zero
  ])("%p with %p shows %p (sv)", (v, f, want) => {
    expect(sv(v, f)).toBe(want);
  });

  test("text, booleans, errors and empty cells", () => {
    expect(en("Barn- och utbildningsnämnden", "#,##0")).toBe("Barn- och utbildningsnämnden");
    expect(formatValue("abc", "@", ENGLISH)).toEqual({ text: "abc", align: "left", color: undefined });
    expect(en("x", '0;-0;0;"Text: "@')).toBe("Text: x");
    expect(en(42, "@")).toBe("42");
    expect(en(true)).toBe("TRUE");
    expect(sv(false)).toBe("FALSKT");
    expect(en("#N/A", "0.0")).toBe("#N/A");
    expect(en(null, "0.0")).toBe("");
    expect(formatValue(-5, "#,##0;[Red]-#,##0", ENGLISH).color).toBe("#c00000");
    expect(formatValue(5, "0").align).toBe("right");
  });

  test("dates in the 1900 system", () => {
    expect(en(45292, "yyyy-mm-dd")).toBe("2024-01-01");
    expect(en(45292.5, "yyyy-mm-dd hh:mm")).toBe("2024-01-01 12:00");
  });

  test("General", () => {
    expect(formatGeneral(1 / 3, ENGLISH)).toBe("0.3333333333");
    expect(formatGeneral(123456789012, ENGLISH)).toBe("1.23457E+11");
    expect(formatGeneral(-0.5, SWEDISH)).toBe("-0,5");
    expect(formatGeneral(1e-12, ENGLISH)).toBe("1E-12");
  });

  test("property: #,##0.0 in English reads back as the value rounded to one decimal", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const text = en(x, "#,##0.0");
        const back = Number(text.replace(/,/g, ""));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.05 + 1e-6 * Math.abs(x) * 1e-6);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*\.\d$/);
      }),
    );
  });

  test("property: roundDecimal agrees with toFixed away from ties", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const scaled = x * 10 ** d;
        fc.pre(Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6);
        const r = roundDecimal(x, d);
        const want = x.toFixed(d).split(".");
        expect(r.int).toBe(want[0] === "0" ? "" : want[0]);
        expect(r.frac).toBe(want[1] ?? "");
      }),
    );
  });
});
