/**
 * The planner's bilingual messages: refusals (the model cannot be built) and notes (warnings and
 * explanations shown in the pane). Ids are stable; tests and the pane refer to them.
 *
 * Refusals travel as SocinvError (the core's error type) inside the planner and come out of the public
 * functions as values ({ ok: false, error }), so the pane never has to catch anything.
 */
import { SocinvError, catalogue } from "../core/errors";

type Params = Record<string, string | number>;
interface Text {
  sv: (p: Params) => string;
  en: (p: Params) => string;
}
interface Refusal extends Text {
  kind: "invalidValue";
}

export type Severity = "error" | "warning" | "info";

/** A message for the user, already rendered in both languages. */
export interface PlannerMessage {
  id: string;
  severity: Severity;
  sv: string;
  en: string;
  /** A1 address (with sheet) the message is about, when there is one. */
  cell?: string;
}

const REFUSALS = {
  oneCell: {
    kind: "invalidValue",
    sv: () => "Markeringen är en enda cell. Markera hela budgetblocket: årsrubriker överst, radetiketter till vänster.",
    en: () => "The selection is a single cell. Select the whole budget block: year headers on top, row labels on the left.",
  },
  tooManyRows: {
    kind: "invalidValue",
    sv: (p) =>
      `Markeringen har ${p.rows} rader; högst ${p.max} kan läsas. Markera de nämnder och verksamheter som berörs (t.ex. en sammanställning per verksamhet), inte hela huvudboken.`,
    en: (p) =>
      `The selection has ${p.rows} rows; at most ${p.max} can be read. Select the committees and activities concerned (e.g. a summary by activity), not the whole ledger.`,
  },
  tooManyColumns: {
    kind: "invalidValue",
    sv: (p) => `Markeringen har ${p.cols} kolumner; högst ${p.max} kan läsas.`,
    en: (p) => `The selection has ${p.cols} columns; at most ${p.max} can be read.`,
  },
  noYearHeader: {
    kind: "invalidValue",
    sv: () => `Ingen årsrubrik hittades. Markeringen måste ha en rad med år överst, t.ex. "Bokslut 2024", "Budget 2025", "Plan 2026" eller 2027.`,
    en: () => `No year header was found. The selection needs a row of years on top, e.g. "Bokslut 2024", "Budget 2025", "Plan 2026" or 2027.`,
  },
  noNumbers: {
    kind: "invalidValue",
    sv: () => "Markeringen innehåller inga belopp under årsrubrikerna.",
    en: () => "The selection holds no amounts under the year headers.",
  },
  badAddress: {
    kind: "invalidValue",
    sv: (p) => `Ogiltig celladress ${p.got}.`,
    en: (p) => `Invalid cell address ${p.got}.`,
  },
  noLines: {
    kind: "invalidValue",
    sv: () => "Modellen har inga rader: välj minst en rad som kostnad eller nytta, eller lägg till en egen rad.",
    en: () => "The model has no lines: choose at least one row as a cost or a gain, or add a line of your own.",
  },
  tooManyLines: {
    kind: "invalidValue",
    sv: (p) => `Modellen skulle få ${p.got} rader; högst ${p.max}. Välj färre rader eller använd summarader.`,
    en: (p) => `The model would have ${p.got} lines; at most ${p.max}. Choose fewer rows or use sum rows.`,
  },
  unknownActor: {
    kind: "invalidValue",
    sv: (p) => `Raden "${p.line}" har aktören "${p.actor}", som inte finns i aktörslistan.`,
    en: (p) => `The line "${p.line}" has the actor "${p.actor}", which is not in the list of actors.`,
  },
  duplicateActor: {
    kind: "invalidValue",
    sv: (p) => `Två aktörer heter "${p.label}". Ge dem olika namn.`,
    en: (p) => `Two actors are called "${p.label}". Give them different names.`,
  },
  emptyActor: {
    kind: "invalidValue",
    sv: (p) => `Aktören ${p.id} saknar namn.`,
    en: (p) => `The actor ${p.id} has no name.`,
  },
  rowNotInBlock: {
    kind: "invalidValue",
    sv: (p) => `Rad ${p.row} ("${p.label}") finns inte i budgetblocket ${p.address}.`,
    en: (p) => `Row ${p.row} ("${p.label}") is not in the budget block ${p.address}.`,
  },
  unitUnknown: {
    kind: "invalidValue",
    sv: () => "Budgetens enhet är okänd. Välj kr, tkr eller mnkr.",
    en: () => "The budget's unit is unknown. Choose kr, tkr or mnkr.",
  },
  badInput: {
    kind: "invalidValue",
    sv: (p) => `${p.sv} måste vara ${p.ruleSv} (fick ${p.got}).`,
    en: (p) => `${p.en} must be ${p.ruleEn} (got ${p.got}).`,
  },
  priceIndexNoPriceYear: {
    kind: "invalidValue",
    sv: (p) =>
      `${p.name ? `Prisindexet ${p.name}` : "Prisindexet"} saknar värde för prisåret ${p.year}. Ange indexvärdet för ${p.year} eller välj ett prisår som indexet har (${p.years}).`,
    en: (p) =>
      `${p.name ? `The price index ${p.name}` : "The price index"} has no value for the price year ${p.year}. Enter the index value for ${p.year} or choose a price year the index has (${p.years}).`,
  },
  priceIndexNoYear: {
    kind: "invalidValue",
    sv: (p) =>
      `${p.name ? `Prisindexet ${p.name}` : "Prisindexet"} saknar värde för ${p.year}, ett av budgetens år (indexet har ${p.years}). Ange indexvärdet för ${p.year}: år efter indexets sista år räknas med det sista värdet, men år före eller inom indexet gissas inte.`,
    en: (p) =>
      `${p.name ? `The price index ${p.name}` : "The price index"} has no value for ${p.year}, one of the budget's years (the index has ${p.years}). Enter the index value for ${p.year}: years after the index's last year use its last value, but years before or within the index are not guessed.`,
  },
  budgetMissing: {
    kind: "invalidValue",
    sv: () => "Raderna hänvisar till ett budgetblock, men inget budgetblock är läst.",
    en: () => "The rows refer to a budget block, but no budget block has been read.",
  },
  badSettings: {
    kind: "invalidValue",
    sv: (p) => `Modellens sparade inställningar kan inte läsas: ${p.detail}`,
    en: (p) => `The model's stored settings cannot be read: ${p.detail}`,
  },
} satisfies Record<string, Refusal>;

export type RefusalId = keyof typeof REFUSALS;

/** Throws a refusal (a SocinvError with a bilingual message). */
export const refuse: (id: RefusalId, params?: Params) => never = catalogue<RefusalId>(REFUSALS);

const NOTES = {
  sumRows: {
    sv: (p) => `${p.count} summarader hittades (${p.list}). De föreslås uteslutas så att inget räknas två gånger.`,
    en: (p) => `${p.count} sum rows found (${p.list}). They are proposed for exclusion so that nothing is counted twice.`,
  },
  blankRows: {
    sv: (p) => `${p.count} tomma rader hoppades över.`,
    en: (p) => `${p.count} blank rows were skipped.`,
  },
  blankYears: {
    sv: (p) => `${p.count} tomma belopp räknas som 0 (ett tomt år är noll, det flyttar inte senare år).`,
    en: (p) => `${p.count} blank amounts count as 0 (a blank year is zero; it does not shift later years).`,
  },
  textNumber: {
    sv: (p) =>
      `Cellen innehåller texten ${p.text}, läst som ${p.value}. Modellen kopierar värdet (det följer inte ändringar i cellen); skriv gärna in talet som ett tal.`,
    en: (p) =>
      `The cell holds the text ${p.text}, read as ${p.value}. The model copies the value (it will not follow changes to the cell); consider entering it as a number.`,
  },
  dashZero: {
    sv: (p) => `Cellen innehåller ${p.text}, läst som 0.`,
    en: (p) => `The cell holds ${p.text}, read as 0.`,
  },
  unreadable: {
    sv: (p) => `Cellen innehåller ${p.text}, som inte är ett belopp. Den räknas som 0; rätta cellen om det är fel.`,
    en: (p) => `The cell holds ${p.text}, which is not an amount. It counts as 0; correct the cell if that is wrong.`,
  },
  ambiguousNumber: {
    sv: (p) => `Cellen innehåller ${p.text}; punkten lästes som decimaltecken (${p.value}). Kontrollera.`,
    en: (p) => `The cell holds ${p.text}; the point was read as a decimal point (${p.value}). Please check.`,
  },
  dashNegatives: {
    sv: (p) => `${p.count} negativa belopp visas med tankstreck eller parentes (t.ex. ${p.example}); de läses som negativa tal.`,
    en: (p) => `${p.count} negative amounts are shown with a dash or parentheses (e.g. ${p.example}); they are read as negative numbers.`,
  },
  unitFound: {
    sv: (p) => `Enheten ${p.unit} hittades i ${p.where}.`,
    en: (p) => `The unit ${p.unit} was found in ${p.where}.`,
  },
  unitUnknown: {
    sv: () => "Enheten (kr, tkr eller mnkr) framgår inte av markeringen. Välj enhet.",
    en: () => "The unit (kr, tkr or mnkr) is not evident from the selection. Choose the unit.",
  },
  unitConflict: {
    sv: (p) => `Markeringen nämner flera enheter (${p.units}). Välj enhet.`,
    en: (p) => `The selection mentions several units (${p.units}). Choose the unit.`,
  },
  unitScaledFormat: {
    sv: () => "Talformatet visar beloppen skalade (t.ex. i miljoner), men cellerna innehåller kronor; enheten sätts till kr.",
    en: () => "The number format shows the amounts scaled (e.g. in millions), but the cells hold kronor; the unit is set to kr.",
  },
  mergedCells: {
    sv: (p) => `Sammanfogade celler (${p.list}): etiketten i den första cellen gäller för hela området.`,
    en: (p) => `Merged cells (${p.list}): the label in the first cell applies to the whole area.`,
  },
  mergedNumbers: {
    sv: (p) => `Sammanfogade celler över årskolumner (${p.list}): beloppet räknas bara för det första året.`,
    en: (p) => `Merged cells across year columns (${p.list}): the amount counts for the first year only.`,
  },
  duplicateYear: {
    sv: (p) => `Året ${p.year} förekommer två gånger (${p.kept} och ${p.dropped}); ${p.kept} används.`,
    en: (p) => `The year ${p.year} appears twice (${p.kept} and ${p.dropped}); ${p.kept} is used.`,
  },
  yearGap: {
    sv: (p) => `Budgeten saknar året ${p.year}; beloppen för det året räknas som 0.`,
    en: (p) => `The budget has no column for ${p.year}; amounts for that year count as 0.`,
  },
  ignoredColumns: {
    sv: (p) => `Kolumnerna ${p.list} har ingen årsrubrik och används inte.`,
    en: (p) => `The columns ${p.list} have no year header and are not used.`,
  },
  costsNegative: {
    sv: () => "De flesta belopp är negativa: budgeten verkar visa kostnader som negativa tal. Modellen vänder tecknet.",
    en: () => "Most amounts are negative: the budget seems to show costs as negative numbers. The model flips the sign.",
  },
  yearKinds: {
    sv: (p) => `Årskolumner: ${p.list}.`,
    en: (p) => `Year columns: ${p.list}.`,
  },
  labelChanged: {
    sv: (p) => `Raden ${p.cell} heter nu "${p.now}" (var "${p.was}"). Kontrollera att det är rätt rad.`,
    en: (p) => `Row ${p.cell} is now called "${p.now}" (was "${p.was}"). Check that it is the right row.`,
  },
  sumRowChosen: {
    sv: (p) => `Summaraden "${p.label}" ingår i modellen; se till att dess delrader inte också ingår.`,
    en: (p) => `The sum row "${p.label}" is part of the model; make sure its detail rows are not included too.`,
  },
  beyondBudget: {
    sv: (p) =>
      `Modellen går till ${p.last}, budgeten till ${p.budgetLast}. Åren efter budgeten: raderna räknas som 0 eller med sista årets belopp, som valt per rad (kolumnen Efter budgetåren).`,
    en: (p) =>
      `The model runs to ${p.last}, the budget to ${p.budgetLast}. Years after the budget: lines count as 0 or repeat the last year's amount, as chosen per line (column After the budget years).`,
  },
  defaultCommitments: {
    sv: (p) => `Inga åtaganden angavs; förslaget är att ${p.actors} återbetalar lika delar av utbetalningen under ${p.years} år från ${p.from}.`,
    en: (p) => `No commitments were given; the proposal is that ${p.actors} repay equal parts of the payout over ${p.years} years from ${p.from}.`,
  },
  noRepayingActors: {
    sv: () => "Ingen kommunal aktör har nyttor, så inget kan återföras till fonden ur besparingar.",
    en: () => "No kommun actor has gains, so nothing can be repaid to the fund from savings.",
  },
  noParticipants: {
    sv: () => "Antal deltagare är 0, så brytpunkten (antal som måste lyckas) kan inte räknas ut.",
    en: () => "The number of participants is 0, so break-even (how many must succeed) cannot be computed.",
  },
  addinStyle: {
    sv: () =>
      "Formelstil Tillägg: modellen använder SOCINV-funktioner och kräver tillägget hos den som öppnar filen. Kommandot Gör portabel skriver om den med inbyggda funktioner.",
    en: () =>
      "Formula style Add-in: the model uses SOCINV functions and needs the add-in wherever the file is opened. The Make portable command rewrites it with built-in functions.",
  },
  individualHorizon: {
    sv: (p) =>
      `Horisonten är ${p.horizon} år, men åldrarna ${p.start}–${p.end} ger ${p.years} år. Ändra horisonten om karriären ska räknas till ${p.end} års ålder.`,
    en: (p) =>
      `The horizon is ${p.horizon} years, but ages ${p.start}–${p.end} give ${p.years} years. Change the horizon if the career is to be counted to age ${p.end}.`,
  },
  priceIndexApplied: {
    sv: (p) =>
      `Budgetens belopp räknas om till ${p.year} års priser med ${p.name}: belopp × index ${p.year} ÷ index för beloppets år. Egna rader anges i ${p.year} års priser och räknas inte om.`,
    en: (p) =>
      `Budget amounts are converted to ${p.year} prices with ${p.name}: amount × index ${p.year} ÷ index of the amount's year. Typed lines are in ${p.year} prices and are not converted.`,
  },
  priceIndexExtended: {
    sv: (p) => `${p.name} slutar ${p.last}; beloppen för ${p.years} räknas med ${p.last} års index, dvs. som om de redan vore i ${p.last} års priser.`,
    en: (p) => `${p.name} ends in ${p.last}; the amounts for ${p.years} use the ${p.last} index, i.e. as if they were already in ${p.last} prices.`,
  },
  priceIndexUnused: {
    sv: () => "Prisindexet används inte: modellen har inga budgetrader, och egna rader anges i prisårets priser.",
    en: () => "The price index is not used: the model has no budget lines, and typed lines are in the price year's prices.",
  },
  unitOverride: {
    sv: (p) => `Enheten är satt till ${p.unit} av användaren (hittad: ${p.found}).`,
    en: (p) => `The unit is set to ${p.unit} by the user (found: ${p.found}).`,
  },
} satisfies Record<string, Text>;

export type NoteId = keyof typeof NOTES;

export function note(id: NoteId, severity: Severity, params: Params = {}, cell?: string): PlannerMessage {
  const t = NOTES[id];
  const m: PlannerMessage = { id, severity, sv: t.sv(params), en: t.en(params) };
  if (cell !== undefined) m.cell = cell;
  return m;
}

/** A refusal as a message value. Anything else that escaped becomes an "internal" message, never an exception. */
export function toMessage(e: unknown): PlannerMessage {
  if (e instanceof SocinvError) return { id: e.id, severity: "error", sv: e.sv, en: e.en };
  const detail = e instanceof Error ? e.message : String(e);
  const err = new SocinvError("internal", { detail });
  return { id: "internal", severity: "error", sv: err.sv, en: err.en };
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: PlannerMessage };

/** Runs a planner step and turns a refusal into a value. */
export function attempt<T extends object>(body: () => T): Result<T> {
  try {
    return { ok: true, ...body() };
  } catch (e) {
    return { ok: false, error: toMessage(e) };
  }
}
