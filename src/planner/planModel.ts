/**
 * planModel: the user's inputs + the budget block read from the sheet + what the workbook already holds
 * → a ModelPlan (sheets of cells with formulas and formats, names, charts) and the settings to store.
 *
 * The model sheet, top to bottom (see docs/model.md):
 *   title and source line
 *   Assumptions (named cells: the numbers a reader may change in the sheet)
 *   Results (NPV, PVs, benefit–cost ratio, payback, break-even, within-mandate result, fund results)
 *   Who pays, who gains (PV per actor), Gross and net, Typical individual (when gains are per success)
 *   Year by year: timeline and discount factors, cost lines and gain lines (referring to the budget
 *   cells), by actor (gross, net, discounted, cumulative), totals and payback helpers, fund schedule.
 * Two charts sit to the right of the top blocks.
 *
 * Every amount in the model is in kronor. A budget cell is read as sign × cell × unit factor × share
 * (× index(price year) ÷ index(its year) with a price index), so an updated budget flows through. Formula style "portable" uses built-in functions only (SUMPRODUCT,
 * INDEX, MATCH, IF, IFERROR, SUM, MIN, MAX, AND, ISNUMBER); "addin" uses SOCINV.NPV,
 * SOCINV.DISCOUNTFACTORS, SOCINV.RATESCHEDULE, SOCINV.PAYBACK and SOCINV.BREAKEVEN where they make the
 * formula shorter. Both give the same numbers (tests evaluate both).
 */
import { colLetter, cellAddress, quoteSheet, sheetRef, text, uniqueSheetName } from "./a1";
import type { BudgetBlock } from "./budget";
import type { ActorDef, ModelInputs } from "./inputs";
import { PlannerMessage, Result, attempt, note, refuse } from "./messages";
import type { BlockPlan, BlockStyle, ChartPlan, ModelPlan, NamePlan, PlannedCell, SheetPlan } from "./plan";
import { ResolvedLine, ResolvedModel, resolveModel } from "./resolve";
import { SETTINGS_SHEET_PREFIX, settingsSheetName, settingsSheetPlan } from "./storage";

export const PLANNER_VERSION = "1";

/** What the workbook already holds, so that nothing the model creates clashes with it. */
export interface WorkbookFacts {
  sheetNames: string[];
  /** Workbook-scoped names. */
  names: string[];
  /** When rebuilding: the model being replaced. Its key is kept and its sheets' names may be reused. */
  replacing?: { modelKey: string; sheets: string[] };
}

/** What is stored with the model (JSON in its hidden settings sheet), enough to rebuild it. */
export interface StoredSettings {
  format: "socinv-model";
  version: 1;
  plannerVersion: string;
  modelKey: string;
  /** The model's visible sheets. */
  sheets: string[];
  inputs: ModelInputs;
  /** The budget block as it was read, to re-read it and notice changes. */
  budget: { sheet: string; address: string; years: number[]; rows: Array<{ sheetRow: number; label: string }> } | null;
}

/** Sheet-qualified A1 addresses of the model's key cells (for the pane's summary and for tests). */
export interface KeyCells {
  npv: string;
  npvGross: string;
  pvCosts: string;
  pvGains: string;
  benefitCostRatio: string;
  payback: string;
  discountedPayback: string;
  pvGainsPerSuccess: string;
  breakEven: string;
  successes: string;
  withinMandate: string;
  kommunWithinMandate: string | null;
  /** Who-pays-who-gains table: one row per actor; columns PV costs, PV gains, net PV, share, ratio, mandate. */
  actorTable: { firstRow: number; actors: string[]; columns: string[]; sheet: string };
  /** Year rows (sheet-qualified ranges). */
  years: string;
  discountFactors: string;
  net: string;
  fund: null | { payoutTotal: string; repaidTotal: string; unpaid: string; frameTotal: string | null; pvFundNet: string; repayment: string; balance: string };
}

export interface PlanOutput {
  plan: ModelPlan;
  settings: StoredSettings;
  settingsJson: string;
  notes: PlannerMessage[];
  keyCells: KeyCells;
}

const FMT = {
  kr: "#,##0",
  pct: "0.0%",
  factor: "0.0000",
  year: "0",
  ratio: "0.00",
  index: "0.0###",
  years: "0.0",
  count: "#,##0.0",
  int: "0",
  text: "@",
} as const;

// Column layout of the year blocks: A actor, B source, C share, D after the budget, E line label, F… years.
const COL_ACTOR = 0;
const COL_SOURCE = 1;
const COL_SHARE = 2;
const COL_AFTER = 3;
const COL_LABEL = 4;
const Y0 = 5;
/** Charts sit right of the top blocks (which use columns A–G). */
const CHART_COL = 8;

interface LazyBlock {
  row: number;
  col: number;
  style: BlockStyle;
  numberFormat?: string | string[][];
  cells: () => PlannedCell[][];
}

/** Chooses the model key: SI1, SI2 … not used by any settings sheet, sheet or name in the workbook. */
export function chooseModelKey(facts: WorkbookFacts): string {
  if (facts.replacing) return facts.replacing.modelKey;
  const sheets = new Set(facts.sheetNames.map((s) => s.toLowerCase()));
  const names = facts.names.map((n) => n.toLowerCase());
  for (let n = 1; ; n++) {
    const key = `SI${n}`;
    const k = key.toLowerCase();
    if (sheets.has(settingsSheetName(key).toLowerCase())) continue;
    if (names.some((x) => x.startsWith(k + "_"))) continue;
    if ([...sheets].some((s) => s === k || s.startsWith(k + " "))) continue;
    return key;
  }
}

/** Plans the model; refusals come back as { ok: false, error } with a bilingual message. */
export function planModel(inputs: ModelInputs, budget: BudgetBlock | null, facts: WorkbookFacts): Result<PlanOutput> {
  return attempt(() => buildPlan(resolveModel(inputs, budget), facts));
}

/**
 * The "convert to portable" command: the same model rebuilt in place with built-in functions only.
 * `budget` is the block re-read from the address stored in the settings.
 */
export function convertToPortable(settings: StoredSettings, budget: BudgetBlock | null, facts: WorkbookFacts): Result<PlanOutput> {
  return planModel({ ...settings.inputs, formulaStyle: "portable" }, budget, {
    ...facts,
    replacing: { modelKey: settings.modelKey, sheets: settings.sheets },
  });
}

function buildPlan(m: ResolvedModel, facts: WorkbookFacts): PlanOutput {
  const inp = m.inputs;
  const lang = inp.language;
  const sv = lang === "sv";
  const t = (s: string, e: string): string => (sv ? s : e);
  const addin = inp.formulaStyle === "addin";
  const H = m.horizon;
  const notes: PlannerMessage[] = [...m.notes];
  if (addin) notes.push(note("addinStyle", "info"));

  // ---- Names of the model's sheets and workbook names ----
  const key = chooseModelKey(facts);
  const freed = new Set((facts.replacing?.sheets ?? []).map((s) => s.toLowerCase()));
  if (facts.replacing) freed.add(settingsSheetName(facts.replacing.modelKey).toLowerCase());
  const taken = facts.sheetNames.filter((s) => !freed.has(s.toLowerCase()));
  const sheet = uniqueSheetName(`${key} ${inp.title.trim() || t("Modell", "Model")}`, [...taken, settingsSheetName(key)]);
  const q = quoteSheet(sheet);
  const names: NamePlan[] = [];
  const nameOf = (n: string) => `${key}_${n}`;
  const defineName = (n: string, address: string, comment: string) => {
    names.push({ name: nameOf(n), refersTo: `=${q}!${address}`, comment });
    return nameOf(n);
  };

  const blocks: LazyBlock[] = [];
  const put = (row: number, col: number, style: BlockStyle, cells: () => PlannedCell[][], numberFormat?: string | string[][]) => {
    const b: LazyBlock = { row, col, style, cells };
    if (numberFormat !== undefined) b.numberFormat = numberFormat;
    blocks.push(b);
  };
  const tx = (s: string): string => text(s);

  // Year-area addresses, filled in when the year blocks are laid out (top formulas refer to them lazily).
  const yc = (i: number) => colLetter(Y0 + i);
  const L = yc(H - 1);
  const span = (r: number) => `${yc(0)}${r + 1}:${L}${r + 1}`;
  const absSpan = (r: number) => `$${yc(0)}$${r + 1}:$${L}$${r + 1}`;
  const P = {
    year: -1,
    period: -1,
    effect: -1,
    rate: -1,
    df: -1,
    actor: new Map<string, { costsGross: number; costsNet: number; gainsGross: number; gainsNet: number; net: number; disc: number; cum: number }>(),
    totCostsGross: -1,
    totCostsNet: -1,
    totGainsGross: -1,
    totGainsNet: -1,
    totNet: -1,
    perSuccess: -1,
    totDisc: -1,
    cum: -1,
    cumDisc: -1,
    flag: -1,
    flagDisc: -1,
    fund: null as null | { payout: number; frame: number | null; cumPayout: number; repayment: number; cumRepaid: number; balance: number; disc: number },
  };
  const rateArg = () => (inp.discount.kind === "constant" ? nameOf("Rate") : absSpan(P.rate));
  const pvOf = (r: number) => (addin ? `SOCINV.NPV(${rateArg()},${span(r)},${nameOf("Timing")})` : `SUMPRODUCT(${span(r)},${absSpan(P.df)})`);

  let r = 0;
  // ---- Title ----
  // The default model title is already "Social investering"; don't print it twice.
  const own = inp.title.trim();
  const kind = t("Social investering", "Social investment");
  const title = !own || own.toLowerCase() === kind.toLowerCase() ? kind : `${kind}: ${own}`;
  put(r++, 0, "title", () => [[tx(title)]]);
  const src = m.budget
    ? t(`Källa: ${sheetRef(m.budget.sheet, m.budget.address)} (${m.unit}). `, `Source: ${sheetRef(m.budget.sheet, m.budget.address)} (${m.unit}). `)
    : "";
  const styleText = addin ? t("Formelstil: tillägg (SOCINV-funktioner)", "Formula style: add-in (SOCINV functions)") : t("Formelstil: portabel (endast inbyggda funktioner)", "Formula style: portable (built-in functions only)");
  const priceYear = m.priceYear;
  const pix = m.priceIndex;
  const prices = pix ? t(`${priceYear} års priser (omräknat med ${pix.name})`, `${priceYear} prices (converted with ${pix.name})`) : t(`${priceYear} års priser`, `${priceYear} prices`);
  put(r++, 0, "note", () => [[tx(`${src}${t("Alla belopp i kronor", "All amounts in kronor")}, ${prices}. ${styleText}. ${t("Modell", "Model")} ${key}.`)]]);
  r++;

  // ---- Assumptions ----
  put(r++, 0, "header", () => [[t("Antaganden", "Assumptions"), t("Värde", "Value"), t("Förklaring", "Explanation")]]);
  const cellOf = new Map<string, string>(); // assumption key → absolute address
  const assumption = (
    k: string | null,
    label: string,
    value: PlannedCell,
    style: BlockStyle,
    fmt: string,
    explanation: string,
    comment?: string,
  ): void => {
    const row = r++;
    const abs = cellAddress(row, 1, true);
    if (k) {
      cellOf.set(k, abs);
      defineName(k, abs, comment ?? label);
    }
    put(row, 0, "label", () => [[tx(label)]]);
    put(row, 1, style, () => [[typeof value === "string" && !value.startsWith("=") ? tx(value) : value]], fmt);
    put(row, 2, "note", () => [[tx(explanation)]]);
  };
  const hasBudgetLines = [...m.costLines, ...m.gainLines].some((l) => l.origin === "budget");
  if (hasBudgetLines) {
    assumption("UnitFactor", t(`Enhetsfaktor (${m.unit} → kr)`, `Unit factor (${m.unit} → kr)`), m.unitFactor, "input", FMT.kr, t(`Budgeten anger belopp i ${m.unit}; 1 ${m.unit} = ${m.unitFactor.toLocaleString("sv-SE")} kr.`, `The budget gives amounts in ${m.unit}; 1 ${m.unit} = ${m.unitFactor.toLocaleString("en-GB")} kr.`));
    assumption(null, t("Tecken i budgeten", "Sign in the budget"), m.sign === -1 ? t("Kostnader negativa", "Costs negative") : t("Kostnader positiva", "Costs positive"), "note", FMT.text, m.sign === -1 ? t("Budgetens belopp vänds (×−1) när de läses.", "The budget's amounts are flipped (×−1) when read.") : t("Budgetens belopp läses som de står.", "The budget's amounts are read as they stand."));
  }
  const d = inp.discount;
  if (d.kind === "constant") {
    assumption("Rate", t("Diskonteringsränta (real)", "Discount rate (real)"), d.rate, "input", FMT.pct, t("Real ränta per år; 3,5 % är svensk praxis (ASEK), 3 % och 4 % vanliga känslighetsfall.", "Real rate per year; 3.5 % is Swedish practice (ASEK), 3 % and 4 % common sensitivity cases."));
  } else if (d.kind === "perPeriod") {
    assumption(null, t("Diskonteringsränta", "Discount rate"), t("Per år", "Per year"), "note", FMT.text, t("Se raden Ränta per år i tidslinjen; faktorerna är den ackumulerade produkten av (1 + r).", "See the row Rate per year in the timeline; the factors are the cumulative product of (1 + r)."));
  } else {
    assumption(null, t("Diskonteringsränta", "Discount rate"), d.schedule === "health" ? t("Avtagande (hälsa)", "Declining (health)") : t("Avtagande (standard)", "Declining (standard)"), "note", FMT.text, t("Green Book: 3,5 % år 1–30, 3 % till 75, 2,5 % till 125 … (hälsa: × 1,5/3,5); faktorerna är den ackumulerade produkten.", "Green Book: 3.5 % years 1–30, 3 % to 75, 2.5 % to 125 … (health: × 1.5/3.5); the factors are the cumulative product."));
  }
  assumption("Timing", t("Tidpunkt inom året", "Timing within the year"), inp.timing, "input", "0.0", t("0 = årets slut (som NETNUVÄRDE), 1 = årets början (år 1 odiskonterat), 0,5 = mitten.", "0 = end of year (like NPV), 1 = start of year (year 1 undiscounted), 0.5 = mid-year."));
  assumption(null, t("Startår", "Start year"), m.startYear, "note", FMT.year, t("Ändras genom att bygga om modellen.", "Changed by rebuilding the model."));
  assumption(null, t("Horisont (år)", "Horizon (years)"), H, "note", FMT.int, t("Ändras genom att bygga om modellen.", "Changed by rebuilding the model."));
  if (!pix) {
    assumption(null, t("Prisår", "Price year"), priceYear, "note", FMT.year, t("Beloppen är i detta års priser (räknas inte om).", "Amounts are in this year's prices (not converted)."));
  } else {
    assumption(
      null,
      t("Prisår", "Price year"),
      priceYear,
      "note",
      FMT.year,
      t(
        `Budgetens belopp räknas om till ${priceYear} års priser med ${pix.name}: belopp × index ${priceYear} ÷ index för beloppets år. Egna rader anges i ${priceYear} års priser.`,
        `Budget amounts are converted to ${priceYear} prices with ${pix.name}: amount × index ${priceYear} ÷ index of the amount's year. Typed lines are in ${priceYear} prices.`,
      ),
    );
    // One named input cell per index year the model uses: changing one in the sheet reprices the model.
    for (const y of pix.shown) {
      const after = pix.extended.filter((x) => x > y && y === pix.last);
      const why =
        y === priceYear
          ? t("Prisåret: basen för omräkningen.", "The price year: the base of the conversion.")
          : t(`Belopp från ${y} × index ${priceYear} ÷ index ${y}.`, `Amounts from ${y} × index ${priceYear} ÷ index ${y}.`);
      const extra = after.length ? t(` Används även för ${after.join(", ")} (efter indexets sista år).`, ` Also used for ${after.join(", ")} (after the index's last year).`) : "";
      assumption(`Index${y}`, `${pix.name} ${y}`, pix.values.get(y)!, "input", FMT.index, why + extra, t(`Prisindex ${pix.name}, ${y}`, `Price index ${pix.name}, ${y}`));
    }
  }
  assumption("Participants", t("Antal deltagare", "Participants"), inp.participants, "input", FMT.count, t("Personer som insatsen når.", "People the intervention reaches."));
  assumption("SuccessProb", t("Sannolikhet att lyckas", "Probability of success"), inp.successProbability, "input", FMT.pct, t("Andel av deltagarna som väntas lyckas.", "Share of participants expected to succeed."));
  assumption("Successes", t("Förväntat antal lyckade", "Expected successes"), `=${nameOf("Participants")}*${nameOf("SuccessProb")}`, "calc", FMT.count, t("Deltagare × sannolikhet.", "Participants × probability."));
  assumption(null, t("Nyttornas grund", "Basis of gains"), inp.gainBasis === "perSuccess" ? t("Per lyckad deltagare", "Per successful participant") : t("Totalt för gruppen", "Total for the group"), "note", FMT.text, inp.gainBasis === "perSuccess" ? t("Nyttoraderna gäller en person och multipliceras med förväntat antal lyckade.", "Gain lines are per person and multiplied by expected successes.") : t("Nyttoraderna är gruppens undvikna kostnader.", "Gain lines are the group's avoided costs."));
  assumption(null, t("Effektfördröjning (år)", "Effect lag (years)"), inp.effectLag, "note", FMT.int, t("Nyttorna flyttas så många år framåt. Ändras genom att bygga om.", "Gains are moved this many years later. Changed by rebuilding."));
  const a = inp.adjustments;
  assumption("Deadweight", t("Dödvikt", "Deadweight"), a.deadweight, "input", FMT.pct, t("Det som hade hänt ändå.", "What would have happened anyway."));
  assumption("Attribution", t("Attribution", "Attribution"), a.attribution, "input", FMT.pct, t("Andel av effekten som beror på andra.", "Share of the effect due to others."));
  assumption("Displacement", t("Undanträngning", "Displacement"), a.displacement, "input", FMT.pct, t("Värde som flyttas snarare än skapas.", "Value moved rather than created."));
  assumption("DropOff", t("Avtagande per år", "Drop-off per year"), a.dropOff, "input", FMT.pct, t("Effekten minskar med denna andel varje år efter det första effektåret.", "The effect falls by this share each year after its first year."));
  assumption("OptimismCosts", t("Optimismjustering, kostnader", "Optimism bias, costs"), a.optimismCosts, "input", FMT.pct, t("Kostnaderna höjs med denna andel.", "Costs are raised by this share."));
  assumption("OptimismGains", t("Optimismjustering, nyttor", "Optimism bias, gains"), a.optimismGains, "input", FMT.pct, t("Nyttorna sänks med denna andel.", "Gains are lowered by this share."));
  assumption("GainFactor", t("Nyttofaktor (netto/brutto)", "Gain factor (net/gross)"), `=(1-${nameOf("Deadweight")})*(1-${nameOf("Attribution")})*(1-${nameOf("Displacement")})*(1-${nameOf("OptimismGains")})`, "calc", FMT.factor, t("(1 − dödvikt)(1 − attribution)(1 − undanträngning)(1 − optimism); avtagandet per år kommer till.", "(1 − deadweight)(1 − attribution)(1 − displacement)(1 − optimism); the yearly drop-off comes on top."));
  assumption("CostFactor", t("Kostnadsfaktor (netto/brutto)", "Cost factor (net/gross)"), `=1+${nameOf("OptimismCosts")}`, "calc", FMT.factor, t("1 + optimismjustering av kostnader.", "1 + optimism bias on costs."));
  assumption("Mandate", t("Mandatperiod (år)", "Mandate period (years)"), inp.mandateYears, "input", FMT.int, t("Resultatet inom mandatperioden räknas för så många år från start.", "The result within the mandate counts this many years from the start."));
  const f = inp.fund;
  const committed = f.rule === "committed" || (f.rule === "dual" && f.dualRepayment === "committed");
  if (f.rule !== "none") {
    const ruleText: Record<string, string> = {
      savings: t("Återföring ur besparingar (Norrköping)", "Repayment from savings (Norrköping)"),
      committed: t("Åtagande om återbetalning (Malmö)", "Committed repayment (Malmö)"),
      dual: t("Dubbelmodell: fond + ramanslag (Ale)", "Dual model: fund + frame appropriation (Ale)"),
    };
    assumption(null, t("Fondmodell", "Fund model"), ruleText[f.rule], "note", FMT.text, t("Ändras genom att bygga om.", "Changed by rebuilding."));
    assumption("FundShare", t("Fondens andel av insatsen", "Fund's share of the intervention"), f.fundShare, "input", FMT.pct, f.rule === "dual" ? t("Resten är ett tidsbegränsat ramanslag som inte återbetalas.", "The rest is a time-limited frame appropriation that is not repaid.") : t("Fonden betalar denna andel av insatsens bruttokostnader.", "The fund pays this share of the intervention's gross costs."));
    if (!committed) {
      assumption("RepayShare", t("Återföringsandel av besparingarna", "Repayment share of savings"), f.repaymentShare, "input", FMT.pct, t("Andel av de återbetalande aktörernas realiserade (netto)besparingar som förs tillbaka.", "Share of the repaying actors' realised (net) savings paid back."));
      assumption("Cap", t("Tak per år (kr)", "Cap per year (kr)"), f.capPerYear, "input", FMT.kr, t("Tomt = inget tak.", "Empty = no cap."));
      assumption("LastYear", t("Sista återföringsår", "Last repayment year"), f.lastYear, "input", FMT.year, t("Tomt = horisontens slut. Det som inte återbetalats redovisas.", "Empty = end of horizon. What is not repaid is reported."));
      const who = m.repayingActors.map((x) => m.labels.get(x.id)).join(", ");
      assumption(null, t("Återbetalande aktörer", "Repaying actors"), who || "—", "note", FMT.text, t("Deras nettobesparingar återför utbetalningen.", "Their net savings repay the payout."));
    }
    assumption(null, t("Fördröjning (år)", "Delay (years)"), f.repaymentDelay, "note", FMT.int, t("År efter en utbetalning innan den kan återbetalas. Ändras genom att bygga om.", "Years after a payout before it can be repaid. Changed by rebuilding."));
  }
  const nm = (k: string) => nameOf(k);
  r++;

  // ---- Results ----
  put(r++, 0, "header", () => [[t("Resultat", "Results"), t("Värde", "Value"), t("Förklaring", "Explanation")]]);
  const never = t("Inte inom horisonten", "Not within the horizon");
  const resultAddr = new Map<string, string>();
  const result = (k: string, label: string, formula: () => string, fmt: string, explanation: string, named?: string, style: BlockStyle = "output") => {
    const row = r++;
    const abs = cellAddress(row, 1, true);
    resultAddr.set(k, abs);
    if (named) defineName(named, abs, label);
    put(row, 0, "label", () => [[tx(label)]]);
    put(row, 1, style, () => [[formula()]], fmt);
    put(row, 2, "note", () => [[tx(explanation)]]);
  };
  const ra = (k: string) => resultAddr.get(k)!;
  result("npv", t("Nettonuvärde (netto)", "Net present value (net)"), () => `=${pvOf(P.totNet)}`, FMT.kr, t("Nuvärdet av nyttor minus kostnader efter justeringar.", "Present value of gains minus costs after adjustments."), "NPV");
  result("pvCosts", t("Nuvärde kostnader", "Present value of costs"), () => `=${pvOf(P.totCostsNet)}`, FMT.kr, t("Insatsens kostnader (netto).", "The intervention's costs (net)."), "PVCosts");
  result("pvGains", t("Nuvärde nyttor", "Present value of gains"), () => `=${pvOf(P.totGainsNet)}`, FMT.kr, t("Undvikna kostnader (netto).", "Avoided costs (net)."), "PVGains");
  result("bcr", t("Nytta per kostnadskrona", "Benefit–cost ratio"), () => `=IF(${ra("pvCosts")}>0,${ra("pvGains")}/${ra("pvCosts")},"—")`, FMT.ratio, t("Nuvärde nyttor ÷ nuvärde kostnader.", "PV of gains ÷ PV of costs."), "BCR");
  result("paybackYear", t("Återbetald från år (ej diskonterat)", "Paid back from year (undiscounted)"), () => `=IFERROR(INDEX(${absSpan(P.year)},1,MATCH(1,${absSpan(P.flag)},0)),"${never}")`, FMT.year, t("Första året från vilket det ackumulerade nettot förblir ≥ 0.", "First year from which the cumulative net stays ≥ 0."), undefined, "calc");
  result("discPaybackYear", t("Återbetald från år (diskonterat)", "Paid back from year (discounted)"), () => `=IFERROR(INDEX(${absSpan(P.year)},1,MATCH(1,${absSpan(P.flagDisc)},0)),"${never}")`, FMT.year, t("Som ovan, med diskonterade belopp.", "As above, with discounted amounts."), undefined, "calc");
  // INDEX on a row always with (1, n): Excel reads INDEX(row, n) as the n-th column, the formula engine as a row.
  const paybackPortable = (yearCell: string, cumRow: number) => {
    const mIdx = `(${yearCell}-$${yc(0)}$${P.year + 1}+1)`;
    const cum = absSpan(cumRow);
    return `=IFERROR(IF(${mIdx}=1,1-${nm("Timing")},${mIdx}-1-${nm("Timing")}-INDEX(${cum},1,${mIdx}-1)/(INDEX(${cum},1,${mIdx})-INDEX(${cum},1,${mIdx}-1))),"${never}")`;
  };
  result(
    "payback",
    t("Återbetalningstid, ej diskonterad (år)", "Payback, undiscounted (years)"),
    () => (addin ? `=IFERROR(SOCINV.PAYBACK(${absSpan(P.totNet)},,${nm("Timing")}),"${never}")` : paybackPortable(ra("paybackYear"), P.cum)),
    FMT.years,
    t("År från i dag tills det ackumulerade nettot varaktigt är ≥ 0 (interpolerat inom året).", "Years from today until the cumulative net is ≥ 0 for good (interpolated within the year)."),
    "PaybackSimple",
  );
  result(
    "discPayback",
    t("Återbetalningstid, diskonterad (år)", "Payback, discounted (years)"),
    () => (addin ? `=IFERROR(SOCINV.PAYBACK(${absSpan(P.totNet)},${rateArg()},${nm("Timing")}),"${never}")` : paybackPortable(ra("discPaybackYear"), P.cumDisc)),
    FMT.years,
    t("Som ovan, med diskonterade belopp.", "As above, with discounted amounts."),
    "Payback",
  );
  result("pvPerSuccess", t("Nuvärde av nyttan per lyckad deltagare", "PV of gains per success"), () => `=IFERROR(${pvOf(P.perSuccess)},"—")`, FMT.kr, t("Nyttor (netto) ÷ förväntat antal lyckade, diskonterat.", "Gains (net) ÷ expected successes, discounted."), "PVPerSuccess");
  result(
    "breakEven",
    t("Brytpunkt: antal som måste lyckas", "Break-even: successes needed"),
    () =>
      addin
        ? `=IFERROR(SOCINV.BREAKEVEN(${absSpan(P.totCostsNet)},${absSpan(P.perSuccess)},${rateArg()},${nm("Timing")}),"—")`
        : `=IF(AND(ISNUMBER(${ra("pvPerSuccess")}),${ra("pvCosts")}>=0),IF(${ra("pvPerSuccess")}>0,${ra("pvCosts")}/${ra("pvPerSuccess")},"—"),"—")`,
    FMT.count,
    t("Nuvärde kostnader ÷ nuvärde av nyttan per lyckad deltagare (avrunda uppåt till hela personer).", "PV of costs ÷ PV of gains per success (round up to whole people)."),
    "BreakEven",
  );
  result("breakEvenShare", t("Brytpunkt: andel av deltagarna", "Break-even: share of participants"), () => `=IFERROR(IF(${nm("Participants")}>0,${ra("breakEven")}/${nm("Participants")},"—"),"—")`, FMT.pct, t("Över 100 % betyder att insatsen inte lönar sig ens om alla lyckas.", "Above 100 % means it does not pay off even if everyone succeeds."), undefined, "calc");
  result("mandate", t("Netto inom mandatperioden (nuvärde)", "Net within the mandate (PV)"), () => `=SUMPRODUCT((${absSpan(P.period)}<=${nm("Mandate")})*${absSpan(P.totDisc)})`, FMT.kr, t("Nuvärdet av nettot för mandatperiodens år.", "PV of the net for the mandate's years."), "WithinMandate");
  const kommunActors = m.actors.filter((x) => x.kind === "namnd");
  if (kommunActors.length) {
    result(
      "kommunMandate",
      t("Kommunens netto inom mandatperioden", "Kommun's net within the mandate"),
      () => `=${kommunActors.map((x) => `SUMPRODUCT((${absSpan(P.period)}<=${nm("Mandate")})*${absSpan(P.actor.get(x.id)!.disc)})`).join("+")}`,
      FMT.kr,
      t("Summan för nämnderna.", "The sum over the committees."),
    );
  }
  result("npvGross", t("Nettonuvärde före justeringar (brutto)", "NPV before adjustments (gross)"), () => `=${pvOf(P.totGainsGross)}-${pvOf(P.totCostsGross)}`, FMT.kr, t("Utan dödvikt, attribution, undanträngning, avtagande och optimismjustering.", "Without deadweight, attribution, displacement, drop-off and optimism bias."), "NPVGross", "calc");
  if (f.rule !== "none") {
    result("fundPayout", t("Fonden: utbetalt totalt", "Fund: paid out in total"), () => `=SUM(${span(P.fund!.payout)})`, FMT.kr, t("Fondens andel av insatsens bruttokostnader.", "The fund's share of the intervention's gross costs."), "FundPayout", "calc");
    result("fundRepaid", t("Fonden: återbetalt totalt", "Fund: repaid in total"), () => `=SUM(${span(P.fund!.repayment)})`, FMT.kr, committed ? t("Enligt åtagandena.", "As committed.") : t("Ur realiserade besparingar, högst det utbetalda.", "From realised savings, at most what was paid out."), "FundRepaid", "calc");
    result("fundUnpaid", t("Fonden: ej återbetalt vid horisontens slut", "Fund: unpaid at the end of the horizon"), () => `=${ra("fundPayout")}-${ra("fundRepaid")}`, FMT.kr, t("Redovisas, döljs inte.", "Reported, not hidden."), "FundUnpaid");
    if (f.rule === "dual") result("fundFrame", t("Ramanslag (återbetalas inte)", "Frame appropriation (not repaid)"), () => `=SUM(${span(P.fund!.frame!)})`, FMT.kr, t("Den del av insatsen som inte går via fonden.", "The part of the intervention outside the fund."), "FrameTotal", "calc");
    result("fundPv", t("Fondens nettoresultat (nuvärde)", "Fund's net result (PV)"), () => `=SUM(${span(P.fund!.disc)})`, FMT.kr, t("Nuvärde av återbetalningar minus utbetalningar.", "PV of repayments minus payouts."), "FundNetPV");
  }
  r++;

  // ---- Who pays, who gains ----
  const tableHeader = r++;
  put(tableHeader, 0, "header", () => [
    [
      t("Vem betalar, vem vinner", "Who pays, who gains"),
      t("Nuvärde kostnader", "PV costs"),
      t("Nuvärde nyttor", "PV gains"),
      t("Netto (nuvärde)", "Net (PV)"),
      t("Andel av nyttorna", "Share of gains"),
      t("Nytta per egen kostnadskrona", "Gains per own cost"),
      t("Netto inom mandatperioden", "Net within the mandate"),
    ],
  ]);
  const firstActorRow = r;
  const actorRowIn = new Map<string, number>();
  for (const actor of m.actors) actorRowIn.set(actor.id, r++);
  const lastActorRow = r - 1;
  const kommunRow = kommunActors.length && kommunActors.length < m.actors.length ? r++ : -1;
  const totalRow = r++;
  const tableFmt = [FMT.text, FMT.kr, FMT.kr, FMT.kr, FMT.pct, FMT.ratio, FMT.kr];
  const B = (row: number, col: number) => cellAddress(row, col);
  for (const actor of m.actors) {
    const row = actorRowIn.get(actor.id)!;
    put(row, 0, "label", () => [[tx(m.labels.get(actor.id)!)]]);
    put(
      row,
      1,
      "output",
      () => {
        const rows = P.actor.get(actor.id)!;
        return [
          [
            `=${pvOf(rows.costsNet)}`,
            `=${pvOf(rows.gainsNet)}`,
            `=${B(row, 2)}-${B(row, 1)}`,
            `=IF($C$${totalRow + 1}<>0,${B(row, 2)}/$C$${totalRow + 1},0)`,
            `=IF(${B(row, 1)}>0,${B(row, 2)}/${B(row, 1)},"—")`,
            `=SUMPRODUCT((${absSpan(P.period)}<=${nm("Mandate")})*${span(rows.disc)})`,
          ],
        ];
      },
      [tableFmt.slice(1)],
    );
  }
  const sumCol = (col: number, rows: number[]) => `=SUM(${rows.map((x) => B(x, col)).join(",")})`;
  const sumRows = (label: string, row: number, rows: number[]) => {
    put(row, 0, "total", () => [[tx(label)]]);
    put(
      row,
      1,
      "total",
      () => [
        [
          sumCol(1, rows),
          sumCol(2, rows),
          `=${B(row, 2)}-${B(row, 1)}`,
          `=IF($C$${totalRow + 1}<>0,${B(row, 2)}/$C$${totalRow + 1},0)`,
          `=IF(${B(row, 1)}>0,${B(row, 2)}/${B(row, 1)},"—")`,
          sumCol(6, rows),
        ],
      ],
      [tableFmt.slice(1)],
    );
  };
  if (kommunRow >= 0) sumRows(t("Kommunen (nämnderna)", "Kommun (committees)"), kommunRow, kommunActors.map((x) => actorRowIn.get(x.id)!));
  put(totalRow, 0, "total", () => [[tx(t("Totalt", "Total"))]]);
  put(
    totalRow,
    1,
    "total",
    () => [
      [
        `=SUM(${B(firstActorRow, 1)}:${B(lastActorRow, 1)})`,
        `=SUM(${B(firstActorRow, 2)}:${B(lastActorRow, 2)})`,
        `=${B(totalRow, 2)}-${B(totalRow, 1)}`,
        `=IF($C$${totalRow + 1}<>0,1,0)`,
        `=IF(${B(totalRow, 1)}>0,${B(totalRow, 2)}/${B(totalRow, 1)},"—")`,
        `=SUM(${B(firstActorRow, 6)}:${B(lastActorRow, 6)})`,
      ],
    ],
    [tableFmt.slice(1)],
  );
  r = totalRow + 2;

  // ---- Gross and net ----
  put(r++, 0, "header", () => [[t("Brutto och netto", "Gross and net"), t("Brutto", "Gross"), t("Netto", "Net"), t("Skillnad", "Difference")]]);
  const gn = (label: string, gross: () => string, net: () => string, fmt: string) => {
    const row = r++;
    put(row, 0, "label", () => [[tx(label)]]);
    put(row, 1, "calc", () => [[gross(), net(), `=IFERROR(${B(row, 2)}-${B(row, 1)},"—")`]], fmt);
  };
  const gnCosts = r;
  gn(t("Nuvärde kostnader", "PV costs"), () => `=${pvOf(P.totCostsGross)}`, () => `=${ra("pvCosts")}`, FMT.kr);
  gn(t("Nuvärde nyttor", "PV gains"), () => `=${pvOf(P.totGainsGross)}`, () => `=${ra("pvGains")}`, FMT.kr);
  gn(t("Nettonuvärde", "NPV"), () => `=${B(gnCosts + 1, 1)}-${B(gnCosts, 1)}`, () => `=${ra("npv")}`, FMT.kr);
  gn(t("Nytta per kostnadskrona", "Benefit–cost ratio"), () => `=IF(${B(gnCosts, 1)}>0,${B(gnCosts + 1, 1)}/${B(gnCosts, 1)},"—")`, () => `=${ra("bcr")}`, FMT.ratio);
  r++;

  // ---- Typical individual ----
  const individual = inp.gainBasis === "perSuccess" || inp.template === "individual";
  if (individual) {
    const ind = inp.individual;
    put(r++, 0, "header", () => [[t("Typindivid", "Typical individual"), t("Per person, brutto", "Per person, gross"), t("Per person, netto", "Per person, net"), t("Alla förväntade lyckade, netto", "All expected successes, net")]]);
    put(r++, 0, "note", () => [[tx(t(`Nuvärdet av en undviken utanförskapskarriär per aktör, från ${ind.startAge} års ålder till ${ind.endAge}, diskonterat till startåret.`, `Present value of one avoided exclusion career by actor, from age ${ind.startAge} to ${ind.endAge}, discounted to the start year.`))]]);
    const gainActors = m.actors.filter((x) => m.gainLines.some((l) => l.actor.id === x.id));
    const first = r;
    for (const actor of gainActors) {
      const row = r++;
      put(row, 0, "label", () => [[tx(m.labels.get(actor.id)!)]]);
      put(
        row,
        1,
        "output",
        () => {
          const rows = P.actor.get(actor.id)!;
          return [
            [
              `=IF(${nm("Successes")}>0,${pvOf(rows.gainsGross)}/${nm("Successes")},"—")`,
              `=IF(${nm("Successes")}>0,${pvOf(rows.gainsNet)}/${nm("Successes")},"—")`,
              `=${pvOf(rows.gainsNet)}`,
            ],
          ];
        },
        FMT.kr,
      );
    }
    const row = r++;
    put(row, 0, "total", () => [[tx(t("Totalt", "Total"))]]);
    put(row, 1, "total", () => [[1, 2, 3].map((c) => (gainActors.length ? `=SUM(${B(first, c)}:${B(row - 1, c)})` : 0))], FMT.kr);
    r++;
  }
  const topEnd = r;

  // ---- Year area ----
  r = topEnd + 1;
  const yearsHeader = (row: number, title: string, labelHeader: string, extra: PlannedCell[] = ["", "", ""]) => {
    put(row, 0, "header", () => [[tx(title), ...extra.map((x) => (typeof x === "string" ? tx(x) : x)), tx(labelHeader), ...m.years]], [[FMT.text, FMT.text, FMT.text, FMT.text, FMT.text, ...m.years.map(() => FMT.year)]]);
  };
  const yearRow = (row: number, label: string, style: BlockStyle, fmt: string, cell: (i: number, col: string) => PlannedCell) => {
    put(row, COL_LABEL, "label", () => [[tx(label)]]);
    put(row, Y0, style, () => [m.years.map((_, i) => cell(i, yc(i)))], fmt);
  };

  // Timeline.
  P.year = r;
  yearsHeader(r++, t("Tidslinje", "Timeline"), t("År", "Year"));
  names.push({ name: nm("Years"), refersTo: `=${q}!${absSpan(P.year)}`, comment: t("Modellens år", "The model's years") });
  P.period = r;
  yearRow(r++, t("Periodnummer", "Period number"), "calc", FMT.int, (i) => i + 1);
  yearRow(r++, t("Tid i diskonteringen (år från i dag)", "Time in discounting (years from today)"), "calc", "0.0", (_, c) => `=${c}${P.period + 1}-${nm("Timing")}`);
  if (individual) yearRow(r++, t("Ålder", "Age"), "calc", FMT.int, (i) => inp.individual.startAge + i);
  const effectYearRow = r;
  yearRow(r++, t("Effektår (0 = före effekten)", "Effect year (0 = before the effect)"), "calc", FMT.int, (i) => Math.max(0, m.effectYears[i]));
  P.effect = r;
  yearRow(r++, t("Effektfaktor (avtagande)", "Effect factor (drop-off)"), "calc", FMT.factor, (_, c) => `=IF(${c}${effectYearRow + 1}<1,0,(1-${nm("DropOff")})^(${c}${effectYearRow + 1}-1))`);
  P.rate = r;
  if (d.kind === "constant") {
    yearRow(r++, t("Ränta per år", "Rate per year"), "calc", FMT.pct, () => `=${nm("Rate")}`);
  } else if (d.kind === "schedule" && addin) {
    yearRow(r++, t("Ränta per år", "Rate per year"), "calc", FMT.pct, (i) => (i === 0 ? `=SOCINV.RATESCHEDULE(${H},"${d.schedule}")` : null));
  } else {
    yearRow(r++, t("Ränta per år", "Rate per year"), d.kind === "perPeriod" ? "input" : "calc", FMT.pct, (i) => m.rates[i]);
  }
  names.push({ name: nm("Rates"), refersTo: `=${q}!${absSpan(P.rate)}`, comment: t("Ränta per år", "Rate per year") });
  let growthRow = -1;
  if (!addin) {
    growthRow = r;
    yearRow(r++, t("Ackumulerad (1 + r)", "Accumulated (1 + r)"), "calc", "0.000000", (i, c) => (i === 0 ? `=1+${c}${P.rate + 1}` : `=${yc(i - 1)}${growthRow + 1}*(1+${c}${P.rate + 1})`));
  }
  P.df = r;
  yearRow(r++, t("Diskonteringsfaktor", "Discount factor"), "calc", FMT.factor, (i, c) =>
    addin ? (i === 0 ? `=SOCINV.DISCOUNTFACTORS(${rateArg()},${H},${nm("Timing")})` : null) : `=(1+${c}${P.rate + 1})^${nm("Timing")}/${c}${growthRow + 1}`,
  );
  names.push({ name: nm("DiscountFactors"), refersTo: `=${q}!${absSpan(P.df)}`, comment: t("Diskonteringsfaktorer", "Discount factors") });
  r++;

  // Lines.
  const lineSection = (lines: ResolvedLine[], title: string, scaleNote: string): { first: number; last: number } => {
    yearsHeader(r++, title, t("Rad", "Line"), [t("Källa", "Source"), t("Andel", "Share"), t("Efter budgetåren", "After the budget years")]);
    if (lines.length === 0) {
      put(r++, COL_LABEL, "note", () => [[tx(t("Inga rader", "No lines"))]]);
      return { first: -1, last: -1 };
    }
    const first = r;
    const afterText = (l: ResolvedLine) => (l.after === "repeatLast" ? t("Sista året upprepas", "Last year repeated") : t("Noll", "Zero"));
    const budgetLines = lines.filter((l) => l.origin === "budget");
    const extraLines = lines.filter((l) => l.origin === "extra");
    const write = (group: ResolvedLine[], style: BlockStyle) => {
      if (!group.length) return;
      const row0 = r;
      r += group.length;
      put(row0, COL_ACTOR, "label", () => group.map((l) => [tx(m.labels.get(l.actor.id)!), tx(l.origin === "budget" ? l.sourceText : t("Inmatad", "Typed"))]));
      put(row0, COL_SHARE, group[0].origin === "budget" ? "input" : "note", () => group.map((l) => [l.origin === "budget" ? l.share : null]), FMT.pct);
      put(row0, COL_AFTER, "label", () => group.map((l) => [tx(afterText(l)), tx(l.label)]));
      put(row0, Y0, style, () =>
        group.map((l, j) =>
          l.cells.map((c) => {
            if (l.origin === "extra") return c.kind === "zero" ? 0 : c.value;
            const shareRef = `$${colLetter(COL_SHARE)}${row0 + j + 1}`;
            const neg = m.sign === -1 ? "-" : "";
            if (c.kind === "zero") return 0;
            // With a price index: × index(price year) ÷ index(the cell's own year), in both formula styles (plain
            // arithmetic keeps the portable style portable and the index cells live).
            const px = pix && c.indexYear !== undefined && c.indexYear !== priceYear ? `*${nm(`Index${priceYear}`)}/${nm(`Index${c.indexYear}`)}` : "";
            if (c.kind === "ref") return `=${neg}${sheetRef(m.budget!.sheet, c.address)}*${nm("UnitFactor")}*${shareRef}${px}`;
            return `=${m.sign * c.value}*${nm("UnitFactor")}*${shareRef}${px}`; // copied from a text cell (see notes)
          }),
        ),
      FMT.kr);
    };
    write(budgetLines, "calc");
    write(extraLines, "input");
    if (scaleNote) put(r++, COL_LABEL, "note", () => [[tx(scaleNote)]]);
    return { first, last: first + lines.length - 1 };
  };
  const costs = lineSection(m.costLines, t("Kostnader (insats), brutto, kr", "Costs (intervention), gross, kr"), "");
  r++;
  const perSuccess = inp.gainBasis === "perSuccess";
  const gains = lineSection(
    m.gainLines,
    perSuccess ? t("Nyttor per lyckad deltagare, brutto, kr", "Gains per successful participant, gross, kr") : t("Nyttor (undvikna kostnader), brutto, kr", "Gains (avoided costs), gross, kr"),
    m.gainLines.some((l) => l.origin === "budget") && inp.effectLag > 0 ? t(`Nyttorna är flyttade ${inp.effectLag} år framåt (effektfördröjning).`, `Gains are moved ${inp.effectLag} years later (effect lag).`) : "",
  );
  r++;

  // By actor.
  const sumOfLines = (sec: { first: number; last: number }, actorRow: number, col: string) =>
    sec.first < 0
      ? "0"
      : `SUMPRODUCT(($${colLetter(COL_ACTOR)}$${sec.first + 1}:$${colLetter(COL_ACTOR)}$${sec.last + 1}=$${colLetter(COL_LABEL)}${actorRow + 1})*${col}$${sec.first + 1}:${col}$${sec.last + 1})`;
  const actorSection = (title: string, field: "costsGross" | "costsNet" | "gainsGross" | "gainsNet" | "net" | "disc" | "cum", cell: (row: number, i: number, c: string, actor: ActorDef) => string, fmt: string = FMT.kr) => {
    yearsHeader(r++, title, t("Aktör", "Actor"));
    const first = r;
    for (const actor of m.actors) {
      const row = r++;
      const rows = P.actor.get(actor.id) ?? { costsGross: -1, costsNet: -1, gainsGross: -1, gainsNet: -1, net: -1, disc: -1, cum: -1 };
      rows[field] = row;
      P.actor.set(actor.id, rows);
      put(row, COL_LABEL, "label", () => [[tx(m.labels.get(actor.id)!)]]);
      put(row, Y0, "calc", () => [m.years.map((_, i) => cell(row, i, yc(i), actor))], fmt);
    }
    return { first, last: r - 1 };
  };
  const ar = (id: string) => P.actor.get(id)!;
  actorSection(t("Kostnader per aktör, brutto", "Costs by actor, gross"), "costsGross", (row, _i, c) => `=${sumOfLines(costs, row, c)}`);
  actorSection(t("Kostnader per aktör, netto", "Costs by actor, net"), "costsNet", (_row, _i, c, x) => `=${c}${ar(x.id).costsGross + 1}*${nm("CostFactor")}`);
  actorSection(
    perSuccess ? t("Nyttor per aktör, brutto (× förväntat antal lyckade)", "Gains by actor, gross (× expected successes)") : t("Nyttor per aktör, brutto", "Gains by actor, gross"),
    "gainsGross",
    (row, _i, c) => (perSuccess ? `=${sumOfLines(gains, row, c)}*${nm("Successes")}` : `=${sumOfLines(gains, row, c)}`),
  );
  actorSection(t("Nyttor per aktör, netto", "Gains by actor, net"), "gainsNet", (_row, _i, c, x) => `=${c}${ar(x.id).gainsGross + 1}*${nm("GainFactor")}*${c}$${P.effect + 1}`);
  actorSection(t("Netto per aktör (nyttor − kostnader)", "Net by actor (gains − costs)"), "net", (_row, _i, c, x) => `=${c}${ar(x.id).gainsNet + 1}-${c}${ar(x.id).costsNet + 1}`);
  actorSection(t("Diskonterat netto per aktör", "Discounted net by actor"), "disc", (_row, _i, c, x) => `=${c}${ar(x.id).net + 1}*${c}$${P.df + 1}`);
  const cumHeader = r;
  const cumSec = actorSection(t("Ackumulerat nuvärde, netto per aktör", "Cumulative net present value by actor"), "cum", (row, i, c, x) =>
    i === 0 ? `=${c}${ar(x.id).disc + 1}` : `=${yc(i - 1)}${row + 1}+${c}${ar(x.id).disc + 1}`,
  );
  r++;

  // Totals and payback helpers.
  yearsHeader(r++, t("Totalt", "Total"), "");
  /** A year row; `cell` gets the row's own index, since formulas are rendered after the layout is done. */
  const total = (label: string, cell: (i: number, c: string, row: number) => string, fmt: string = FMT.kr, style: BlockStyle = "total") => {
    const row = r++;
    yearRow(row, label, style, fmt, (i, c) => cell(i, c, row));
    return row;
  };
  const actorSum = (field: "costsGross" | "costsNet" | "gainsGross" | "gainsNet" | "net" | "disc", c: string) => {
    const rows = m.actors.map((x) => ar(x.id)[field] + 1);
    return `=SUM(${c}${Math.min(...rows)}:${c}${Math.max(...rows)})`;
  };
  P.totCostsGross = total(t("Kostnader, brutto", "Costs, gross"), (_i, c) => actorSum("costsGross", c));
  P.totCostsNet = total(t("Kostnader, netto", "Costs, net"), (_i, c) => actorSum("costsNet", c));
  P.totGainsGross = total(t("Nyttor, brutto", "Gains, gross"), (_i, c) => actorSum("gainsGross", c));
  P.totGainsNet = total(t("Nyttor, netto", "Gains, net"), (_i, c) => actorSum("gainsNet", c));
  P.totNet = total(t("Netto", "Net"), (_i, c) => actorSum("net", c));
  names.push({ name: nm("Net"), refersTo: `=${q}!${absSpan(P.totNet)}`, comment: t("Netto per år", "Net per year") });
  P.perSuccess = total(t("Nyttor per lyckad deltagare, netto", "Gains per success, net"), (_i, c) => `=IF(${nm("Successes")}>0,${c}${P.totGainsNet + 1}/${nm("Successes")},0)`, FMT.kr, "calc");
  P.totDisc = total(t("Diskonterat netto", "Discounted net"), (_i, c) => actorSum("disc", c), FMT.kr, "calc");
  P.cum = total(t("Ackumulerat netto", "Cumulative net"), (i, c, row) => (i === 0 ? `=${c}${P.totNet + 1}` : `=${yc(i - 1)}${row + 1}+${c}${P.totNet + 1}`), FMT.kr, "calc");
  P.cumDisc = total(t("Ackumulerat diskonterat netto", "Cumulative discounted net"), (i, c, row) => (i === 0 ? `=${c}${P.totDisc + 1}` : `=${yc(i - 1)}${row + 1}+${c}${P.totDisc + 1}`), FMT.kr, "calc");
  // Payback is sustained: the year from which the cumulative stays ≥ 0 to the end (a flag read right to left).
  const flagRow = (cumRow: number) => (i: number, c: string, row: number) =>
    i === H - 1 ? `=IF(${c}${cumRow + 1}>=0,1,0)` : `=IF(AND(${c}${cumRow + 1}>=0,${yc(i + 1)}${row + 1}=1),1,0)`;
  P.flag = total(t("Förblir ≥ 0 härifrån (ej diskonterat)", "Stays ≥ 0 from here (undiscounted)"), flagRow(P.cum), FMT.int, "calc");
  P.flagDisc = total(t("Förblir ≥ 0 härifrån (diskonterat)", "Stays ≥ 0 from here (discounted)"), flagRow(P.cumDisc), FMT.int, "calc");
  r++;

  // Fund schedule.
  if (f.rule !== "none") {
    yearsHeader(r++, t("Fond", "Fund"), "");
    const payout = total(t("Utbetalning från fonden", "Payout from the fund"), (_i, c) => `=${c}${P.totCostsGross + 1}*${nm("FundShare")}`, FMT.kr, "calc");
    let frame: number | null = null;
    if (f.rule === "dual") frame = total(t("Ramanslag (återbetalas inte)", "Frame appropriation (not repaid)"), (_i, c) => `=${c}${P.totCostsGross + 1}*(1-${nm("FundShare")})`, FMT.kr, "calc");
    const cumPayout = total(t("Ackumulerad utbetalning", "Cumulative payout"), (i, c, row) => (i === 0 ? `=${c}${payout + 1}` : `=${yc(i - 1)}${row + 1}+${c}${payout + 1}`), FMT.kr, "calc");
    let repayment: number;
    const cumRepaidRow = () => P.fund!.cumRepaid;
    if (committed) {
      // Commitments: shares of the total payout per actor and year (inputs), their amounts, and the gap to savings.
      const ids = [...new Set(m.commitments.map((c) => c.actor))];
      const shareRows = new Map<string, number>();
      const label = (id: string) => m.labels.get(id) ?? inp.actors.find((x) => x.id === id)?.label[lang] ?? id;
      for (const id of ids) {
        const row = r++;
        shareRows.set(id, row);
        put(row, COL_LABEL, "label", () => [[tx(t(`Åtagande, andel: ${label(id)}`, `Commitment, share: ${label(id)}`))]]);
        put(row, Y0, "input", () => [m.years.map((y) => {
          const s = m.commitments.filter((c) => c.actor === id && c.year === y).reduce((acc, c) => acc + c.share, 0);
          return s === 0 ? null : s;
        })], FMT.pct);
      }
      const amountRows: number[] = [];
      for (const id of ids) {
        const sr = shareRows.get(id)!;
        amountRows.push(total(t(`Åtagande, kr: ${label(id)}`, `Commitment, kr: ${label(id)}`), (_i, c) => `=${c}${sr + 1}*${nm("FundPayout")}`, FMT.kr, "calc"));
      }
      for (const [k, id] of ids.entries()) {
        const own = P.actor.get(id);
        total(t(`Gap åtagande − besparing: ${label(id)}`, `Gap commitment − savings: ${label(id)}`), (_i, c) => (own ? `=${c}${amountRows[k] + 1}-${c}${own.gainsNet + 1}` : `=${c}${amountRows[k] + 1}`), FMT.kr, "calc");
      }
      repayment = total(t("Återbetalning till fonden", "Repayment to the fund"), (_i, c) => (amountRows.length ? `=SUM(${c}${amountRows[0] + 1}:${c}${amountRows[amountRows.length - 1] + 1})` : "=0"), FMT.kr, "output");
    } else {
      const who = m.repayingActors.map((x) => ar(x.id).gainsNet + 1);
      const savings = total(t("Realiserade besparingar (återbetalande aktörer)", "Realised savings (repaying actors)"), (_i, c) => (who.length ? `=${who.map((x) => `${c}${x}`).join("+")}` : "=0"), FMT.kr, "calc");
      const delay = f.repaymentDelay;
      const repayable = total(
        t(`Kan återbetalas (utbetalt t.o.m. ${delay} år före, minus återbetalt)`, `Repayable (paid out up to ${delay} years before, less repaid)`),
        (i) => {
          const due = i - delay >= 0 ? `${yc(i - delay)}${cumPayout + 1}` : "0";
          const repaidBefore = i >= 1 ? `${yc(i - 1)}${cumRepaidRow() + 1}` : "0";
          return `=MAX(0,${due}-${repaidBefore})`;
        },
        FMT.kr,
        "calc",
      );
      repayment = total(
        t("Återbetalning till fonden", "Repayment to the fund"),
        (_i, c) => {
          const wish = `${nm("RepayShare")}*${c}${savings + 1}`;
          return `=IF(IF(ISNUMBER(${nm("LastYear")}),${c}$${P.year + 1}<=${nm("LastYear")},TRUE),MAX(0,MIN(${wish},IF(ISNUMBER(${nm("Cap")}),${nm("Cap")},${wish}),${c}${repayable + 1})),0)`;
        },
        FMT.kr,
        "output",
      );
    }
    const cumRepaid = total(t("Ackumulerad återbetalning", "Cumulative repayment"), (i, c, row) => (i === 0 ? `=${c}${repayment + 1}` : `=${yc(i - 1)}${row + 1}+${c}${repayment + 1}`), FMT.kr, "calc");
    const balance = total(t("Fondens saldo (återbetalt − utbetalt)", "Fund balance (repaid − paid out)"), (_i, c) => `=${c}${cumRepaid + 1}-${c}${cumPayout + 1}`, FMT.kr, "output");
    const disc = total(t("Diskonterat fondnetto", "Discounted fund net"), (_i, c) => `=(${c}${repayment + 1}-${c}${payout + 1})*${c}$${P.df + 1}`, FMT.kr, "calc");
    P.fund = { payout, frame, cumPayout, repayment, cumRepaid, balance, disc };
    r++;
  }

  // ---- Materialise ----
  const planned: BlockPlan[] = blocks.map((b) => {
    const out: BlockPlan = { row: b.row, col: b.col, cells: b.cells(), style: b.style };
    if (b.numberFormat !== undefined) out.numberFormat = b.numberFormat;
    return out;
  });

  const charts: ChartPlan[] = [
    {
      sheet,
      kind: "line",
      title: t("Ackumulerat nuvärde, netto per aktör", "Cumulative net present value by actor"),
      dataAddress: `${cellAddress(cumHeader, COL_LABEL)}:${L}${cumSec.last + 1}`,
      seriesBy: "rows",
      anchor: { row: 3, col: CHART_COL, rows: 16, cols: 8 },
    },
    {
      sheet,
      kind: "columnClustered",
      title: t("Kostnader och nyttor per aktör (nuvärde)", "Costs and gains by actor (present value)"),
      dataAddress: `${cellAddress(tableHeader, 0)}:${cellAddress(lastActorRow, 2)}`,
      seriesBy: "columns",
      anchor: { row: 20, col: CHART_COL, rows: 16, cols: 8 },
    },
  ];

  const modelSheet: SheetPlan = {
    name: sheet,
    blocks: planned,
    columnWidths: [
      { col: COL_ACTOR, width: 210 },
      { col: COL_SOURCE, width: 120 },
      { col: COL_SHARE, width: 95 },
      { col: COL_AFTER, width: 100 },
      { col: COL_LABEL, width: 230 },
      ...m.years.map((_, i) => ({ col: Y0 + i, width: 78 })),
    ],
    tabColor: "#1F6E43",
  };

  const settings: StoredSettings = {
    format: "socinv-model",
    version: 1,
    plannerVersion: PLANNER_VERSION,
    modelKey: key,
    sheets: [sheet],
    inputs: inp,
    budget: m.budget
      ? {
          sheet: m.budget.sheet,
          address: m.budget.address,
          years: m.budget.years.map((y) => y.year),
          rows: inp.rows.filter((x) => x.role !== "ignore").map((x) => ({ sheetRow: x.sheetRow, label: x.label })),
        }
      : null,
  };
  const settingsJson = JSON.stringify(settings);
  const plan: ModelPlan = {
    modelKey: key,
    sheets: [modelSheet, settingsSheetPlan(key, [sheet], names.map((n) => n.name), settingsJson)],
    names,
    charts,
  };

  const qa = (abs: string) => `${q}!${abs}`;
  const keyCells: KeyCells = {
    npv: qa(ra("npv")),
    npvGross: qa(ra("npvGross")),
    pvCosts: qa(ra("pvCosts")),
    pvGains: qa(ra("pvGains")),
    benefitCostRatio: qa(ra("bcr")),
    payback: qa(ra("payback")),
    discountedPayback: qa(ra("discPayback")),
    pvGainsPerSuccess: qa(ra("pvPerSuccess")),
    breakEven: qa(ra("breakEven")),
    successes: qa(cellOf.get("Successes")!),
    withinMandate: qa(ra("mandate")),
    kommunWithinMandate: resultAddr.has("kommunMandate") ? qa(ra("kommunMandate")) : null,
    actorTable: { sheet, firstRow: firstActorRow, actors: m.actors.map((x) => x.id), columns: ["pvCosts", "pvGains", "pvNet", "shareOfGains", "gainsPerOwnCost", "netWithinMandate"] },
    years: qa(absSpan(P.year)),
    discountFactors: qa(absSpan(P.df)),
    net: qa(absSpan(P.totNet)),
    fund: P.fund
      ? {
          payoutTotal: qa(ra("fundPayout")),
          repaidTotal: qa(ra("fundRepaid")),
          unpaid: qa(ra("fundUnpaid")),
          frameTotal: resultAddr.has("fundFrame") ? qa(ra("fundFrame")) : null,
          pvFundNet: qa(ra("fundPv")),
          repayment: qa(absSpan(P.fund.repayment)),
          balance: qa(absSpan(P.fund.balance)),
        }
      : null,
  };
  return { plan, settings, settingsJson, notes, keyCells };
}

/** Reads stored settings (the JSON from a model's settings sheet); refusals as values. */
export function parseSettings(json: string): Result<{ settings: StoredSettings }> {
  return attempt(() => {
    let s: StoredSettings;
    try {
      s = JSON.parse(json) as StoredSettings;
    } catch (e) {
      return badSettings(e instanceof Error ? e.message : String(e));
    }
    if (!s || s.format !== "socinv-model" || s.version !== 1 || !s.inputs || typeof s.modelKey !== "string") return badSettings("format");
    return { settings: s };
  });
}

function badSettings(detail: string): never {
  return refuse("badSettings", { detail });
}

/** Is this sheet name one of the planner's hidden settings sheets? */
export function isSettingsSheet(name: string): boolean {
  return name.startsWith(SETTINGS_SHEET_PREFIX);
}
