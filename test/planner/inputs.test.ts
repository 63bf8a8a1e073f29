import { readBudgetOrThrow } from "../../src/planner/budget";
import { computeModel } from "../../src/planner/compute";
import { BUILTIN_ACTORS, TEMPLATES, applyTemplate, defaultInputs, templateById, userActor } from "../../src/planner/inputs";
import { planModel } from "../../src/planner/planModel";
import { SAMPLES, sampleInputs, sampleSnapshot } from "../../src/planner/samples";

describe("defaults", () => {
  test("3.5 % real, end-of-year timing, portable formulas, ten years, a four-year mandate, no fund, no adjustments", () => {
    const d = defaultInputs();
    expect(d.discount).toEqual({ kind: "constant", rate: 0.035 });
    expect(d.timing).toBe(0);
    expect(d.formulaStyle).toBe("portable");
    expect(d.horizon).toBe(10);
    expect(d.mandateYears).toBe(4);
    expect(d.fund.rule).toBe("none");
    expect(Object.values(d.adjustments).every((x) => x === 0)).toBe(true);
    expect(d.language).toBe("sv");
    expect(defaultInputs("en").title).toBe("Social investment");
  });

  test("defaults are fresh objects (editing one does not change the next)", () => {
    const a = defaultInputs();
    a.actors[0].label.sv = "Ändrad";
    a.adjustments.deadweight = 0.5;
    a.fund.repayingActors.push("son");
    const b = defaultInputs();
    expect(b.actors[0].label.sv).toBe(BUILTIN_ACTORS[0].label.sv);
    expect(b.adjustments.deadweight).toBe(0);
    expect(b.fund.repayingActors).toEqual([]);
  });

  test("a model from typed lines only, without a budget block, can be built", () => {
    const i = defaultInputs("en");
    i.startYear = 2025;
    i.extraLines = [
      { label: "Programme", role: "cost", actor: "son", amounts: [1000000], after: "zero" },
      { label: "Placements avoided", role: "gain", actor: "son", amounts: [0, 300000], after: "repeatLast" },
    ];
    const r = planModel(i, null, { sheetNames: [], names: [] });
    expect(r.ok).toBe(true);
    const c = computeModel(i, null);
    if (!c.ok) throw new Error(c.error.en);
    expect(c.result.gains).toEqual([0, 300000, 300000, 300000, 300000, 300000, 300000, 300000, 300000, 300000]);
  });

  test("without a budget block the start year must be given", () => {
    const i = defaultInputs("en");
    i.extraLines = [{ label: "Programme", role: "cost", actor: "son", amounts: [1], after: "zero" }];
    const r = planModel(i, null, { sheetNames: [], names: [] });
    expect(r.ok || r.error.id).toBe("badInput");
  });
});

describe("typical individual", () => {
  test("a horizon that does not match the ages is pointed out; impossible ages are refused", () => {
    const s = SAMPLES.find((x) => x.id === "individual")!;
    const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
    const facts = { sheetNames: [s.selection.sheet], names: [] };
    const ok = planModel(s.inputs, block, facts);
    expect(ok.ok && ok.notes.some((n) => n.id === "individualHorizon")).toBe(false);
    const shorter = planModel({ ...s.inputs, horizon: 30 }, block, facts);
    expect(shorter.ok && shorter.notes.find((n) => n.id === "individualHorizon")?.en).toMatch(/ages 18–65 give 47 years/);
    const bad = planModel({ ...s.inputs, individual: { startAge: 65, endAge: 18 } }, block, facts);
    expect(bad.ok || bad.error.id).toBe("badInput");
  });
});

describe("actors", () => {
  test("the built-in actors cover the nämnder, the region, the state agencies, the individual and society, in both languages", () => {
    const kinds = new Set(BUILTIN_ACTORS.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(["individual", "namnd", "region", "society", "state"]);
    expect(BUILTIN_ACTORS.map((a) => a.label.sv)).toEqual(
      expect.arrayContaining(["Socialnämnden", "Försäkringskassan", "Arbetsförmedlingen", "Rättsväsendet", "Individen"]),
    );
    for (const a of BUILTIN_ACTORS) expect(a.label.en).not.toBe("");
    expect(new Set(BUILTIN_ACTORS.map((a) => a.id)).size).toBe(BUILTIN_ACTORS.length);
  });

  test("user-added actors get fresh ids and the same name in both languages", () => {
    const list = defaultInputs().actors;
    const a = userActor("  Fastighetsbolaget ", list);
    expect(a).toEqual({ id: "u1", kind: "other", label: { sv: "Fastighetsbolaget", en: "Fastighetsbolaget" }, userAdded: true });
    const b = userActor("Föreningar", [...list, a], "other");
    expect(b.id).toBe("u2");
  });
});

describe("templates", () => {
  test("five templates with Swedish and English labels and descriptions", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["plain", "norrkoping", "malmo", "ale", "individual"]);
    for (const t of TEMPLATES) {
      expect(t.label.sv.length).toBeGreaterThan(5);
      expect(t.label.en.length).toBeGreaterThan(5);
      expect(t.description.sv.length).toBeGreaterThan(40);
      expect(t.description.en.length).toBeGreaterThan(40);
      expect(t.inputs.template).toBe(t.id);
    }
    expect(templateById("ale").inputs.fund?.rule).toBe("dual");
    expect(templateById("norrkoping").inputs.fund?.rule).toBe("savings");
    expect(templateById("malmo").inputs.fund?.rule).toBe("committed");
    expect(templateById("individual").inputs.gainBasis).toBe("perSuccess");
  });

  test("switching template keeps the user's sheet, rows, actors and lines", () => {
    const s = SAMPLES[0].inputs;
    const ale = applyTemplate("ale", s);
    expect(ale.template).toBe("ale");
    expect(ale.rows).toBe(s.rows);
    expect(ale.source).toBe(s.source);
    expect(ale.extraLines).toBe(s.extraLines);
    expect(ale.fund.rule).toBe("dual");
    expect(applyTemplate("plain", ale).fund.rule).toBe("none");
  });

  test.each(TEMPLATES.map((t) => t.id))("the %s sample builds in Swedish and English, and survives JSON", (id) => {
    for (const lang of ["sv", "en"] as const) {
      const inputs = sampleInputs(id, lang);
      const s = SAMPLES.find((x) => x.id === id)!;
      expect(JSON.parse(JSON.stringify(inputs))).toEqual(inputs);
      const block = readBudgetOrThrow(sampleSnapshot(s.workbook, s.selection.sheet, s.selection.address));
      const r = planModel(inputs, block, { sheetNames: s.workbook.sheets.map((x) => x.name), names: [] });
      if (!r.ok) throw new Error(r.error.en);
      expect(r.notes.every((n) => n.sv && n.en)).toBe(true);
    }
  });
});
