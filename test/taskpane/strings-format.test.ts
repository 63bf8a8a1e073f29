/** The strings table, number parsing and formatting, language and theme detection. */
import { STRINGS, StringKey, bi, languageFrom, t } from "../../src/taskpane/strings";
import { formatKr, formatNumber, listText, parseNumber, parseNumberList, percentText } from "../../src/taskpane/format";
import { themeFrom } from "../../src/taskpane/theme";

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe("strings", () => {
  test("every text exists in Swedish and English with the same placeholders", () => {
    for (const [key, v] of Object.entries(STRINGS)) {
      expect([key, v.sv.trim().length > 0, v.en.trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(v.sv)]).toEqual([key, placeholders(v.en)]);
    }
  });

  test("Swedish texts are Swedish: no English text left untranslated (apart from words both languages share)", () => {
    const same = Object.entries(STRINGS)
      .filter(([, v]) => v.sv === v.en)
      .map(([k]) => k);
    expect(same).toEqual(["attribution"]); // "Attribution (%)" is the Swedish term too
  });

  test("placeholders are filled; unknown ones are left visible", () => {
    expect(t("sv", "built", { key: "SI1", sheet: "SI1 Modell" })).toBe("Modellen SI1 är byggd på bladet SI1 Modell.");
    expect(t("en", "built", { key: "SI1" })).toBe("The model SI1 was built on the sheet {sheet}.");
    expect(bi("removed", { key: "SI2" })).toEqual({
      sv: "Modellen SI2 är borttagen. Inget annat har ändrats.",
      en: "The model SI2 was removed. Nothing else was changed.",
    });
    const k: StringKey = "useSelection";
    expect([t("sv", k), t("en", k)]).toEqual(["Använd markeringen", "Use selection"]);
  });

  test("Office display language: sv* is Swedish, everything else English", () => {
    expect(languageFrom("sv-SE")).toBe("sv");
    expect(languageFrom("sv-FI")).toBe("sv");
    expect(languageFrom("SV")).toBe("sv");
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("fi-FI")).toBe("en");
    expect(languageFrom(undefined)).toBe("en");
  });

  test("theme: a dark pane background means the dark theme", () => {
    expect(themeFrom({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFrom({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeFrom({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
    expect(themeFrom({ bodyBackgroundColor: "1F1F1F" })).toBe("dark");
    expect(themeFrom(undefined)).toBe("light");
    expect(themeFrom({ bodyBackgroundColor: "red" })).toBe("light");
  });
});

describe("numbers as typed", () => {
  test.each([
    ["3,5", "sv", 3.5],
    ["3.5", "sv", 3.5],
    ["3.5", "en", 3.5],
    ["3,5", "en", 3.5],
    ["1 234 567", "sv", 1234567],
    ["1\u00a0234,5", "sv", 1234.5],
    ["1,234,567", "en", 1234567],
    ["1,234", "en", 1234],
    ["1,234", "sv", 1.234],
    ["1.234,5", "sv", 1234.5],
    ["1,234.5", "en", 1234.5],
    ["−2,5", "sv", -2.5],
    ["–2,5", "sv", -2.5],
    ["12 %", "sv", 12],
    ["500 000 kr", "sv", 500000],
    ["0", "en", 0],
  ] as const)("%s (%s) -> %d", (raw, lang, want) => {
    expect(parseNumber(raw, lang)).toBeCloseTo(want, 12);
  });

  test.each(["", "abc", "3,5,6,7x", "1e", "--1", "3 apples"])("%j is not a number", (raw) => {
    expect(parseNumber(raw, "sv")).toBeNull();
  });

  test("lists separated by semicolons", () => {
    expect(parseNumberList("500 000; 500 000; 250 000", "sv")).toEqual([500000, 500000, 250000]);
    expect(parseNumberList("3,5; 3; 2,5", "sv")).toEqual([3.5, 3, 2.5]);
    expect(parseNumberList("", "sv")).toEqual([]);
    expect(parseNumberList("1; x", "sv")).toBeNull();
    expect(listText([0.035, 0.03], "sv", true)).toBe("3,5; 3");
    expect(parseNumberList(listText([1.5, 2], "sv"), "sv")).toEqual([1.5, 2]);
  });

  test("shown the reader's way", () => {
    expect(formatKr(-1234567.4, "sv").replace(/\s/g, " ")).toBe("−1 234 567 kr");
    expect(formatKr(1234567.4, "en")).toBe("1,234,567 kr");
    expect(formatNumber(3.25, "sv", 1)).toBe("3,3");
    expect(percentText(0.035, "sv")).toBe("3,5");
    expect(percentText(0.035, "en")).toBe("3.5");
    expect(percentText(0.07, "en")).toBe("7");
  });
});
