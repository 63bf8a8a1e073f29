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
  rowsFound: { sv: "{rows} {rows|rad|rader}, varav {sums} {sums|summarad|summarader}", en: "{rows} {rows|row|rows}, of which {sums} {sums|sum row|sum rows}" },
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
  noDataRefused: {
    sv: "Inget budgetblock är läst: markeringen kunde inte läsas (se felet ovan). Inget från en tidigare läsning visas eller används.",
    en: "No budget block is read: the selection could not be read (see the error above). Nothing from an earlier read is shown or used.",
  },
  unitRequired: {
    sv: "Välj budgetens enhet: utan den kan beloppen inte räknas om till kronor.",
    en: "Choose the budget's unit: without it the amounts cannot be converted to kronor.",
  },
  readOk: {
    sv: "Budgetblocket är läst: {rows} {rows|rad|rader}, {years} år.",
    en: "The budget block was read: {rows} {rows|row|rows}, {years} {years|year|years}.",
  },
  yearColumns: { sv: "Årskolumner", en: "Year columns" },
  yearColumnsHelp: {
    sv: "Ett år har flera kolumner i budgeten. Välj vilken modellen ska läsa; kolumnerna summeras aldrig.",
    en: "A year has several columns in the budget. Choose which one the model reads; the columns are never added together.",
  },
  yearColumnFor: { sv: "Kolumn för {year}", en: "Column for {year}" },
  yearKindBokslut: { sv: "utfall", en: "outturn" },
  yearKindBudget: { sv: "budgetbelopp", en: "budget amount" },
  yearKindPlan: { sv: "planbelopp", en: "plan amount" },
  yearKindPrognos: { sv: "prognos", en: "forecast" },
  yearKindYear: { sv: "årskolumn", en: "year column" },
  yearColumnDefaultActuals: {
    sv: "Förval: {column}, eftersom året har ett bokslut: utfallet är det som hände.",
    en: "Default: {column}, since the year has actuals: the outturn is what happened.",
  },
  yearColumnDefaultBudget: { sv: "Förval: {column}, eftersom året saknar utfall.", en: "Default: {column}, since the year has no actuals." },
  yearColumnDefaultFirst: { sv: "Förval: {column}, den första kolumnen.", en: "Default: {column}, the first column." },
  yearColumnPicked: { sv: "Ditt val; förvalet är {column}.", en: "Your choice; the default is {column}." },
  actorHints: { sv: "Rader utan aktör", en: "Rows without an actor" },
  actorMissingNamndOne: {
    sv: "{name} står i bladet men finns inte bland aktörerna (raden {rows}).",
    en: "{name} is in the sheet but not among the actors (the row {rows}).",
  },
  actorMissingNamndMany: {
    sv: "{name} står i bladet men finns inte bland aktörerna ({count} rader: {rows}).",
    en: "{name} is in the sheet but not among the actors ({count} rows: {rows}).",
  },
  actorAddNamnd: { sv: "Lägg till {name} som aktör", en: "Add {name} as an actor" },
  actorGuessOne: { sv: "Förslag: {actor} för raden {rows} ({reason}).", en: "Suggestion: {actor} for the row {rows} ({reason})." },
  actorGuessMany: { sv: "Förslag: {actor} för {count} rader: {rows} ({reason}).", en: "Suggestion: {actor} for {count} rows: {rows} ({reason})." },
  actorUseGuess: { sv: "Använd förslaget {actor}", en: "Use the suggestion {actor}" },
  actorNoneOne: { sv: "Raden {rows} har ingen aktör: välj aktör under Budgetrader.", en: "The row {rows} has no actor: choose its actor under Budget rows." },
  actorNoneMany: {
    sv: "{count} rader har ingen aktör ({rows}): välj aktör under Budgetrader.",
    en: "{count} rows have no actor ({rows}): choose their actors under Budget rows.",
  },
  actorNone: { sv: "Ingen aktör vald", en: "No actor chosen" },

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
  shareOfRow: { sv: "Andel för {label}", en: "Share for {label}" },
  shareMissingGain: {
    sv: "Skriv hur stor andel av raden som insatsen undviker, t.ex. 5. Ingen andel antas: utan den kan modellen inte byggas.",
    en: "Type how much of the row the intervention avoids, e.g. 5. No share is assumed: without it the model cannot be built.",
  },
  shareMissingCost: {
    sv: "Skriv hur stor andel av raden som är insatsens kostnad, t.ex. 100. Utan andel kan modellen inte byggas.",
    en: "Type how much of the row is the intervention's cost, e.g. 100. Without a share the model cannot be built.",
  },
  rowAmountGain: {
    sv: "Undviken kostnad i modellen, kr per år före justeringar: {amounts}",
    en: "Avoided cost in the model, kr per year before adjustments: {amounts}",
  },
  rowAmountCost: { sv: "Kostnad i modellen, kr per år före justeringar: {amounts}", en: "Cost in the model, kr per year before adjustments: {amounts}" },
  rowAmountUnknown: { sv: "Beloppet i kr kan inte visas ännu: {reason}", en: "The amount in kr cannot be shown yet: {reason}" },
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
  startYearAfterActuals: {
    sv: "Förvalt: första budget- eller planåret efter bokslutet {actuals}. Ett bokslut är utfall; att börja där räknar besparingar innan insatsen har börjat.",
    en: "Default: the first Budget or Plan year after the actuals of {actuals}. A Bokslut column is actuals; starting there counts savings before the intervention has begun.",
  },
  startYearFirst: {
    sv: "Förvalt: budgetblockets första år (blocket har inget bokslut).",
    en: "Default: the budget block's first year (the block has no actuals).",
  },
  startYearOnlyActuals: {
    sv: "Blocket har bara bokslutsår (utfall): kontrollera att modellen ska börja så tidigt.",
    en: "The block has only Bokslut (actuals) years: check that the model should start this early.",
  },
  startYearEmpty: { sv: "Tomt: budgetblockets första år, {year}.", en: "Empty: the budget block's first year, {year}." },
  startYearEmptyActuals: {
    sv: "Tomt: budgetblockets första år, {year}, som är ett bokslut (utfall). Besparingar räknas då innan insatsen har börjat.",
    en: "Empty: the budget block's first year, {year}, which is a Bokslut (actuals). Savings are then counted before the intervention has begun.",
  },
  startYearActuals: {
    sv: "{year} är ett bokslutsår (utfall): besparingar räknas innan insatsen har börjat.",
    en: "{year} is a Bokslut (actuals) year: savings are counted before the intervention has begun.",
  },
  startYearActualsSuggest: {
    sv: "{year} är ett bokslutsår (utfall): besparingar räknas innan insatsen har börjat. Första budget- eller planåret efter bokslutet är {suggest}.",
    en: "{year} is a Bokslut (actuals) year: savings are counted before the intervention has begun. The first Budget or Plan year after the actuals is {suggest}.",
  },
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
    sv: "Aktörer vars besparingar återförs till fonden (inga valda = kommunens nämnder)",
    en: "Actors whose savings repay the fund (none chosen = the kommun's committees)",
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
  warningsOne: { sv: "1 rimlighetsvarning", en: "1 plausibility warning" },
  warningsMany: { sv: "{count} rimlighetsvarningar", en: "{count} plausibility warnings" },
  warningsHelp: {
    sv: "Modellen kan byggas ändå, men kontrollera först. Varningarna skrivs också på modellbladet, under rubriken.",
    en: "The model can be built all the same, but check first. The warnings are also written on the model sheet, under its title.",
  },
  needLines: {
    sv: "Välj minst en rad som kostnad eller nytta, eller lägg till en egen rad.",
    en: "Choose at least one row as a cost or a gain, or add a line of your own.",
  },
  buildRefusedField: {
    sv: 'Modellen byggdes inte: fältet "{label}" visar "{shown}", som inte kan användas. {problem} Rätta fältet och bygg igen; inget har skrivits i arbetsboken.',
    en: 'The model was not built: the field "{label}" shows "{shown}", which cannot be used. {problem} Correct the field and build again; nothing was written to the workbook.',
  },
  buildRefusedEmpty: {
    sv: 'Modellen byggdes inte: fältet "{label}" är inte ifyllt. {problem} Fyll i fältet och bygg igen; inget har skrivits i arbetsboken.',
    en: 'The model was not built: the field "{label}" is not filled in. {problem} Fill it in and build again; nothing was written to the workbook.',
  },
  buildRefusedMoreOne: { sv: "Ytterligare ett fält behöver rättas.", en: "One more field needs correcting." },
  buildRefusedMore: { sv: "Ytterligare {count} fält behöver rättas.", en: "{count} more fields need correcting." },
  checkBeforeBuild: { sv: "Kontrollera före bygget:", en: "Check before building:" },
  builtWithWarnings: { sv: "Kontrollera: {list}", en: "Check: {list}" },
  budgetRereadFailed: {
    sv: "Budgeten kunde inte läsas om, så modellen byggdes inte: {detail}",
    en: "The budget could not be read again, so the model was not built: {detail}",
  },
  resultFromSheet: {
    sv: "Värdena är lästa från modellen {key} på bladet {sheet} i arbetsboken.",
    en: "The values are read from the model {key} on the sheet {sheet} in the workbook.",
  },
  resultFromPane: {
    sv: "Panelens egen beräkning av inställningarna ovan; inget är skrivet i arbetsboken ännu.",
    en: "The pane's own computation of the settings above; nothing has been written to the workbook yet.",
  },
  resultStale: {
    sv: "Budgeten eller modellbladet har ändrats sedan värdena lästes: de är inaktuella och läses om strax (eller med knappen ovan).",
    en: "The budget or the model sheet has changed since the values were read: they are out of date and will be read again shortly (or with the button above).",
  },
  refreshResult: { sv: "Läs om från arbetsboken", en: "Read again from the workbook" },
  sheetErrors: {
    sv: "Modellbladet visar {codes} i {figures}: resultatet kan inte räknas fram.",
    en: "The model sheet shows {codes} in {figures}: the result cannot be computed.",
  },
  andMore: { sv: "{list} och {count} resultat till", en: "{list} and {count} more results" },
  badCellsOne: {
    sv: "Budgetcellen {cells} är inte ett tal. Rätta den i budgeten, så följer modellen med.",
    en: "The budget cell {cells} is not a number. Correct it in the budget and the model follows.",
  },
  badCells: {
    sv: "Budgetcellerna {cells} är inte tal. Rätta dem i budgeten, så följer modellen med.",
    en: "The budget cells {cells} are not numbers. Correct them in the budget and the model follows.",
  },
  badCellsUnknown: {
    sv: "Kontrollera cellerna som modellen läser: budgeten och antagandena på modellbladet.",
    en: "Check the cells the model reads: the budget and the assumptions on the model sheet.",
  },
  sheetDiffers: {
    sv: "Modellbladet och panelens egen beräkning skiljer sig åt för {figures} (markerat med †). Panelen visar bladets värden. Har ett antagande ändrats direkt på bladet, eller räknar Excel inte om automatiskt?",
    en: "The model sheet and the pane's own computation differ for {figures} (marked †). The pane shows the sheet's values. Was an assumption changed directly on the sheet, or is Excel not recalculating automatically?",
  },
  sheetUnread: {
    sv: "Värdena kunde inte läsas från modellbladet; panelen visar sin egen beräkning, markerad med *.",
    en: "The values could not be read from the model sheet; the pane shows its own computation, marked *.",
  },
  sheetCalculating: { sv: "Excel räknar fortfarande; värdena läses om strax.", en: "Excel is still calculating; the values will be read again shortly." },
  calculating: { sv: "räknas …", en: "calculating …" },
  fundResultHeading: { sv: "Fondens resultat", en: "The fund's result" },
  actorTableKr: { sv: "Vem betalar, vem vinner (nuvärden i kr)", en: "Who pays, who gains (present values, kr)" },
  actorTableShort: { sv: "tabellen Vem betalar, vem vinner", en: "the table Who pays, who gains" },
  basisHeading: { sv: "Resultatet vilar på", en: "The result rests on" },
  basisYears: { sv: "{start}, {horizon} år ({start}–{last})", en: "{start}, {horizon} years ({start}–{last})" },
  basisYearsOne: { sv: "{start}, {horizon} år (endast {last})", en: "{start}, {horizon} year (only {last})" },
  basisAdjusted: { sv: "efter justeringar: {list}", en: "after adjustments: {list}" },
  basisNoAdjustments: { sv: "inga justeringar (netto = brutto)", en: "no adjustments (net = gross)" },
  basisPayback: { sv: "Återbetalningstid", en: "Payback" },
  basisPaybackNamed: {
    sv: "diskonterad ({disc}) och ej diskonterad ({simple}): år tills det ackumulerade nettot varaktigt är ≥ 0",
    en: "discounted ({disc}) and undiscounted ({simple}): years until the cumulative net stays ≥ 0",
  },
  basisPaybackValue: {
    sv: "diskonterad och ej diskonterad: år tills det ackumulerade nettot varaktigt är ≥ 0",
    en: "discounted and undiscounted: years until the cumulative net stays ≥ 0",
  },
  basisUnitLabel: { sv: "Enhet", en: "Unit" },
  basisUnitKr: { sv: "alla belopp i kronor (kr)", en: "all amounts in kronor (kr)" },
  basisUnitConverted: {
    sv: "alla belopp i kronor (kr); budgetens {unit} är omräknade (1 {unit} = {factor} kr)",
    en: "all amounts in kronor (kr); the budget's {unit} are converted (1 {unit} = {factor} kr)",
  },
  legendDiffers: { sv: "† = bladets värde skiljer sig från panelens beräkning.", en: "† = the sheet's value differs from the pane's computation." },
  legendUnconfirmed: { sv: "* = panelens beräkning, inte bekräftad av arbetsboken.", en: "* = the pane's computation, not confirmed by the workbook." },

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
    sv: "Modellen {key} är borttagen. Blad som modellen listar men som saknar dess märkning behölls, eftersom ett blad utan märkningen kan vara ditt eget: {sheets}.",
    en: "The model {key} was removed. Sheets that the model lists but that lack its marker were kept, since a sheet without the marker may be your own: {sheets}.",
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
  rateLow: { sv: "Räntan {rate} är ovanligt låg (under {min} per år).", en: "The rate {rate} is unusually low (below {min} a year)." },
  rateMeant: { sv: " Menade du {meant}?", en: " Did you mean {meant}?" },
  rateHigh: {
    sv: "Räntan {rate} är ovanligt hög (över {max} per år). Kontrollera att den är rätt.",
    en: "The rate {rate} is unusually high (above {max} a year). Check that it is right.",
  },

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

/**
 * The text for `key` in `lang`, with {placeholders} filled in. {n|one|many} is the word for the count `n`:
 * "one" when n is 1, "many" otherwise ("{rows} {rows|rad|rader}": 1 rad, 0 rader, 12 rader).
 */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang]
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, p: string, one: string, many: string) => (p in params ? (Number(params[p]) === 1 ? one : many) : m))
    .replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

/** The same text in both languages, for messages kept until the user switches language. */
export function bi(key: StringKey, params: Record<string, string | number> = {}): { sv: string; en: string } {
  return { sv: t("sv", key, params), en: t("en", key, params) };
}

/** Office's display language ("sv-SE", "en-US", …) to the pane's language: Swedish for sv*, else English. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";
}
