/**
 * Model sheet names made from long titles (issue 10, §5): never cut inside a word, never ending with a dangling
 * "(" or "," (Excel allows 31 characters), unique with "(2)" …; and the title row shows the whole title.
 */
import fc from "fast-check";
import { MAX_SHEET_NAME, isValidSheetName } from "../../src/planner/a1";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { modelSheetName, shortName } from "../../src/planner/model/workbook";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleSnapshot } from "../../src/planner/samples";

const LONG = "Familjecentral (Ale), förebyggande insatser för barn och unga 2025–2030";
const fresh = { sheetNames: ["Driftbudget 2025"], names: [] };

/** Words of a name, as a title's words: a shortened name is a run of whole words of the title. */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("sheet names from long Swedish titles", () => {
  test.each([
    [LONG, "SI1 Familjecentral (Ale)"],
    ["Familjecentral (Ale förebyggande insatser för barn och unga)", "SI1 Familjecentral"],
    ["Tidiga insatser för barn och unga i Ale kommun, 2025–2030", "SI1 Tidiga insatser för barn"],
    ["Förebyggande arbete och insatser, socialtjänsten", "SI1 Förebyggande arbete"],
    ["Tidiga insatser för unga", "SI1 Tidiga insatser för unga"],
    ["Arbetsmarknadsförvaltningens jobbsatsning för unga", "SI1 Arbetsmarknadsförvaltninge…"],
  ])("%s → %s", (title, expected) => {
    const name = modelSheetName(fresh, "SI1", title);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(isValidSheetName(name)).toBe(true);
  });

  test("a taken name gets (2), still of whole words and within 31 characters", () => {
    const taken = { sheetNames: ["Driftbudget 2025", "SI1 Familjecentral (Ale)"], names: [] };
    const name = modelSheetName(taken, "SI1", LONG);
    expect(name).toBe("SI1 Familjecentral (Ale) (2)");
    const taken3 = { sheetNames: [...taken.sheetNames, "si1 familjecentral (ale) (2)"], names: [] };
    expect(modelSheetName(taken3, "SI1", LONG)).toBe("SI1 Familjecentral (Ale) (3)");
  });

  test("the plan's sheet and stored settings use the shortened name; the title row holds the whole title", () => {
    const s = SAMPLES.find((x) => x.id === "plain")!;
    const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
    const r = planModel({ ...s.inputs, title: LONG }, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.plan.sheets[0].name).toBe("SI1 Familjecentral (Ale)");
    expect(r.settings.sheets).toEqual(["SI1 Familjecentral (Ale)"]);
    const title = r.plan.sheets[0].blocks.find((b) => b.row === 0 && b.col === 0)!;
    expect(title.cells[0][0]).toBe(`Social investering: ${LONG}`);
  });

  test("property: any title gives a valid name of whole words of the title, with nothing dangling at the end", () => {
    const word = fc.oneof(
      fc.constantFrom(
        "Familjecentral",
        "(Ale),",
        "förebyggande",
        "insatser",
        "för",
        "barn",
        "och",
        "unga",
        "2025–2030",
        "(BUP)",
        "Socialnämnden,",
        "m.fl.",
        "–",
        "(",
        ",",
      ),
      fc.stringMatching(/^[A-Za-zÅÄÖåäö]{1,12}$/),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 3 }), (ws, n) => {
        const title = ws.join(" ");
        const taken = { sheetNames: n === 1 ? [] : [shortName(`SI1 ${title}`, MAX_SHEET_NAME)], names: [] };
        const name = modelSheetName(taken, "SI1", title);
        expect(isValidSheetName(name)).toBe(true);
        const body = name.replace(/ \(\d+\)$/, "");
        if (`SI1 ${title}`.length > MAX_SHEET_NAME - (n === 1 ? 0 : 4)) {
          if (body.endsWith("…")) return; // one word too long to fit at all: cut, and shown to be cut
          // Whole words of the title, from its start (the last one may have lost trailing punctuation).
          const got = words(body);
          const all = words(`SI1 ${title}`);
          got.slice(0, -1).forEach((w, i) => expect(w).toBe(all[i]));
          expect(all[got.length - 1].startsWith(got[got.length - 1])).toBe(true);
          expect(body).not.toMatch(/[,(;:–-]$/);
          let depth = 0;
          for (const ch of body) depth = Math.max(0, depth + (ch === "(" ? 1 : ch === ")" ? -1 : 0));
          expect([body, depth]).toEqual([body, 0]); // no bracket left open
        }
      }),
      { numRuns: 300 },
    );
  });
});
