/**
 * Whose budget a row is (planner/actor-guess.ts): from the nämnd heading, the row's label, the sheet's title
 * and clear words; nothing else, never a silent default. And the lines whose chosen actor their label clearly
 * contradicts, for the plausibility warnings.
 */
import fc from "fast-check";
import { actorMismatches, guessActorFor, namndNames } from "../../src/planner/actor-guess";
import { readBudgetOrThrow } from "../../src/planner/budget";
import { BUILTIN_ACTORS, ModelInputs, defaultInputs, userActor } from "../../src/planner/inputs";
import { INDIVIDUAL_SELECTION, INDIVIDUAL_SHEET, SAMPLE_INDIVIDUAL, sampleInputs, sampleSnapshot } from "../../src/planner/samples";

const guess = (label: string, group: string | null = null, sheet?: string, titles?: string[]) => guessActorFor({ label, group, sheet, titles }, BUILTIN_ACTORS);

describe("guessing a row's actor", () => {
  test.each([
    ["Förskola", "Barn- och utbildningsnämnden", undefined, "bun", "group"],
    ["Placeringar", "Socialnämnden", undefined, "son", "group"],
    ["Summa socialnämnden", null, undefined, "son", "label"],
    ["Socialnämnden totalt", null, undefined, "son", "label"],
    ["Försäkringskassan", null, undefined, "fk", "label"],
    ["Nämnd och förvaltningsledning", null, "Socialnämnden", "son", "title"],
    ["Ledning", null, "Blad1", "son", "title"],
    ["Psykiatri och primärvård", null, "Typindivid", "region", "words"],
    ["Aktivitetsersättning", null, undefined, "fk", "words"],
    ["Polis, domstol och kriminalvård", null, undefined, "rv", "words"],
    ["Produktionsbortfall", null, undefined, "samhalle", "words"],
    ["Grundskola", null, undefined, "bun", "words"],
    ["Kulturskola", null, undefined, "kfn", "words"],
    ["Individ- och familjeomsorg, myndighet", "Individ- och familjeomsorg", undefined, "son", "words"],
    ["Kommunledning", "KS", undefined, "ks", "group"],
  ])("%s under %s on %s: %s (from %s)", (label, group, sheet, actor, from) => {
    const titles = label === "Ledning" ? ["Socialnämndens budget 2015"] : undefined;
    expect(guess(label, group, sheet, titles)).toMatchObject({ actor, sure: true, from });
  });

  test("a nämnd the sheet names but the actors lack gets no actor, and is proposed by name", () => {
    expect(guess("Gata och park", "Tekniska nämnden")).toMatchObject({ actor: null, sure: false, from: "group", missing: "Tekniska nämnden" });
    expect(guess("Summa vård- och omsorgsnämnden")).toMatchObject({ actor: null, missing: "Vård- och omsorgsnämnden", from: "label" });
    expect(guess("Bygglov", null, "Miljö- och byggnadsnämnden")).toMatchObject({ actor: null, missing: "Miljö- och byggnadsnämnden", from: "title" });
    // Once added, it is that actor.
    const actors = [...BUILTIN_ACTORS, userActor("Tekniska nämnden", BUILTIN_ACTORS, "namnd")];
    expect(guessActorFor({ label: "Gata och park", group: "Tekniska nämnden" }, actors)).toMatchObject({ actor: "u1", sure: true, from: "group" });
  });

  test("nothing to go on: no actor, and the reason says so (never the first kommun actor)", () => {
    expect(guess("Övrigt", null, "Blad1", ["Driftbudget 2025", "Belopp i mnkr"])).toEqual({
      actor: null,
      sure: false,
      from: "none",
      reason: {
        sv: "inget i radens etikett, rubriken eller bladets titel pekar ut en aktör",
        en: "nothing in the row's label, its heading or the sheet's title points at an actor",
      },
    });
    // A title naming two nämnder decides nothing.
    expect(guess("Ledning", null, "Blad1", ["Socialnämnden och arbetsmarknadsnämnden"]).actor).toBeNull();
  });

  test("weak words are a suggestion, not an assignment; words of two actors decide nothing", () => {
    expect(guess("Äldreomsorg")).toMatchObject({ actor: "son", sure: false, from: "words" });
    expect(guess("Vuxenutbildning")).toMatchObject({ actor: "amn", sure: false });
    expect(guess("Grundskola och psykiatri").actor).toBeNull();
  });

  test("nämnd names in a text", () => {
    expect(namndNames("Socialnämndens budget 2015")).toEqual(["Socialnämnden"]);
    expect(namndNames("Tekniska nämnden")).toEqual(["Tekniska nämnden"]);
    expect(namndNames("Summa miljö- och byggnadsnämnden")).toEqual(["Miljö- och byggnadsnämnden"]);
    expect(namndNames("Kommunstyrelsen, kommunledning")).toEqual(["Kommunstyrelsen"]);
    expect(namndNames("Nettokostnad per nämnd och verksamhet")).toEqual([]);
    expect(namndNames("Nämnd och förvaltningsledning")).toEqual([]);
  });

  test("property: any label gives an actor of the list or none, sure only with an actor, and a reason in both languages", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 30 })), fc.string({ maxLength: 31 }), (label, group, sheet) => {
        const g = guessActorFor({ label, group, sheet }, BUILTIN_ACTORS);
        if (g.actor !== null) expect(BUILTIN_ACTORS.map((a) => a.id)).toContain(g.actor);
        if (g.sure) expect(g.actor).not.toBeNull();
        expect(g.reason.sv.length).toBeGreaterThan(5);
        expect(g.reason.en.length).toBeGreaterThan(5);
      }),
    );
  });
});

describe("actors that do not match their label", () => {
  const block = readBudgetOrThrow(sampleSnapshot(SAMPLE_INDIVIDUAL, INDIVIDUAL_SHEET, INDIVIDUAL_SELECTION));

  test("the sample's typical individual has every actor right: no warning", () => {
    expect(actorMismatches(sampleInputs("individual"), block)).toEqual([]);
  });

  test('"Psykiatri och primärvård" given to barn- och utbildningsnämnden is named, with the region its words point at', () => {
    const inputs = sampleInputs("individual");
    const psyk = inputs.rows.find((r) => r.label === "Psykiatri och primärvård")!;
    const wrong: ModelInputs = { ...inputs, rows: inputs.rows.map((r) => (r === psyk ? { ...r, actor: "bun" } : r)) };
    expect(actorMismatches(wrong, block)).toEqual([
      {
        kind: "actorMismatch",
        sv: 'Raden "Psykiatri och primärvård" har aktören Barn- och utbildningsnämnden, men ordet "psykiatri" pekar på Regionen (hälso- och sjukvård). Kontrollera aktören.',
        en: 'The line "Psykiatri och primärvård" has the actor Children and education committee, but the word "psykiatri" points at Region (health care). Check the actor.',
        rows: [psyk.sheetRow],
      },
    ]);
  });

  test("a row under one nämnd's heading given to another, a typed line, and a nämnd not among the actors", () => {
    const inputs = defaultInputs("sv");
    const b = readBudgetOrThrow(
      sampleSnapshot(
        {
          sheets: [
            {
              name: "Budget",
              cells: [
                ["Verksamhet", "Budget 2025", "Plan 2026"],
                ["Socialnämnden", null, null],
                ["Politisk verksamhet", 1.5, 1.6],
                ["Tekniska nämnden", null, null],
                ["Gata och park", 30, 31],
              ],
            },
          ],
        },
        "Budget",
        "A1:C5",
      ),
    );
    const chosen: ModelInputs = {
      ...inputs,
      rows: [
        { sheetRow: 2, label: "Politisk verksamhet", role: "cost", actor: "bun", share: 1, after: "zero" },
        { sheetRow: 4, label: "Gata och park", role: "gain", actor: "ks", share: 0.1, after: "zero" },
      ],
      extraLines: [{ label: "Sjukpenning", role: "gain", actor: "af", amounts: [1000], after: "zero" }],
    };
    const m = actorMismatches(chosen, b);
    expect(m.map((x) => x.rows)).toEqual([[2], [4], undefined]);
    expect(m[0].sv).toBe(
      'Raden "Politisk verksamhet" har aktören Barn- och utbildningsnämnden, men den står under rubriken "Socialnämnden" (Socialnämnden). Kontrollera aktören.',
    );
    expect(m[1].sv).toBe(
      'Raden "Gata och park" har aktören Kommunstyrelsen, men den står under rubriken "Tekniska nämnden". Kontrollera aktören; lägg till Tekniska nämnden som aktör om raden hör dit.',
    );
    expect(m[2].en).toBe(
      'The line "Sjukpenning" has the actor Public Employment Service, but the word "sjukpenning" points at Social Insurance Agency. Check the actor.',
    );
    // Ignored rows and rows without an actor are not checked.
    expect(actorMismatches({ ...chosen, rows: chosen.rows.map((r) => ({ ...r, role: "ignore" as const })), extraLines: [] }, b)).toEqual([]);
  });
});
