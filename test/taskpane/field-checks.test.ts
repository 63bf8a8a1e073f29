/**
 * The pane's own checks of its fields (src/taskpane/fieldChecks.ts) and the number formats it shows
 * (src/taskpane/format.ts): the registry that refuses a build while a field shows a value it cannot use, the
 * message naming the field, the warning for an implausible rate, Swedish and English numbers, Excel's errors.
 */
import fc from "fast-check";
import { FieldEntry, FieldRegistry, PLAUSIBLE_RATE, rateWarning, refusalMessage } from "../../src/taskpane/fieldChecks";
import { excelErrorCode, excelErrorText, formatKr, formatNumber, formatPercent, formatPercentExact, parseNumber } from "../../src/taskpane/format";

/** A stand-in for an element: its position on the page, for compareDocumentPosition. */
function at(pos: number): Element {
  return {
    pos,
    compareDocumentPosition(other: { pos: number }) {
      return other.pos > pos ? 4 : other.pos < pos ? 2 : 0;
    },
  } as unknown as Element;
}

function entry(id: string, patch: Partial<FieldEntry> = {}): FieldEntry & { focused: number } {
  const e = { id, label: id, shown: "", problem: null, warning: null, focused: 0, element: () => null, ...patch } as FieldEntry & { focused: number };
  e.focus = () => void e.focused++;
  return e;
}

describe("the field registry", () => {
  test("fields that cannot be used, in screen order; warnings only for usable fields; a removed field is gone", () => {
    const r = new FieldRegistry();
    let heard = 0;
    r.subscribe(() => heard++);
    r.set(entry("rate", { label: "Real ränta (%)", shown: "tre", problem: "Skriv ett tal, t.ex. 3,5.", element: () => at(30) }));
    r.set(entry("horizon", { shown: "x", problem: "Skriv ett heltal.", element: () => at(10) }));
    r.set(entry("share", { shown: "0,035", warning: "low", element: () => at(20) }));
    expect(r.invalid().map((e) => e.id)).toEqual(["horizon", "rate"]);
    expect(r.warnings().map((e) => e.id)).toEqual(["share"]);
    expect(heard).toBe(3);
    // The same entry again is no change; a fixed field is.
    r.set(entry("horizon", { shown: "x", problem: "Skriv ett heltal.", element: () => at(10) }));
    expect(heard).toBe(3);
    r.set(entry("horizon", { shown: "10", element: () => at(10) }));
    expect(r.invalid().map((e) => e.id)).toEqual(["rate"]);
    r.remove("rate");
    r.remove("rate");
    expect(r.invalid()).toEqual([]);
    expect(heard).toBe(5);
  });

  test("without positions, fields keep the order they registered in", () => {
    const r = new FieldRegistry();
    for (const id of ["a", "b", "c"]) r.set(entry(id, { problem: "p" }));
    expect(r.invalid().map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  test("the refusal names the first field, what it shows and why, and counts the rest (one field, several fields)", () => {
    const rate = entry("rate", { label: "Real ränta (%)", shown: "tre", problem: "Skriv ett tal, t.ex. 3,5." });
    expect(refusalMessage([])).toBeNull();
    expect(refusalMessage([rate])!.sv).toBe(
      'Modellen byggdes inte: fältet "Real ränta (%)" visar "tre", som inte kan användas. Skriv ett tal, t.ex. 3,5. Rätta fältet och bygg igen; inget har skrivits i arbetsboken.',
    );
    const two = refusalMessage([rate, entry("x", { problem: "p" })])!;
    expect(two.sv).toMatch(/ Ytterligare ett fält behöver rättas\.$/);
    expect(two.en).toMatch(/ One more field needs correcting\.$/);
    const three = refusalMessage([rate, entry("x", { problem: "p" }), entry("y", { problem: "p" })])!;
    expect(three.sv).toMatch(/ Ytterligare 2 fält behöver rättas\.$/);
    expect(three.en).toMatch(/ 2 more fields need correcting\.$/);
    const empty = refusalMessage([entry("share", { label: 'Andel av raden "Placeringar"', shown: "", problem: "Skriv andelen." })])!;
    expect(empty.sv).toBe(
      'Modellen byggdes inte: fältet "Andel av raden "Placeringar"" är inte ifyllt. Skriv andelen. Fyll i fältet och bygg igen; inget har skrivits i arbetsboken.',
    );
  });
});

describe("a plausible discount rate", () => {
  test("0,1 % to 20 % a year is plausible; outside, a warning", () => {
    expect(PLAUSIBLE_RATE).toEqual({ min: 0.001, max: 0.2 });
    for (const r of [0.001, 0.035, 0.2]) expect([r, rateWarning(r, "sv")]).toEqual([r, null]);
    expect(rateWarning(0.0009, "sv")).toMatch(/^Räntan 0,09\u00a0% är ovanligt låg/);
    expect(rateWarning(0.2001, "sv")).toBe("Räntan 20,01\u00a0% är ovanligt hög (över 20\u00a0% per år). Kontrollera att den är rätt.");
  });

  test("0,035 typed as a percentage (0,035 %) suggests 3,5 %; a rate that is low either way suggests nothing", () => {
    expect(rateWarning(0.00035, "sv")).toBe("Räntan 0,035\u00a0% är ovanligt låg (under 0,1\u00a0% per år). Menade du 3,5\u00a0%?");
    expect(rateWarning(0.00035, "en")).toBe("The rate 0.035% is unusually low (below 0.1% a year). Did you mean 3.5%?");
    expect(rateWarning(0, "sv")).toBe("Räntan 0\u00a0% är ovanligt låg (under 0,1\u00a0% per år).");
    expect(rateWarning(-0.01, "sv")).toBe("Räntan \u22121\u00a0% är ovanligt låg (under 0,1\u00a0% per år).");
    expect(rateWarning(0.000001, "sv")).toBe("Räntan 0,0001\u00a0% är ovanligt låg (under 0,1\u00a0% per år).");
  });
});

describe("numbers shown the reader's way", () => {
  test("Swedish: no-break space between thousands, decimal comma, the true minus; English: comma, point, hyphen-minus", () => {
    expect(formatNumber(-1234567.891, "sv", 2)).toBe("\u22121\u00a0234\u00a0567,89");
    expect(formatNumber(-1234567.891, "en", 2)).toBe("-1,234,567.89");
    expect(formatKr(20650643.4, "sv")).toBe("20\u00a0650\u00a0643 kr");
    expect(formatKr(20650643.4, "en")).toBe("20,650,643 kr");
    expect(formatNumber(999.5, "sv", 0)).toBe("1\u00a0000");
    expect(formatPercent(0.035, "sv")).toBe("3,5\u00a0%");
    expect(formatPercent(0.035, "en")).toBe("3.5%");
    expect(formatPercentExact(0.04, "sv")).toBe("4\u00a0%");
    expect(formatPercentExact(0.00035, "sv")).toBe("0,035\u00a0%");
  });

  test("a value that rounds to zero has no sign", () => {
    expect(formatNumber(-0.3, "sv", 0)).toBe("0");
    expect(formatNumber(-0.004, "en", 2)).toBe("0.00");
    expect(formatNumber(-0, "sv", 1)).toBe("0,0");
  });

  test("what is shown is read back as the same number (to the decimals shown)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("sv" as const, "en" as const),
        (x, d, lang) => {
          const back = parseNumber(formatNumber(x, lang, d), lang);
          expect(back).not.toBeNull();
          expect(Math.abs(back! - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15);
        },
      ),
    );
  });
});

describe("Excel's errors", () => {
  test("recognised in either language, shown in the reader's", () => {
    expect(excelErrorCode("#VÄRDEFEL!")).toBe("#VALUE!");
    expect(excelErrorCode("#value!")).toBe("#VALUE!");
    expect(excelErrorCode("#N/A")).toBe("#N/A");
    expect(excelErrorCode("#hashtag")).toBeNull();
    expect(excelErrorCode(3)).toBeNull();
    expect(excelErrorText("#VALUE!", "sv")).toBe("#VÄRDEFEL!");
    expect(excelErrorText("#N/A", "sv")).toBe("#SAKNAS!");
    expect(excelErrorText("#VALUE!", "en")).toBe("#VALUE!");
  });
});
