/**
 * Every text of the task pane, in Swedish and English, in one table. Components call `t(lang, key, params)`;
 * a test checks that every entry has both languages and the same placeholders.
 */
export type Lang = "sv" | "en";

const S = {
  appTitle: { sv: "Sociala investeringar", en: "Social investments" },
  languageToggle: { sv: "English", en: "Svenska" },
  languageToggleLabel: { sv: "Byt språk till engelska", en: "Switch language to Swedish" },
  busy: { sv: "Arbetar …", en: "Working …" },
  required: { sv: "obligatorisk", en: "required" },

  // Step 1
  step1: { sv: "1. Välj data", en: "1. Pick the data" },
  step1Help: {
    sv: "Markera budgetblocket i bladet (årsrubriker överst, radetiketter till vänster) eller en cell i det, och klicka sedan på knappen.",
    en: "Select the budget block in the sheet (year headers on top, row labels on the left) or a cell in it, then click the button.",
  },
  useSelection: { sv: "Använd markeringen", en: "Use selection" },
  foundIn: { sv: "Blad {sheet}", en: "Sheet {sheet}" },
  rowsLabel: { sv: "Rader", en: "Rows" },
  years: { sv: "År", en: "Years" },
  rowsFound: { sv: "{rows} rader, varav {sums} summarader", en: "{rows} rows, of which {sums} sum rows" },
  unit: { sv: "Enhet i budgeten", en: "Unit in the budget" },
  unitDetected: { sv: "Hittad: {unit} ({source})", en: "Found: {unit} ({source})" },
  unitUnknownHint: { sv: "Ingen enhet hittades – välj en.", en: "No unit was found – choose one." },
  unitChoose: { sv: "Välj enhet …", en: "Choose unit …" },
  sign: { sv: "Hur budgeten visar kostnader", en: "How the budget shows costs" },
  signPositive: { sv: "Som positiva tal", en: "As positive numbers" },
  signNegative: { sv: "Som negativa tal", en: "As negative numbers" },
  showSumRows: { sv: "Visa summarader (räknas annars inte)", en: "Show sum rows (otherwise left out)" },
  notes: { sv: "Att känna till", en: "Good to know" },
  noData: { sv: "Ingen budget vald ännu.", en: "No budget chosen yet." },
  readOk: { sv: "Budgetblocket är läst: {rows} rader, {years} år.", en: "The budget block was read: {rows} rows, {years} years." },

  // Step 2
  step2: { sv: "2. Beskriv investeringen", en: "2. Describe the investment" },
  template: { sv: "Mall", en: "Template" },
  templateApplied: { sv: "Mallen {name} används.", en: "Using the template {name}." },
  modelTitle: { sv: "Modellens namn", en: "Model name" },
  rowsHeading: { sv: "Budgetrader", en: "Budget rows" },
  role: { sv: "Roll", en: "Role" },
  roleCost: { sv: "Insatsens kostnad", en: "Intervention cost" },
  roleGain: { sv: "Undviken kostnad / nytta", en: "Avoided cost / gain" },
  roleIgnore: { sv: "Ingår inte", en: "Ignore" },
  actor: { sv: "Aktör", en: "Actor" },
  share: { sv: "Andel av raden (%)", en: "Share of the row (%)" },
  sumRow: { sv: "summarad", en: "sum row" },
  actorsHeading: { sv: "Aktörer", en: "Actors" },
  newActor: { sv: "Ny aktör", en: "New actor" },
  addActor: { sv: "Lägg till aktör", en: "Add actor" },
  actorAdded: { sv: "Aktören {name} är tillagd.", en: "The actor {name} was added." },
  actorEmpty: { sv: "Skriv aktörens namn först.", en: "Type the actor's name first." },
  actorDuplicate: { sv: "Det finns redan en aktör som heter {name}.", en: "There is already an actor called {name}." },
  extraHeading: { sv: "Egna rader", en: "Lines of your own" },
  extraHelp: {
    sv: "Belopp i kr per år från startåret, åtskilda med semikolon, t.ex. 500 000; 500 000; 250 000.",
    en: "Amounts in kr per year from the start year, separated by semicolons, e.g. 500,000; 500,000; 250,000.",
  },
  extraLabel: { sv: "Benämning", en: "Label" },
  extraAmounts: { sv: "Belopp per år (kr)", en: "Amounts per year (kr)" },
  addExtraCost: { sv: "Lägg till kostnadsrad", en: "Add cost line" },
  addExtraGain: { sv: "Lägg till nyttorad", en: "Add gain line" },
  removeLine: { sv: "Ta bort raden", en: "Remove line" },
  extraDefaultCost: { sv: "Extra kostnad", en: "Extra cost" },
  extraDefaultGain: { sv: "Extra nytta", en: "Extra gain" },
  afterBudget: { sv: "Efter sista året", en: "After the last year" },
  afterZero: { sv: "Inget", en: "Nothing" },
  afterRepeat: { sv: "Upprepa sista året", en: "Repeat the last year" },

  effectHeading: { sv: "Deltagare och effekt", en: "Participants and effect" },
  gainBasis: { sv: "Nyttorna avser", en: "The gains are" },
  gainTotal: { sv: "Hela gruppen (som i budgeten)", en: "The whole group (as budgeted)" },
  gainPerSuccess: { sv: "En person som lyckas (typindivid)", en: "One person who succeeds (typical individual)" },
  participants: { sv: "Antal deltagare", en: "Participants" },
  successProbability: { sv: "Sannolikhet att lyckas (%)", en: "Success probability (%)" },
  effectLag: { sv: "Effektfördröjning (år)", en: "Effect lag (years)" },
  startAge: { sv: "Ålder vid start", en: "Age at start" },
  endAge: { sv: "Räknas till ålder", en: "Counted to age" },

  timeHeading: { sv: "Tid och diskontering", en: "Time and discounting" },
  startYear: { sv: "Startår (tomt = budgetens första år)", en: "Start year (empty = the budget's first year)" },
  horizon: { sv: "Horisont (år)", en: "Horizon (years)" },
  mandateYears: { sv: "Mandatperiod (år)", en: "Mandate period (years)" },
  discountKind: { sv: "Diskonteringsränta", en: "Discount rate" },
  discountConstant: { sv: "Fast ränta", en: "Constant rate" },
  discountPerPeriod: { sv: "En ränta per år", en: "One rate per year" },
  discountSchedule: { sv: "Avtagande ränta (Green Book)", en: "Declining rate (Green Book)" },
  rate: { sv: "Real ränta (%)", en: "Real rate (%)" },
  rates: { sv: "Räntor per år (%), åtskilda med semikolon", en: "Rates per year (%), separated by semicolons" },
  schedule: { sv: "Schema", en: "Schedule" },
  scheduleStandard: { sv: "Standard (3,5 % år 0–30, sedan lägre)", en: "Standard (3.5% years 0–30, then lower)" },
  scheduleHealth: { sv: "Hälsa (standard × 1,5/3,5)", en: "Health (standard × 1.5/3.5)" },
  timing: { sv: "Tidpunkt i året", en: "Timing within the year" },
  timingEnd: { sv: "Årets slut (som Excels NPV)", en: "End of year (like Excel's NPV)" },
  timingStart: { sv: "Årets början (år 1 odiskonterat)", en: "Start of year (year 1 undiscounted)" },
  timingMid: { sv: "Mitten av året", en: "Mid-year" },
  priceYear: { sv: "Prisår (tomt = startåret)", en: "Price year (empty = the start year)" },
  priceIndexName: { sv: "Prisindex (namn)", en: "Price index (name)" },
  priceIndexNameHint: { sv: "T.ex. KPI, eller SKR:s PKV för kommunala kostnader.", en: "E.g. KPI (the Swedish CPI), or SKR's PKV for municipal costs." },
  priceIndex: { sv: "Indexvärden per år", en: "Index values per year" },
  priceIndexHelp: {
    sv: "År: värde, åtskilda med semikolon, t.ex. 2024: 100; 2025: 102,1; 2026: 104,5. Tomt = ingen omräkning.",
    en: "Year: value, separated by semicolons, e.g. 2024: 100; 2025: 102.1; 2026: 104.5. Empty = no conversion.",
  },
  priceIndexPlaceholder: { sv: "ingen omräkning", en: "no conversion" },
  priceIndexNone: {
    sv: "Ingen omräkning: budgetens belopp används i sina egna års priser.",
    en: "No conversion: the budget's amounts are used in their own years' prices.",
  },
  priceIndexOn: {
    sv: "Budgetens belopp räknas om till {year} års priser med {name}. Egna rader anges i {year} års priser. År efter indexets sista år räknas med det sista värdet.",
    en: "Budget amounts are converted to {year} prices with {name}. Lines of your own are in {year} prices. Years after the index's last year use its last value.",
  },
  priceIndexNoPriceYear: { sv: "Indexet saknar värde för prisåret {year}.", en: "The index has no value for the price year {year}." },
  invalidIndex: {
    sv: 'Kan inte läsa "{item}": skriv år: värde (värdet över 0), varje år en gång.',
    en: 'Cannot read "{item}": type year: value (the value above 0), each year once.',
  },

  adjustHeading: { sv: "Justeringar", en: "Adjustments" },
  adjustHelp: { sv: "Standard är 0 % för alla. Resultaten visas brutto och netto.", en: "The default is 0% for all. Results are shown gross and net." },
  deadweight: { sv: "Dödvikt (%)", en: "Deadweight (%)" },
  attribution: { sv: "Attribution (%)", en: "Attribution (%)" },
  displacement: { sv: "Undanträngning (%)", en: "Displacement (%)" },
  dropOff: { sv: "Avtagande per år (%)", en: "Drop-off per year (%)" },
  optimismCosts: { sv: "Optimismjustering, kostnader (%)", en: "Optimism bias, costs (%)" },
  optimismGains: { sv: "Optimismjustering, nyttor (%)", en: "Optimism bias, gains (%)" },
  defaultValue: { sv: "standard {value}", en: "default {value}" },

  fundHeading: { sv: "Fond och återföring", en: "Fund and repayment" },
  fundRule: { sv: "Fondregel", en: "Fund rule" },
  fundNone: { sv: "Ingen fond", en: "No fund" },
  fundSavings: { sv: "Återföring ur besparingar (Norrköping)", en: "Repayment from savings (Norrköping)" },
  fundCommitted: { sv: "Åtagande om återbetalning (Malmö)", en: "Committed repayment (Malmö)" },
  fundDual: { sv: "Dubbelmodell (Ale)", en: "Dual model (Ale)" },
  fundShare: { sv: "Fondens andel av kostnaden (%)", en: "Fund's share of the cost (%)" },
  repaymentShare: { sv: "Andel av besparingen som förs tillbaka (%)", en: "Share of savings repaid (%)" },
  repaymentDelay: { sv: "År innan återföringen börjar", en: "Years before repayment starts" },
  capPerYear: { sv: "Tak per år (kr, tomt = inget)", en: "Cap per year (kr, empty = none)" },
  lastYear: { sv: "Sista återföringsår (tomt = modellens sista)", en: "Last repayment year (empty = the model's last)" },
  repayingActors: {
    sv: "Aktörer vars besparingar återför (inga valda = kommunens nämnder)",
    en: "Actors whose savings repay (none chosen = the kommun's committees)",
  },
  dualRepayment: { sv: "Fonddelen återbetalas", en: "The fund part is repaid" },
  dualSavings: { sv: "ur besparingar", en: "from savings" },
  dualCommitted: { sv: "enligt åtagande", en: "as committed" },
  commitments: { sv: "Åtaganden", en: "Commitments" },
  commitmentYear: { sv: "År", en: "Year" },
  commitmentShare: { sv: "Andel av utbetalningen (%)", en: "Share of the payout (%)" },
  addCommitment: { sv: "Lägg till åtagande", en: "Add commitment" },
  removeCommitment: { sv: "Ta bort åtagandet", en: "Remove commitment" },
  commitmentsEmpty: {
    sv: "Inga åtaganden: modellen föreslår ett efter de väntade besparingarna.",
    en: "No commitments: the model proposes one from the expected savings.",
  },

  // Step 3
  step3: { sv: "3. Bygg modellen", en: "3. Build the model" },
  formulaStyle: { sv: "Formelstil", en: "Formula style" },
  stylePortable: {
    sv: "Portabel: bara Excels egna funktioner (fungerar utan tillägget)",
    en: "Portable: only Excel's own functions (works without the add-in)",
  },
  styleAddin: { sv: "Tillägg: SOCINV-funktioner (kortare, kräver tillägget)", en: "Add-in: SOCINV functions (shorter, needs the add-in)" },
  build: { sv: "Bygg modellen", en: "Build the model" },
  buildNew: { sv: "Bygg som ny modell", en: "Build as a new model" },
  built: { sv: "Modellen {key} är byggd på bladet {sheet}.", en: "The model {key} was built on the sheet {sheet}." },
  rebuilt: { sv: "Modellen {key} är ombyggd.", en: "The model {key} was rebuilt." },
  resultHeading: { sv: "Resultat", en: "Result" },
  previewHeading: { sv: "Resultat (förhandsvisning, inte byggt ännu)", en: "Result (preview, not built yet)" },
  npv: { sv: "Nettonuvärde", en: "Net present value" },
  npvGross: { sv: "Nettonuvärde före justeringar", en: "Net present value before adjustments" },
  bcr: { sv: "Nytta per kostnadskrona", en: "Benefit–cost ratio" },
  payback: { sv: "Återbetalningstid", en: "Payback" },
  breakEven: { sv: "Brytpunkt (lyckade utfall)", en: "Break-even (successes)" },
  withinMandate: { sv: "Netto inom mandatperioden", en: "Net within the mandate period" },
  never: { sv: "inte inom horisonten", en: "not within the horizon" },
  notComputable: { sv: "kan inte beräknas", en: "cannot be computed" },
  yearsValue: { sv: "{value} år", en: "{value} years" },
  actorTable: { sv: "Vem betalar, vem vinner (nuvärden i tkr)", en: "Who pays, who gains (present values, tkr)" },
  colActor: { sv: "Aktör", en: "Actor" },
  colCosts: { sv: "Kostnader", en: "Costs" },
  colGains: { sv: "Nyttor", en: "Gains" },
  colNet: { sv: "Netto", en: "Net" },
  needLines: {
    sv: "Välj minst en rad som kostnad eller nytta, eller lägg till en egen rad.",
    en: "Choose at least one row as a cost or a gain, or add a line of your own.",
  },

  // Step 4
  step4: { sv: "4. Modeller i arbetsboken", en: "4. Models in the workbook" },
  noModels: { sv: "Inga modeller ännu.", en: "No models yet." },
  refreshModels: { sv: "Uppdatera listan", en: "Refresh the list" },
  currentModel: { sv: "Öppen modell: {key}", en: "Open model: {key}" },
  open: { sv: "Öppna inställningarna", en: "Open settings" },
  opened: { sv: "Inställningarna för {key} är öppnade. Ändra och bygg om.", en: "The settings of {key} are open. Change them and rebuild." },
  rebuild: { sv: "Bygg om på plats", en: "Rebuild in place" },
  remove: { sv: "Ta bort modellen", en: "Remove the model" },
  removeConfirm: { sv: "Bekräfta: ta bort {key} och dess blad", en: "Confirm: remove {key} and its sheets" },
  removed: { sv: "Modellen {key} är borttagen. Inget annat har ändrats.", en: "The model {key} was removed. Nothing else was changed." },
  convert: { sv: "Gör portabel", en: "Convert to portable" },
  cancel: { sv: "Avbryt", en: "Cancel" },
  converted: { sv: "Modellen {key} använder nu bara Excels egna funktioner.", en: "The model {key} now uses only Excel's own functions." },
  modelSheets: { sv: "Blad: {sheets}", en: "Sheets: {sheets}" },
  unreadableSettings: { sv: "Inställningarna kan inte läsas.", en: "The settings cannot be read." },
  halfWritten: {
    sv: "Halvfärdig: en tidigare skrivning av modellen avbröts. Reparera bygger om den från de sparade inställningarna; Ta bort tar bort det som skrevs. Inget av ditt eget innehåll har ändrats.",
    en: "Half-written: an earlier write of this model was interrupted. Repair rebuilds it from the saved settings; Remove deletes what was written. None of your own content was changed.",
  },
  repair: { sv: "Reparera", en: "Repair" },
  removedKept: {
    sv: "Modellen {key} är borttagen. Bladen {sheets} behölls: de står i modellens lista men bär inte modellens märkning, så de kan vara dina.",
    en: "The model {key} was removed. The sheets {sheets} were kept: the model lists them but they do not carry its marker, so they may be yours.",
  },
  rereadFailed: {
    sv: "Budgetblocket {address} kunde inte läsas om; modellen öppnades utan det.",
    en: "The budget block {address} could not be read again; the model was opened without it.",
  },

  // Field validation
  invalidNumber: { sv: "Skriv ett tal, t.ex. 3,5.", en: "Type a number, e.g. 3.5." },
  invalidInteger: { sv: "Skriv ett heltal.", en: "Type a whole number." },
  invalidList: { sv: "Skriv tal åtskilda med semikolon.", en: "Type numbers separated by semicolons." },
  allowedRange: { sv: "Tillåtet: {min}–{max}.", en: "Allowed: {min}–{max}." },
  allowedBounds: { sv: "Tillåtet: {range}.", en: "Allowed: {range}." },

  // Templates (labels come from the planner's TEMPLATES)
  templateHelp: { sv: "En mall fyller i inställningar; dina rader och aktörer behålls.", en: "A template fills in settings; your rows and actors are kept." },
  errorPrefix: { sv: "Fel", en: "Error" },
  plannerMissing: {
    sv: "Modellplaneraren är inte tillgänglig i den här versionen.",
    en: "The model planner is not available in this version.",
  },
} as const;

export type StringKey = keyof typeof S;
export const STRINGS: Record<StringKey, { sv: string; en: string }> = S;

/** The text for `key` in `lang`, with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

/** The same text in both languages, for messages kept until the user switches language. */
export function bi(key: StringKey, params: Record<string, string | number> = {}): { sv: string; en: string } {
  return { sv: t("sv", key, params), en: t("en", key, params) };
}

/** Office's display language ("sv-SE", "en-US", …) to the pane's language: Swedish for sv*, else English. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";
}
