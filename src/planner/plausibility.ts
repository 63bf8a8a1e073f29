/**
 * Plausibility checks: numbers a model can compute correctly that are still very likely wrong. They never
 * stop a build; the pane shows them before building and the model sheet keeps them under its title.
 *
 *   highRatio          benefit–cost ratio above 10
 *   shareAbove100      a gain row counting more than the whole budget row
 *   gainsAboveBudget   an actor's avoided costs (with lines of the user's own) above its budget rows that year
 *   sumWithDetail      a sum row chosen together with its own detail rows, in the same role (counted twice)
 *   blankYear          a budget year the model reads that is blank in every row of the block
 *   gainsBeforeCosts   gains that start before the intervention's first cost year
 *   noCosts            gains without any cost of the intervention
 *   startInActuals     the model starts in a Bokslut (actuals) year
 *   actorMismatch      a row or line whose actor does not match its label (actor-guess.ts actorMismatches)
 *
 * One pure function over the inputs, the budget block and the evaluated model (computeModel/evaluateModel);
 * the line amounts come from the planner's own resolution (resolve.ts), so a check sees what the model counts.
 */
import type { ModelResult } from "../core/model";
import { actorMismatches } from "./actor-guess";
import type { BudgetBlock, BudgetRow } from "./budget";
import { withYearColumns } from "./budget-years";
import { lineRow } from "./compute";
import { ModelInputs, RowChoice, UNIT_FACTOR, actorLabel, defaultStartYear } from "./inputs";
import { ResolvedModel, resolveModel } from "./resolve";

/** One warning in both languages; `rows` are the 0-based sheet rows of the budget rows concerned. */
export interface PlausibilityWarning {
  kind: string;
  sv: string;
  en: string;
  rows?: number[];
}

/** A benefit–cost ratio above this is flagged. */
export const RATIO_LIMIT = 10;

const EPS = 1e-9;

/** The checks, in the order they are shown. `resolved` may be passed when the caller has it (the planner). */
export function plausibilityWarnings(
  inputs: ModelInputs,
  read: BudgetBlock | null,
  result: ModelResult | null,
  resolved?: ResolvedModel | null,
): PlausibilityWarning[] {
  // The block as the model reads it: one column per year, the user's pick where a year has several.
  const block = read ? withYearColumns(read, inputs.source?.yearColumns).block : null;
  const m = resolved === undefined ? tryResolve(inputs, read) : resolved;
  const chosen = inputs.rows.filter((r) => r.role !== "ignore");
  const out: PlausibilityWarning[] = [];
  if (result) out.push(...highRatio(result, inputs.gainBasis === "perSuccess"));
  out.push(...sharesAbove100(chosen, block));
  if (block && m) out.push(...gainsAboveBudget(inputs, block, m));
  if (block) out.push(...sumsWithDetails(chosen, block));
  if (block && chosen.length) out.push(...blankYears(inputs, block));
  if (result) out.push(...timing(result));
  if (block && chosen.length) out.push(...startInActuals(inputs, block));
  // Rows and lines whose actor does not match what their label clearly says (actor-guess.ts).
  out.push(...actorMismatches(inputs, block));
  return out;
}

function tryResolve(inputs: ModelInputs, block: BudgetBlock | null): ResolvedModel | null {
  try {
    return resolveModel(inputs, block);
  } catch {
    return null;
  }
}

// ---- Formatting for the messages (Swedish: space thousands, decimal comma, true minus) ----

function num(x: number, lang: "sv" | "en", digits: number): string {
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** An amount in kr: millions as mnkr with one decimal, smaller amounts in whole kronor. */
function money(x: number, lang: "sv" | "en"): string {
  return Math.abs(x) >= 1e6 ? `${num(x / 1e6, lang, 1)} mnkr` : `${num(x, lang, 0)} kr`;
}

function percent(share: number, lang: "sv" | "en"): string {
  const digits = Number.isInteger(Math.round(share * 1e6) / 1e4) ? 0 : 1;
  return lang === "sv" ? `${num(share * 100, lang, digits)} %` : `${num(share * 100, lang, digits)}%`;
}

/** "A", "B" och "C" / "A", "B" and "C"; more than `max` end with "och 3 till" / "and 3 more". */
function listOf(items: string[], lang: "sv" | "en", max = 4): string {
  const and = lang === "sv" ? "och" : "and";
  if (items.length > max) return `${items.slice(0, max).join(", ")} ${and} ${items.length - max} ${lang === "sv" ? "till" : "more"}`;
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const quoted = (s: string) => `"${s}"`;

// ---- The checks ----

function highRatio(r: ModelResult, perSuccess: boolean): PlausibilityWarning[] {
  const ratio = r.benefitCostRatio;
  if (ratio === null || !Number.isFinite(ratio) || ratio <= RATIO_LIMIT) return [];
  const p = (lang: "sv" | "en") => ({ ratio: num(ratio, lang, 1), gains: money(r.pvGains, lang), costs: money(r.pvCosts, lang) });
  const sv = p("sv");
  const en = p("en");
  return [
    {
      kind: "highRatio",
      sv: `Nyttan per kostnadskrona är ${sv.ratio} (nuvärde av nyttor ${sv.gains} mot kostnader ${sv.costs}). Över 10 är mycket ovanligt för en social investering: kontrollera ${perSuccess ? "antalet deltagare, sannolikheten att lyckas och typindividens kostnader" : "andelarna av budgetraderna, åren efter budgeten och aktörerna"}.`,
      en: `The benefit–cost ratio is ${en.ratio} (present value of gains ${en.gains} against costs ${en.costs}). Above 10 is very unusual for a social investment: check ${perSuccess ? "the number of participants, the probability of success and the typical individual's costs" : "the shares of the budget rows, the years after the budget and the actors"}.`,
    },
  ];
}

function rowLabel(choice: RowChoice, block: BudgetBlock | null): string {
  return block?.rows.find((r) => r.sheetRow === choice.sheetRow)?.label || choice.label || `${choice.sheetRow + 1}`;
}

function sharesAbove100(chosen: RowChoice[], block: BudgetBlock | null): PlausibilityWarning[] {
  return chosen
    .filter((c) => c.role === "gain" && c.share !== null && c.share > 1 + EPS)
    .map((c) => {
      const label = rowLabel(c, block);
      const share = c.share!;
      return {
        kind: "shareAbove100",
        sv: `"${label}": andelen ${percent(share, "sv")} är över 100 %, så den undvikna kostnaden blir större än budgetraden den kommer från.`,
        en: `"${label}": the share ${percent(share, "en")} is above 100%, so the avoided cost is larger than the budget row it comes from.`,
        rows: [c.sheetRow],
      };
    });
}

/**
 * Per actor with lines of the user's own among its gains: the avoided costs in a model year against the
 * actor's budget rows in the block (its data rows, whatever their role, in kr) for the same calendar year,
 * or the budget's last year after it. Budget rows alone cannot exceed their own lines except by a share above
 * 100 % or a sum row counted with its detail rows, which have their own warnings.
 */
function gainsAboveBudget(inputs: ModelInputs, block: BudgetBlock, m: ResolvedModel): PlausibilityWarning[] {
  const unit = inputs.source?.unitOverride ?? inputs.source?.detectedUnit ?? block.unit;
  if (!unit || block.years.length === 0) return [];
  const factor = UNIT_FACTOR[unit];
  const sign = (inputs.source?.sign ?? block.suggestedSign) === "costsNegative" ? -1 : 1;
  const lastYear = Math.max(...block.years.map((y) => y.year));
  const firstYear = Math.min(...block.years.map((y) => y.year));
  const col = (year: number) => block.years.findIndex((y) => y.year === Math.min(year, lastYear));
  const out: PlausibilityWarning[] = [];
  const actors = [...new Set(m.gainLines.filter((l) => l.origin === "extra").map((l) => l.actor.id))];
  for (const id of actors) {
    const own = inputs.rows.filter((c) => c.actor === id);
    const dataRows = own.map((c) => block.rows.find((r) => r.sheetRow === c.sheetRow && r.kind === "data")).filter((r): r is BudgetRow => !!r);
    if (dataRows.length === 0) continue;
    const lines = m.gainLines.filter((l) => l.actor.id === id);
    const amounts = lines.map((l) => lineRow(m, l));
    const extras = lines.map((l, k) => (l.origin === "extra" ? amounts[k] : null)).filter((a): a is number[] => a !== null);
    for (let i = 0; i < m.years.length; i++) {
      const year = m.years[i];
      if (year < firstYear) continue;
      const k = col(year);
      const budget = dataRows.reduce((s, r) => s + sign * (r.cells[k]?.value ?? 0) * factor, 0);
      const avoided = amounts.reduce((s, a) => s + a[i], 0);
      if (budget <= 0 || avoided <= budget * (1 + 1e-9)) continue;
      const extra = extras.reduce((s, a) => s + a[i], 0);
      const actor = m.labels.get(id) ?? id;
      const a = inputs.actors.find((x) => x.id === id);
      const name = (lang: "sv" | "en") => (a ? actorLabel(a, lang) : actor);
      out.push({
        kind: "gainsAboveBudget",
        sv: `De undvikna kostnaderna för ${name("sv")} ${year} (${money(avoided, "sv")}, varav egna rader ${money(extra, "sv")}) är större än aktörens budgetrader i blocket ${year > lastYear ? `${lastYear}, budgetens sista år` : "samma år"} (${money(budget, "sv")}).`,
        en: `The avoided costs for ${name("en")} in ${year} (${money(avoided, "en")}, of which lines of your own ${money(extra, "en")}) are larger than the actor's budget rows in the block ${year > lastYear ? `in ${lastYear}, the budget's last year` : "the same year"} (${money(budget, "en")}).`,
        rows: dataRows.map((r) => r.sheetRow),
      });
      break;
    }
  }
  return out;
}

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  const i = s.indexOf(".");
  return i < 0 ? 6 : Math.min(6, s.length - i - 1);
}

/** Do `parts` add up to `sum` in every year, within the rounding of the decimals shown? */
function addsUp(sum: BudgetRow, parts: BudgetRow[]): boolean {
  if (parts.length === 0) return false;
  let nonZero = false;
  for (let y = 0; y < sum.cells.length; y++) {
    const total = parts.reduce((s, p) => s + (p.cells[y]?.value ?? 0), 0);
    const v = sum.cells[y].value;
    const dec = Math.max(decimalsOf(v), ...parts.map((p) => decimalsOf(p.cells[y]?.value ?? 0)));
    const tol = Math.max(1e-9 * Math.abs(total), 0.5 * Math.pow(10, -dec) * parts.length * 1.0001);
    if (Math.abs(v - total) > tol) return false;
    if (v !== 0) nonZero = true;
  }
  return nonZero;
}

/**
 * The rows a sum row adds up, directly: of the usual places (the data rows just above it, up to the previous
 * sum or heading; the sum rows above it, for a grand total; all data rows above it; the data rows just below
 * it, for a total placed above its rows; the rows of its nämnd) the first whose numbers add up to it, else
 * the rows just above it (or just below, or of its nämnd) as the sheet's layout says.
 */
export function sumParts(block: BudgetBlock, sum: BudgetRow): BudgetRow[] {
  const rows = block.rows;
  const i = rows.indexOf(sum);
  if (i < 0) return [];
  const above: BudgetRow[] = [];
  for (let k = i - 1; k >= 0 && rows[k].kind === "data"; k--) above.unshift(rows[k]);
  const below: BudgetRow[] = [];
  for (let k = i + 1; k < rows.length && rows[k].kind === "data"; k++) below.push(rows[k]);
  const sumsAbove = rows.slice(0, i).filter((r) => r.kind === "sum");
  const dataAbove = rows.slice(0, i).filter((r) => r.kind === "data");
  const group = sum.group ? rows.filter((r) => r !== sum && r.kind === "data" && r.group === sum.group) : [];
  const candidates = [above, sumsAbove, dataAbove, below, group];
  return candidates.find((c) => addsUp(sum, c)) ?? [above, below, group].find((c) => c.length > 0) ?? [];
}

/** Every row under a sum row: its parts, and the parts of the sum rows among them. */
function detailRows(block: BudgetBlock, sum: BudgetRow, seen = new Set<BudgetRow>()): BudgetRow[] {
  seen.add(sum);
  const out: BudgetRow[] = [];
  for (const p of sumParts(block, sum)) {
    if (seen.has(p)) continue;
    out.push(p);
    if (p.kind === "sum") out.push(...detailRows(block, p, seen));
  }
  return out;
}

function sumsWithDetails(chosen: RowChoice[], block: BudgetBlock): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  const bySheetRow = new Map(block.rows.map((r) => [r.sheetRow, r]));
  const role = new Map(chosen.map((c) => [c.sheetRow, c.role]));
  const reported = new Set<number>();
  for (const c of chosen) {
    const sum = bySheetRow.get(c.sheetRow);
    if (!sum || sum.kind !== "sum") continue;
    // A detail row already reported under a larger sum row is named there.
    const details = detailRows(block, sum).filter((d) => role.get(d.sheetRow) === c.role && !reported.has(d.sheetRow));
    if (details.length === 0) continue;
    for (const d of details) reported.add(d.sheetRow);
    const labels = details.map((d) => quoted(d.label || `${d.sheetRow + 1}`));
    const one = details.length === 1;
    const gain = c.role === "gain";
    out.push({
      kind: "sumWithDetail",
      sv: one
        ? `Summaraden "${sum.label}" och dess delrad ${labels[0]} är båda valda som ${gain ? "nytta" : "kostnad"}: delraden räknas två gånger.`
        : `Summaraden "${sum.label}" och dess delrader ${listOf(labels, "sv")} är alla valda som ${gain ? "nytta" : "kostnad"}: delraderna räknas två gånger.`,
      en: one
        ? `The sum row "${sum.label}" and its detail row ${labels[0]} are both chosen as ${gain ? "gains" : "costs"}: the detail row is counted twice.`
        : `The sum row "${sum.label}" and its detail rows ${listOf(labels, "en")} are all chosen as ${gain ? "gains" : "costs"}: the detail rows are counted twice.`,
      rows: [sum.sheetRow, ...details.map((d) => d.sheetRow)],
    });
  }
  return out;
}

/** The model's first year as the planner takes it: the start year, else the block's first year. */
function modelStart(inputs: ModelInputs, block: BudgetBlock): number {
  return inputs.startYear ?? Math.min(...block.years.map((y) => y.year));
}

function blankYears(inputs: ModelInputs, block: BudgetBlock): PlausibilityWarning[] {
  const start = modelStart(inputs, block);
  const end = start + inputs.horizon - 1;
  const amounts = block.rows.filter((r) => r.kind === "data" || r.kind === "sum");
  if (amounts.length === 0) return [];
  return block.years
    .map((y, k) => ({ y, k }))
    .filter(({ y, k }) => y.year >= start && y.year <= end && amounts.every((r) => r.cells[k]?.source === "blank"))
    .map(({ y }) => ({
      kind: "blankYear",
      sv: `Budgetåret ${y.year} (kolumn ${y.letter}, "${y.header}") är helt tomt: modellen räknar 0 kr det året för varje budgetrad.`,
      en: `The budget year ${y.year} (column ${y.letter}, "${y.header}") is entirely blank: the model counts 0 kr that year for every budget row.`,
    }));
}

function timing(r: ModelResult): PlausibilityWarning[] {
  const first = (xs: readonly number[]) => xs.findIndex((x) => x > EPS);
  const g = first(r.gainsGross);
  if (g < 0) return [];
  const c = first(r.costsGross);
  if (c < 0) {
    return [
      {
        kind: "noCosts",
        sv: "Modellen har nyttor men ingen kostnad för insatsen: välj insatsens kostnadsrad i budgeten eller lägg till en egen kostnadsrad.",
        en: "The model has gains but no cost of the intervention: choose the intervention's cost row in the budget or add a cost line of your own.",
      },
    ];
  }
  if (g >= c) return [];
  const gy = r.years[g];
  const cy = r.years[c];
  return [
    {
      kind: "gainsBeforeCosts",
      sv: `Nyttorna börjar ${gy}, före insatsens första kostnadsår ${cy}: en undviken kostnad kan inte komma före insatsen. Kontrollera startåret, effektfördröjningen och vilka rader som är kostnader.`,
      en: `The gains start in ${gy}, before the intervention's first cost year ${cy}: an avoided cost cannot come before the intervention. Check the start year, the effect lag and which rows are costs.`,
    },
  ];
}

function startInActuals(inputs: ModelInputs, block: BudgetBlock): PlausibilityWarning[] {
  const start = modelStart(inputs, block);
  const col = block.years.find((y) => y.year === start);
  if (!col || col.kind !== "bokslut") return [];
  const d = defaultStartYear(block.years);
  const better = d && d.reason === "afterActuals" ? d.year : null;
  return [
    {
      kind: "startInActuals",
      sv: `Modellen börjar ${start}, ett bokslutsår (utfall, "${col.header}"): besparingar räknas då innan insatsen har börjat.${better ? ` Första budget- eller planåret efter bokslutet är ${better}.` : ""}`,
      en: `The model starts in ${start}, a Bokslut (actuals) year ("${col.header}"): savings are then counted before the intervention has begun.${better ? ` The first Budget or Plan year after the actuals is ${better}.` : ""}`,
    },
  ];
}
