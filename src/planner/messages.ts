/**
 * The planner's bilingual messages: refusals (the model cannot be built) and notes (warnings and
 * explanations shown in the pane). Ids are stable; tests and the pane refer to them.
 *
 * Refusals travel as SocinvError (the core's error type) inside the planner and come out of the public
 * functions as values ({ ok: false, error }), so the pane never has to catch anything.
 */
import { SocinvError, catalogue } from "../core/errors";
import { enNumber, svNumber } from "../core/exact";
import type { BlockSearch } from "./snapshot";

type Params = Record<string, string | number>;

/** A number in a message by the core's one formatter (Swedish 1 234 567 and −1,5; English 1,234,567); text as it is. */
const sv = (x: unknown): string => (typeof x === "number" ? svNumber(x) : String(x));
const en = (x: unknown): string => (typeof x === "number" ? enNumber(x) : String(x));
/** The word for a count: `one` when it is 1, `many` otherwise (0, 2, 1,5 …). */
const forCount = (n: unknown, one: string, many: string): string => (Number(n) === 1 ? one : many);
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

/** Exported for the text checks (test/project/swedish-text.test.ts). */
export const REFUSALS = {
  oneCell: {
    kind: "invalidValue",
    sv: () => "Markeringen är en enda cell. Markera hela budgetblocket: årsrubriker överst, radetiketter till vänster.",
    en: () => "The selection is a single cell. Select the whole budget block: year headers on top, row labels on the left.",
  },
  tooManyRows: {
    kind: "invalidValue",
    sv: (p) =>
      `Markeringen har ${sv(p.rows)} ${forCount(p.rows, "rad", "rader")}; högst ${sv(p.max)} kan läsas. Markera de nämnder och verksamheter som berörs (t.ex. en sammanställning per verksamhet), inte hela huvudboken.`,
    en: (p) =>
      `The selection has ${en(p.rows)} ${forCount(p.rows, "row", "rows")}; at most ${en(p.max)} can be read. Select the committees and activities concerned (e.g. a summary by activity), not the whole ledger.`,
  },
  tooManyColumns: {
    kind: "invalidValue",
    sv: (p) => `Markeringen har ${sv(p.cols)} ${forCount(p.cols, "kolumn", "kolumner")}; högst ${sv(p.max)} kan läsas.`,
    en: (p) => `The selection has ${en(p.cols)} ${forCount(p.cols, "column", "columns")}; at most ${en(p.max)} can be read.`,
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
    sv: (p) => `Modellen skulle få ${sv(p.got)} ${forCount(p.got, "rad", "rader")}; högst ${sv(p.max)}. Välj färre rader eller använd summarader.`,
    en: (p) => `The model would have ${en(p.got)} ${forCount(p.got, "line", "lines")}; at most ${en(p.max)}. Choose fewer rows or use sum rows.`,
  },
  unknownActor: {
    kind: "invalidValue",
    sv: (p) => `Raden "${p.line}" har aktören "${p.actor}", som inte finns i aktörslistan.`,
    en: (p) => `The line "${p.line}" has the actor "${p.actor}", which is not in the list of actors.`,
  },
  noActor: {
    kind: "invalidValue",
    sv: (p) => `Raden "${p.line}" har ingen aktör. Välj vem som bär kostnaden eller får nyttan.`,
    en: (p) => `The line "${p.line}" has no actor. Choose who bears the cost or receives the gain.`,
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
  shareMissing: {
    kind: "invalidValue",
    sv: (p) =>
      `Raden "${p.label}" (rad ${p.row}) saknar andel. Skriv hur stor del av raden som är ${p.role === "gain" ? "undviken kostnad" : "insatsens kostnad"} (t.ex. 5 %); ingen andel antas.`,
    en: (p) =>
      `The row "${p.label}" (row ${p.row}) has no share. Type how much of the row is ${p.role === "gain" ? "avoided cost" : "the intervention's cost"} (e.g. 5%); no share is assumed.`,
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

/** Exported for the text checks (test/project/swedish-text.test.ts). */
export const NOTES = {
  sumRows: {
    sv: (p) =>
      `${sv(p.count)} ${forCount(p.count, "summarad hittades", "summarader hittades")} (${p.list}). ${forCount(p.count, "Den", "De")} föreslås uteslutas så att inget räknas två gånger.`,
    en: (p) =>
      `${en(p.count)} ${forCount(p.count, "sum row", "sum rows")} found (${p.list}). ${forCount(p.count, "It is", "They are")} proposed for exclusion so that nothing is counted twice.`,
  },
  nonAmountRows: {
    sv: (p) =>
      `${p.count === 1 ? "1 rad är inte ett driftbelopp" : `${p.count} rader är inte driftbelopp`} i budgetens enhet och erbjuds inte som kostnad eller nytta: ${p.listSv}. Lägg till en egen rad om en investering hör till insatsens kostnad.`,
    en: (p) =>
      `${p.count === 1 ? "1 row is not a drift amount" : `${p.count} rows are not drift amounts`} in the budget's unit and ${p.count === 1 ? "is" : "are"} not offered as a cost or gain: ${p.listEn}. Add a line of your own if an investment is part of the intervention's cost.`,
  },
  blankRows: {
    sv: (p) => `${sv(p.count)} ${forCount(p.count, "tom rad", "tomma rader")} hoppades över.`,
    en: (p) => `${en(p.count)} ${forCount(p.count, "blank row was", "blank rows were")} skipped.`,
  },
  blankYears: {
    sv: (p) => `${sv(p.count)} ${forCount(p.count, "tomt belopp", "tomma belopp")} räknas som 0 (ett tomt år är noll, det flyttar inte senare år).`,
    en: (p) => `${en(p.count)} ${forCount(p.count, "blank amount counts", "blank amounts count")} as 0 (a blank year is zero; it does not shift later years).`,
  },
  textNumbers: {
    sv: (p) =>
      p.count === 1
        ? `1 belopp var text och lästes som tal: ${p.cells}. Modellen kopierar värdet (det följer inte ändringar i cellen); skriv in det som ett tal om modellen ska följa budgeten.`
        : `${p.count} belopp var text och lästes som tal: ${p.cells} (t.ex. ${p.example}). Modellen kopierar värdena (de följer inte ändringar i cellerna); skriv in dem som tal om modellen ska följa budgeten.`,
    en: (p) =>
      p.count === 1
        ? `1 amount was text and was read as a number: ${p.cells}. The model copies the value (it will not follow changes to the cell); enter it as a number for the model to follow the budget.`
        : `${p.count} amounts were text and were read as numbers: ${p.cells} (e.g. ${p.example}). The model copies the values (they will not follow changes to the cells); enter them as numbers for the model to follow the budget.`,
  },
  dashZeros: {
    sv: (p) => (p.count === 1 ? `1 cell med bara ett streck (${p.cells}) lästes som 0.` : `${p.count} celler med bara ett streck (${p.cells}) lästes som 0.`),
    en: (p) => (p.count === 1 ? `1 cell holding only a dash (${p.cells}) was read as 0.` : `${p.count} cells holding only a dash (${p.cells}) were read as 0.`),
  },
  unreadable: {
    sv: (p) => `Cellen innehåller ${p.text}, som inte är ett belopp. Den räknas som 0; rätta cellen om det är fel.`,
    en: (p) => `The cell holds ${p.text}, which is not an amount. It counts as 0; correct the cell if that is wrong.`,
  },
  ambiguousNumbers: {
    sv: (p) =>
      `${p.count} belopp med en punkt och tre siffror efter den (${p.cells}) lästes med punkten som decimaltecken. Kontrollera att punkten inte skiljer tusental.`,
    en: (p) =>
      p.count === 1
        ? `1 amount with a point followed by three digits (${p.cells}) was read with the point as a decimal point. Check that the point does not separate thousands.`
        : `${p.count} amounts with a point followed by three digits (${p.cells}) were read with the point as a decimal point. Check that the point does not separate thousands.`,
  },
  dashNegatives: {
    sv: (p) =>
      `${sv(p.count)} ${forCount(p.count, "negativt belopp visas", "negativa belopp visas")} med tankstreck eller parentes (t.ex. ${p.example}); ${forCount(p.count, "det läses som ett negativt tal", "de läses som negativa tal")}.`,
    en: (p) =>
      `${en(p.count)} ${forCount(p.count, "negative amount is", "negative amounts are")} shown with a dash or parentheses (e.g. ${p.example}); ${forCount(p.count, "it is read as a negative number", "they are read as negative numbers")}.`,
  },
  unitFound: {
    sv: (p) =>
      p.kind === "above"
        ? `Enheten ${p.unit} hittades i texten ovanför blocket: ${p.where}.`
        : p.kind === "format"
          ? `Enheten ${p.unit} hittades i talformatet ${p.where}.`
          : `Enheten ${p.unit} hittades i ${p.where}.`,
    en: (p) =>
      p.kind === "above"
        ? `The unit ${p.unit} was found in the text above the block: ${p.where}.`
        : p.kind === "format"
          ? `The unit ${p.unit} was found in the number format ${p.where}.`
          : `The unit ${p.unit} was found in ${p.where}.`,
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
  sameYearColumns: {
    sv: (p) =>
      `${p.year} har ${p.count} kolumner (${p.list}). Modellen läser ${p.chosen}: ${SAME_YEAR_REASON[String(p.reason)]?.sv ?? ""}. Välj en annan kolumn under Årskolumner om den ska användas; kolumnerna summeras aldrig.`,
    en: (p) =>
      `${p.year} has ${p.count} columns (${p.list}). The model reads ${p.chosen}: ${SAME_YEAR_REASON[String(p.reason)]?.en ?? ""}. Choose another column under Year columns to use it instead; the columns are never added together.`,
  },
  yearPickMissing: {
    sv: (p) => `Kolumnen ${p.column}, vald för ${p.year}, är inte längre en av årets kolumner; ${p.used} används. Välj kolumn för ${p.year} igen.`,
    en: (p) => `Column ${p.column}, chosen for ${p.year}, is no longer one of the year's columns; ${p.used} is used. Choose the column for ${p.year} again.`,
  },
  yearColumnUsed: {
    sv: (p) => `För ${p.year} läser modellen kolumn ${p.chosen} (av ${p.list}).`,
    en: (p) => `For ${p.year} the model reads column ${p.chosen} (of ${p.list}).`,
  },
  yearGap: {
    sv: (p) => `Budgeten saknar året ${p.year}; beloppen för det året räknas som 0.`,
    en: (p) => `The budget has no column for ${p.year}; amounts for that year count as 0.`,
  },
  ignoredColumns: {
    sv: (p) => `${forCount(p.count, "Kolumnen", "Kolumnerna")} ${p.list} har ingen årsrubrik och används inte.`,
    en: (p) =>
      `${forCount(p.count, "The column", "The columns")} ${p.list} ${forCount(p.count, "has", "have")} no year header and ${forCount(p.count, "is", "are")} not used.`,
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
  nonAmountChosen: {
    sv: (p) =>
      `Raden "${p.label}" är inte ett driftbelopp i budgetens enhet (ett antal, en andel eller en investering) men ingår i modellen. Kontrollera att den ska vara med.`,
    en: (p) =>
      `The row "${p.label}" is not a drift amount in the budget's unit (a count, a share or an investment) but is part of the model. Check that it belongs there.`,
  },
  textCopied: {
    sv: (p) =>
      p.count === 1
        ? `1 belopp i modellen är kopierat från en cell med text (${p.cells}) och följer inte ändringar i den. Skriv in det som ett tal och bygg om modellen.`
        : `${p.count} belopp i modellen är kopierade från celler med text (${p.cells}) och följer inte ändringar i dem. Skriv in dem som tal och bygg om modellen.`,
    en: (p) =>
      p.count === 1
        ? `1 amount in the model is copied from a cell holding text (${p.cells}) and will not follow changes to it. Enter it as a number and rebuild the model.`
        : `${p.count} amounts in the model are copied from cells holding text (${p.cells}) and will not follow changes to them. Enter them as numbers and rebuild the model.`,
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

/** Why the model reads a year's column, for sameYearColumns. */
const SAME_YEAR_REASON: Record<string, { sv: string; en: string }> = {
  actuals: { sv: "utfallet, eftersom året har ett bokslut", en: "the outturn, since the year has actuals" },
  budget: { sv: "budgeten eller planen, eftersom året saknar utfall", en: "the budget or plan, since the year has no actuals" },
  first: { sv: "den första av dem", en: "the first of them" },
  user: { sv: "den du har valt", en: "the one you chose" },
};

/** How the block around one selected cell was found: which area was read and why it ends there. */
export function searchText(f: BlockSearch, address: string): { sv: string; en: string } {
  if (f.headerRow === null) {
    return {
      sv: `Markeringen var en cell (${f.cell}). Ingen årsrubrik hittades ovanför den, så bara de ifyllda cellerna runt den lästes (${address}). Markera hela budgetblocket med årsrubrikerna överst.`,
      en: `The selection was one cell (${f.cell}). No year header was found above it, so only the filled cells around it were read (${address}). Select the whole budget block with the year headers on top.`,
    };
  }
  const gapsSv = f.gaps > 0 ? `, över ${f.gaps === 1 ? "1 tom rad" : `${f.gaps} tomma rader`} mellan delarna` : "";
  const gapsEn = f.gaps > 0 ? `, across ${f.gaps === 1 ? "1 blank row" : `${f.gaps} blank rows`} between its parts` : "";
  const s = f.stop;
  const stop =
    s.kind === "end"
      ? { sv: "där inga fler ifyllda rader följer", en: "where no more filled rows follow" }
      : s.kind === "blankRows"
        ? { sv: `vid ${s.count} tomma rader (från rad ${s.row})`, en: `at ${s.count} blank rows (from row ${s.row})` }
        : s.kind === "newTable"
          ? { sv: `där en ny tabell med egen årsrubrik börjar (rad ${s.row})`, en: `where a new table with its own year header starts (row ${s.row})` }
          : s.kind === "window"
            ? {
                sv: `vid rad ${s.row}, så långt som läses runt en cell; markera hela blocket om det fortsätter längre ned`,
                en: `at row ${s.row}, as far as is read around one cell; select the whole block if it goes on further down`,
              }
            : { sv: `vid ${s.rows} rader, det största block som läses`, en: `at ${s.rows} rows, the largest block that is read` };
  return {
    sv: `Markeringen var en cell (${f.cell}); blocket ${address} lästes, från årsrubriken på rad ${f.headerRow}${gapsSv}. Det slutar ${stop.sv}.`,
    en: `The selection was one cell (${f.cell}); the block ${address} was read, from the year header in row ${f.headerRow}${gapsEn}. It ends ${stop.en}.`,
  };
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
