/**
 * Everything the user chooses in the task pane to build a model, as plain data (serialisable to JSON: it is
 * stored in the workbook with the model and read back to rebuild). The task pane edits a ModelInputs; the
 * planner (planModel) turns it plus the budget block read from the sheet into a ModelPlan.
 *
 * Conventions (documented in docs/model.md):
 * - Money amounts typed by the user (extra lines, fund payout, cap) are in kronor (kr). Budget cells are read
 *   in their own unit and converted to kr by the model's unit factor (a visible, named cell).
 * - Shares and rates are fractions: 0.035 = 3.5 %.
 * - Years are calendar years. The model runs `horizon` years from `startYear`.
 * - Price level: with a price index, each budget amount is brought to the price year's prices by
 *   index(price year) ÷ index(the amount's own budget year). Typed lines are in the price year's prices.
 * - What is structural (rows, actors, horizon, start year, effect lag, fund rule) needs a rebuild; the numeric
 *   assumptions (rate, timing, participants, success probability, adjustments, shares, fund parameters) are
 *   named cells in the model and can be changed in the sheet directly.
 */
import type { Timing } from "../core/discounting";

export type Lang = "sv" | "en";
export interface Bilingual {
  sv: string;
  en: string;
}

export type Unit = "kr" | "tkr" | "mnkr";
export const UNIT_FACTOR: Record<Unit, number> = { kr: 1, tkr: 1000, mnkr: 1000000 };

export type RowRole = "cost" | "gain" | "ignore";
export type FormulaStyle = "portable" | "addin";
export type TemplateId = "plain" | "norrkoping" | "malmo" | "ale" | "individual";

/** What a budget row holds beyond the budget's last year column: nothing, or the last year's amount again. */
export type AfterBudget = "zero" | "repeatLast";

export type ActorKind = "namnd" | "region" | "state" | "individual" | "society" | "other";

export interface ActorDef {
  /** Stable key used in inputs (row choices, fund rules); never shown. Letters, digits, "_" and "-". */
  id: string;
  /** Shown in the model sheet (in the model's language) and in the pane. Must be unique (case-insensitive). */
  label: Bilingual;
  kind: ActorKind;
  /** Added by the user in the pane (the built-in ones can be hidden but not renamed away). */
  userAdded?: boolean;
}

/** Where the budget block is and how to read its numbers. */
export interface SourceInputs {
  sheet: string;
  /** A1 address of the block on its sheet, without the sheet name, e.g. "A3:F30". */
  address: string;
  /** Unit recognised from the sheet (a title like "Belopp i mnkr"); null when none was found. */
  detectedUnit: Unit | null;
  /** The user's choice, overriding the detected unit; required when none was detected. */
  unitOverride: Unit | null;
  /**
   * How the budget shows costs. Many driftbudgets show net costs as negative numbers; the model works with
   * costs and gains as positive amounts, so "costsNegative" flips the sign of every budget cell it reads.
   */
  sign: "costsPositive" | "costsNegative";
  /**
   * For a year with more than one column (Utfall 2013 and Budget 2013): the column the model reads, by letter.
   * Absent or without that year = the reader's default (see planner/budget-years.ts).
   */
  yearColumns?: YearPick[];
}

/** The column (its letter, e.g. "C") the model reads for a year that has several. */
export interface YearPick {
  year: number;
  column: string;
}

/** The user's choice for one row of the budget block. Rows without a choice are ignored. */
export interface RowChoice {
  /** 0-based row on the source sheet (BudgetRow.sheetRow). */
  sheetRow: number;
  /** The row's label when it was chosen; a rebuild warns when the sheet's label has changed. */
  label: string;
  role: RowRole;
  /** ActorDef.id */
  actor: string;
  /**
   * Share of the row that is the intervention's cost or the avoided cost (1 = the whole row). null = not given
   * yet: a gain row starts without a share, because how much of a budget line an intervention avoids is the
   * claim the whole model rests on, never a default. A chosen row without a share is refused by the planner.
   * (Settings stored before this rule hold a number for every row, usually 1, and are read as they were.)
   */
  share: number | null;
  /**
   * Beyond the budget's last year: nothing (the default, for costs and gains alike) or the last year repeated,
   * which the user chooses. Stored settings keep what they hold (older ones have "repeatLast" on gain rows).
   */
  after: AfterBudget;
}

/** A cost or gain typed in the pane rather than read from the budget. */
export interface ExtraLine {
  label: string;
  role: "cost" | "gain";
  actor: string;
  /** Amounts in kr, one per model year from the start year; missing years are 0 (or the last one repeated). */
  amounts: number[];
  after: AfterBudget;
}

/** One year's value of a price index (KPI, SKR's PKV …); any base (2024 = 100, 1980 = 100 …). */
export interface PriceIndexPoint {
  year: number;
  value: number;
}

/**
 * A price index to bring budget years (Bokslut 2024, Budget 2025, Plan 2026 …) to one price year. Stored as
 * a list of points rather than a year-keyed object so that the JSON keeps numbers as numbers and its order.
 */
export interface PriceIndex {
  /** Shown in the model ("KPI", "PKV (SKR)"); empty = "prisindex"/"price index". */
  name: string;
  values: PriceIndexPoint[];
}

export type DiscountInputs =
  | { kind: "constant"; rate: number }
  /** One rate per model year (period 1 = the first model year). */
  | { kind: "perPeriod"; rates: number[] }
  /** Declining long-term schedule (UK Green Book), see core/discounting decliningRates. */
  | { kind: "schedule"; schedule: "standard" | "health" };

/** Effect adjustments (SROI / New Economy practice). All shares 0..1; results are shown gross and net. */
export interface Adjustments {
  /** What would have happened anyway. */
  deadweight: number;
  /** Share of the effect due to others. */
  attribution: number;
  /** Value moved elsewhere rather than created. */
  displacement: number;
  /** Yearly fading of the effect after its first year: effect year k (k = 1 the first) is multiplied by (1 − dropOff)^(k − 1). */
  dropOff: number;
  /** Optimism bias: costs raised by this share. */
  optimismCosts: number;
  /** Optimism bias: gains lowered by this share. */
  optimismGains: number;
}

export type FundRule = "none" | "savings" | "committed" | "dual";

/** A committed repayment (Malmö): an actor promises to repay a share of the payout in a given year. */
export interface Commitment {
  actor: string;
  year: number;
  /** Share of the fund's total payout (0..1). */
  share: number;
}

export interface FundInputs {
  rule: FundRule;
  /**
   * The fund pays out this share of the intervention's costs as they fall due (1 for savings/committed).
   * Dual model (Ale): the rest is a time-limited frame appropriation (ramanslag) that is not repaid.
   */
  fundShare: number;
  /** Savings-based (Norrköping): share of the repaying actors' realised (net) savings paid back each year. */
  repaymentShare: number;
  /** Years after a payout before it can be repaid (1 = from the year after the payout). */
  repaymentDelay: number;
  /** Most that may be repaid in one year, kr; null = no cap. */
  capPerYear: number | null;
  /** Last calendar year of repayment; null = the model's last year. Unpaid remainders are reported. */
  lastYear: number | null;
  /** Actors whose savings repay the fund (ids); empty = every kommun actor (kind "namnd"). */
  repayingActors: string[];
  /** Committed model (Malmö), and the dual model when dualRepayment is "committed". */
  commitments: Commitment[];
  /** Dual model: how the fund part is repaid. */
  dualRepayment: "savings" | "committed";
}

/** Typical individual (Nilsson & Wadeskog): the gain rows are one person's yearly excess costs by actor. */
export interface IndividualInputs {
  /** Age in the start year. */
  startAge: number;
  /** Counted to this age (exclusive), e.g. 65. */
  endAge: number;
}

export interface ModelInputs {
  /** Format version of the stored settings. */
  version: 1;
  template: TemplateId;
  language: Lang;
  formulaStyle: FormulaStyle;
  /** The model's title, shown at the top of its sheet; also the base of the sheet name. */
  title: string;
  /** The budget block; null for a model built from extra lines only. */
  source: SourceInputs | null;
  rows: RowChoice[];
  actors: ActorDef[];
  extraLines: ExtraLine[];
  /**
   * How gain amounts are meant: "total" = the avoided costs of the whole group (as budgeted), or
   * "perSuccess" = the avoided costs of one person who succeeds (typical individual), scaled in the model
   * by participants × success probability. Break-even successes are computed in both cases.
   */
  gainBasis: "total" | "perSuccess";
  /** Number of people the intervention reaches. */
  participants: number;
  /** Probability (0..1) that a participant succeeds; expected successes = participants × probability. */
  successProbability: number;
  /** Years before gains start: gain amounts are shifted this many years later. */
  effectLag: number;
  /**
   * First calendar year of the model; null = the first year column of the budget block (what settings stored
   * with null have always meant). The pane fills it in when it reads a block, with defaultStartYear.
   */
  startYear: number | null;
  /** Number of model years. */
  horizon: number;
  discount: DiscountInputs;
  /** 0 = end of year (like Excel's NPV), 1 = start of year (year 1 undiscounted), 0.5 = mid-year. */
  timing: Timing;
  /** The price level of the model's amounts; null = the start year. */
  priceYear: number | null;
  /**
   * Optional price index: budget amounts are converted to the price year's prices with it. Absent or null =
   * no conversion (amounts are taken to be in the price year's prices already). Absent from the defaults on
   * purpose: settings stored before the field existed load, and rebuild, exactly as before.
   */
  priceIndex?: PriceIndex | null;
  /** Length of the political mandate window for the "within mandate" result (4 years in Sweden). */
  mandateYears: number;
  adjustments: Adjustments;
  fund: FundInputs;
  /** Used when the template is "individual" (or gainBasis is "perSuccess"). */
  individual: IndividualInputs;
}

// ---- Actors ----

export const BUILTIN_ACTORS: readonly ActorDef[] = [
  { id: "bun", kind: "namnd", label: { sv: "Barn- och utbildningsnämnden", en: "Children and education committee" } },
  { id: "son", kind: "namnd", label: { sv: "Socialnämnden", en: "Social services committee" } },
  { id: "kfn", kind: "namnd", label: { sv: "Kultur- och fritidsnämnden", en: "Culture and leisure committee" } },
  { id: "amn", kind: "namnd", label: { sv: "Arbetsmarknadsnämnden", en: "Labour market committee" } },
  { id: "ks", kind: "namnd", label: { sv: "Kommunstyrelsen", en: "Municipal executive board" } },
  { id: "region", kind: "region", label: { sv: "Regionen (hälso- och sjukvård)", en: "Region (health care)" } },
  { id: "fk", kind: "state", label: { sv: "Försäkringskassan", en: "Social Insurance Agency" } },
  { id: "af", kind: "state", label: { sv: "Arbetsförmedlingen", en: "Public Employment Service" } },
  { id: "rv", kind: "state", label: { sv: "Rättsväsendet", en: "Justice system" } },
  { id: "individ", kind: "individual", label: { sv: "Individen", en: "The individual" } },
  { id: "samhalle", kind: "society", label: { sv: "Samhället (produktion, skatter)", en: "Society (production, taxes)" } },
];

/** A user-added actor with a fresh id; the same name is used in both languages. */
export function userActor(name: string, existing: readonly ActorDef[], kind: ActorKind = "other"): ActorDef {
  let n = 1;
  const ids = new Set(existing.map((a) => a.id));
  while (ids.has(`u${n}`)) n++;
  const label = name.trim();
  return { id: `u${n}`, kind, label: { sv: label, en: label }, userAdded: true };
}

export function actorLabel(actor: ActorDef, lang: Lang): string {
  return actor.label[lang] || actor.label.sv || actor.label.en || actor.id;
}

// ---- Defaults ----

export const DEFAULT_ADJUSTMENTS: Adjustments = {
  deadweight: 0,
  attribution: 0,
  displacement: 0,
  dropOff: 0,
  optimismCosts: 0,
  optimismGains: 0,
};

export const DEFAULT_FUND: FundInputs = {
  rule: "none",
  fundShare: 1,
  repaymentShare: 1,
  repaymentDelay: 1,
  capPerYear: null,
  lastYear: null,
  repayingActors: [],
  commitments: [],
  dualRepayment: "savings",
};

/** Swedish practice: 3.5 % real (ASEK); see shared domain notes. */
export const DEFAULT_RATE = 0.035;

export function defaultInputs(lang: Lang = "sv"): ModelInputs {
  return {
    version: 1,
    template: "plain",
    language: lang,
    formulaStyle: "portable",
    title: lang === "sv" ? "Social investering" : "Social investment",
    source: null,
    rows: [],
    actors: BUILTIN_ACTORS.map((a) => ({ ...a, label: { ...a.label } })),
    extraLines: [],
    gainBasis: "total",
    participants: 0,
    successProbability: 1,
    effectLag: 0,
    startYear: null,
    horizon: 10,
    discount: { kind: "constant", rate: DEFAULT_RATE },
    timing: 0,
    priceYear: null,
    mandateYears: 4,
    adjustments: { ...DEFAULT_ADJUSTMENTS },
    fund: { ...DEFAULT_FUND, repayingActors: [], commitments: [] },
    individual: { startAge: 18, endAge: 65 },
  };
}

// ---- Row choices and the start year: defaults that cannot inflate a result ----

/** A budget row before the user has chosen anything: ignored, no share, nothing after the budget. */
export function newRowChoice(sheetRow: number, label: string, actor: string): RowChoice {
  return { sheetRow, label, role: "ignore", actor, share: null, after: "zero" };
}

/**
 * A row given a role. A share belongs to the role it was given for: a row that becomes a gain has no share
 * until the user types one (how much of a budget line is avoided is never assumed); a row that becomes a cost
 * counts the whole line (shown as 100 % in the field), the usual case for the intervention's own budget line.
 * A new role also starts with nothing after the budget's last year: repeating the last year is chosen per row.
 */
export function withRole(choice: RowChoice, role: RowRole): RowChoice {
  if (role === choice.role) return choice;
  if (role === "ignore") return { ...choice, role };
  return { ...choice, role, share: role === "cost" ? 1 : null, after: "zero" };
}

/** Does a chosen row still lack the user's share? (Such a row cannot be built.) */
export function lacksShare(choice: RowChoice): boolean {
  return choice.role !== "ignore" && (choice.share === null || !Number.isFinite(choice.share));
}

/** Why the start year defaults to the year it does (shown next to the field). */
export type StartYearReason =
  /** The first Budget or Plan year after the block's last Bokslut (actuals) column. */
  | "afterActuals"
  /** The block has no Bokslut column: its first year. */
  | "firstYear"
  /** Every year of the block is a Bokslut: its first year, which the pane marks as doubtful. */
  | "onlyActuals";

/**
 * The start year a model on this block should default to. A Swedish driftbudget starts with Bokslut (actuals):
 * starting there would count savings before the project has begun. So: the first Budget, Plan or plain year
 * after the last Bokslut year (then any later year, e.g. a Prognos), else the block's first year.
 */
export function defaultStartYear(
  years: ReadonlyArray<{ year: number; kind: string }>,
): { year: number; reason: StartYearReason; lastActuals: number | null } | null {
  if (years.length === 0) return null;
  const first = Math.min(...years.map((y) => y.year));
  const actuals = years.filter((y) => y.kind === "bokslut").map((y) => y.year);
  if (actuals.length === 0) return { year: first, reason: "firstYear", lastActuals: null };
  const lastActuals = Math.max(...actuals);
  const later = years.filter((y) => y.year > lastActuals);
  const planned = later.filter((y) => y.kind === "budget" || y.kind === "plan" || y.kind === "year");
  const pick = planned.length ? planned : later;
  if (pick.length === 0) return { year: first, reason: "onlyActuals", lastActuals };
  return { year: Math.min(...pick.map((y) => y.year)), reason: "afterActuals", lastActuals };
}

// ---- Templates ----

export interface TemplateDef {
  id: TemplateId;
  label: Bilingual;
  description: Bilingual;
  /** Settings the template starts from; everything else comes from defaultInputs(). */
  inputs: Partial<ModelInputs>;
}

export const TEMPLATES: readonly TemplateDef[] = [
  {
    id: "plain",
    label: { sv: "Enkel kostnads–nyttokalkyl", en: "Plain cost–benefit" },
    description: {
      sv: "Insatsens kostnader mot undvikna kostnader per aktör, nuvärde med 3,5 % real ränta, återbetalningstid och brytpunkt. Ingen fond.",
      en: "The intervention's costs against avoided costs by actor, present value at 3.5 % real, payback and break-even. No fund.",
    },
    inputs: { template: "plain", gainBasis: "total", horizon: 10, fund: { ...DEFAULT_FUND } },
  },
  {
    id: "norrkoping",
    label: { sv: "Norrköpings återföringsmodell", en: "Norrköping repayment model" },
    description: {
      sv: "Fonden betalar insatsen; nämnderna där kostnaderna faller får sin ram minskad med de realiserade besparingarna, som förs tillbaka till fonden tills utbetalningen är återbetald (från året efter utbetalningen).",
      en: "The fund pays for the intervention; the committees where costs fall have their frames reduced by the realised savings, which flow back to the fund until the payout is repaid (from the year after the payout).",
    },
    inputs: {
      template: "norrkoping",
      gainBasis: "total",
      horizon: 10,
      fund: { ...DEFAULT_FUND, rule: "savings", repaymentShare: 1, repaymentDelay: 1 },
    },
  },
  {
    id: "malmo",
    label: { sv: "Malmö: åtagande om återbetalning", en: "Malmö committed repayment" },
    description: {
      sv: "Nämnderna där kostnadsminskningarna väntas åtar sig i förväg att återbetala fonden enligt en plan (andelar av utbetalningen per år), oberoende av de realiserade besparingarna. Modellen visar gapet mellan åtagande och besparing per år.",
      en: "The committees where cost reductions are expected commit up front to repay the fund on a plan (shares of the payout by year), whatever the realised savings. The model shows the gap between commitment and savings per year.",
    },
    inputs: {
      template: "malmo",
      gainBasis: "total",
      horizon: 10,
      fund: { ...DEFAULT_FUND, rule: "committed", repaymentDelay: 2 },
    },
  },
  {
    id: "ale",
    label: { sv: "Ales dubbelmodell", en: "Ale dual model" },
    description: {
      sv: "En del av insatsen betalas av fonden och återbetalas ur besparingarna; resten är ett tidsbegränsat ramanslag som inte återbetalas (t.ex. för samverkan med parter utanför kommunen). Båda delarna och fondens nettoresultat visas.",
      en: "Part of the intervention is paid by the fund and repaid from savings; the rest is a time-limited frame appropriation that is not repaid (e.g. for cooperation with partners outside the kommun). Both parts and the fund's net result are shown.",
    },
    inputs: {
      template: "ale",
      gainBasis: "total",
      horizon: 10,
      fund: { ...DEFAULT_FUND, rule: "dual", fundShare: 0.6, repaymentShare: 1, repaymentDelay: 1, dualRepayment: "savings" },
    },
  },
  {
    id: "individual",
    label: { sv: "Typindivid (utanförskapets pris)", en: "Typical individual (the price of exclusion)" },
    description: {
      sv: "Raderna är en persons årliga merkostnader per aktör i ett utanförskap jämfört med ett vanligt liv (t.ex. till 65 års ålder). Nuvärdet per undviken karriär multipliceras med antalet deltagare och sannolikheten att lyckas; brytpunkten visar hur många som måste lyckas.",
      en: "The rows are one person's yearly excess costs by actor in an exclusion career compared with an ordinary life (e.g. to age 65). The present value of one avoided career is multiplied by the number of participants and the probability of success; break-even shows how many must succeed.",
    },
    inputs: {
      template: "individual",
      gainBasis: "perSuccess",
      participants: 20,
      successProbability: 0.3,
      effectLag: 1,
      horizon: 47,
      individual: { startAge: 18, endAge: 65 },
      fund: { ...DEFAULT_FUND },
    },
  },
];

export function templateById(id: TemplateId): TemplateDef {
  return TEMPLATES.find((t) => t.id === id) ?? TEMPLATES[0];
}

/**
 * Starts a new ModelInputs from a template. Inputs that describe the sheet (source, rows, actors, extra
 * lines, title) are kept from `base` when given, so switching template does not lose the user's work.
 */
export function applyTemplate(id: TemplateId, base: ModelInputs = defaultInputs()): ModelInputs {
  const t = templateById(id);
  const fresh = defaultInputs(base.language);
  return {
    ...fresh,
    ...t.inputs,
    language: base.language,
    formulaStyle: base.formulaStyle,
    title: base.title,
    source: base.source,
    rows: base.rows,
    actors: base.actors,
    extraLines: base.extraLines,
    startYear: base.startYear,
    // The price year and index describe the budget's figures, not the template's method.
    priceYear: base.priceYear,
    ...(base.priceIndex ? { priceIndex: base.priceIndex } : {}),
    template: t.id,
  };
}
