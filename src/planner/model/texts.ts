/**
 * Every text the model sheet shows (headers, labels, explanations, chart titles), in Swedish and English,
 * keyed by id and grouped by the part of the sheet that shows it. A text with parameters is a pair of
 * functions; the Swedish one formats numbers the Swedish way (decimal comma, space as thousands separator).
 *
 * Sections get the texts in the model's language through `translator(lang)`: `t("results")`,
 * `t("unitFactor", { unit: "tkr" })`.
 */
import { enNumber, svNumber } from "../../core/exact";
import type { Lang } from "../inputs";

interface Fixed {
  sv: string;
  en: string;
}
interface WithParams<P> {
  sv: (p: P) => string;
  en: (p: P) => string;
}
/** A text with parameters: `P` is taken from the Swedish function and checked against the English one. */
function withParams<P>(sv: (p: P) => string, en: (p: P) => string): WithParams<P> {
  return { sv, en };
}

export const TEXTS = {
  // ---- Title and source line (heading.ts) ----
  socialInvestment: { sv: "Social investering", en: "Social investment" },
  model: { sv: "Modell", en: "Model" },
  source: withParams(
    (p: { ref: string; unit: string }) => `Källa: ${p.ref} (${p.unit}). `,
    (p) => `Source: ${p.ref} (${p.unit}). `,
  ),
  prices: withParams(
    (p: { year: number }) => `${p.year} års priser`,
    (p) => `${p.year} prices`,
  ),
  pricesConverted: withParams(
    (p: { year: number; index: string }) => `${p.year} års priser (omräknat med ${p.index})`,
    (p) => `${p.year} prices (converted with ${p.index})`,
  ),
  styleAddin: { sv: "Formelstil: tillägg (SOCINV-funktioner)", en: "Formula style: add-in (SOCINV functions)" },
  stylePortable: { sv: "Formelstil: portabel (endast inbyggda funktioner)", en: "Formula style: portable (built-in functions only)" },
  sourceLine: withParams(
    (p: { source: string; prices: string; style: string; key: string }) => `${p.source}Alla belopp i kronor, ${p.prices}. ${p.style}. Modell ${p.key}.`,
    (p) => `${p.source}All amounts in kronor, ${p.prices}. ${p.style}. Model ${p.key}.`,
  ),

  // ---- Plausibility warnings under the title (warnings.ts; the warnings' own texts are in ../plausibility.ts) ----
  warningsHeading: withParams(
    (p: { count: number }) => `${p.count} ${p.count === 1 ? "rimlighetsvarning" : "rimlighetsvarningar"}`,
    (p) => `${p.count} plausibility ${p.count === 1 ? "warning" : "warnings"}`,
  ),
  warningsWhy: {
    sv: "Modellen byggdes ändå; kontrollera detta innan den används.",
    en: "The model was built all the same; check this before it is used.",
  },

  // ---- Shared column headers ----
  value: { sv: "Värde", en: "Value" },
  explanation: { sv: "Förklaring", en: "Explanation" },
  total: { sv: "Totalt", en: "Total" },

  // ---- Assumptions (assumptions.ts) ----
  assumptions: { sv: "Antaganden", en: "Assumptions" },
  unitFactor: withParams(
    (p: { unit: string }) => `Enhetsfaktor (${p.unit} → kr)`,
    (p) => `Unit factor (${p.unit} → kr)`,
  ),
  unitFactorWhy: withParams(
    (p: { unit: string; factor: number }) => `Budgeten anger belopp i ${p.unit}; 1 ${p.unit} = ${svNumber(p.factor)} kr.`,
    (p) => `The budget gives amounts in ${p.unit}; 1 ${p.unit} = ${enNumber(p.factor)} kr.`,
  ),
  sign: { sv: "Tecken i budgeten", en: "Sign in the budget" },
  costsNegative: { sv: "Kostnader negativa", en: "Costs negative" },
  costsPositive: { sv: "Kostnader positiva", en: "Costs positive" },
  signFlipped: { sv: "Budgetens belopp vänds (×−1) när de läses.", en: "The budget's amounts are flipped (×−1) when read." },
  signAsIs: { sv: "Budgetens belopp läses som de står.", en: "The budget's amounts are read as they stand." },
  rateReal: { sv: "Diskonteringsränta (real)", en: "Discount rate (real)" },
  rateRealWhy: {
    sv: "Real ränta per år; 3,5 % är svensk praxis (ASEK), 3 % och 4 % vanliga känslighetsfall.",
    en: "Real rate per year; 3.5 % is Swedish practice (ASEK), 3 % and 4 % common sensitivity cases.",
  },
  rate: { sv: "Diskonteringsränta", en: "Discount rate" },
  ratePerYear: { sv: "Per år", en: "Per year" },
  ratePerYearWhy: {
    sv: "Se raden Ränta per år i tidslinjen; faktorerna är den ackumulerade produkten av (1 + r).",
    en: "See the row Rate per year in the timeline; the factors are the cumulative product of (1 + r).",
  },
  rateDecliningHealth: { sv: "Avtagande (hälsa)", en: "Declining (health)" },
  rateDecliningStandard: { sv: "Avtagande (standard)", en: "Declining (standard)" },
  rateDecliningWhy: {
    sv: "Green Book: 3,5 % år 1–30, 3 % till 75, 2,5 % till 125 … (hälsa: × 1,5/3,5); faktorerna är den ackumulerade produkten.",
    en: "Green Book: 3.5 % years 1–30, 3 % to 75, 2.5 % to 125 … (health: × 1.5/3.5); the factors are the cumulative product.",
  },
  timing: { sv: "Tidpunkt inom året", en: "Timing within the year" },
  timingWhy: {
    sv: "0 = årets slut (som NETNUVÄRDE), 1 = årets början (år 1 odiskonterat), 0,5 = mitten.",
    en: "0 = end of year (like NPV), 1 = start of year (year 1 undiscounted), 0.5 = mid-year.",
  },
  startYear: { sv: "Startår", en: "Start year" },
  horizon: { sv: "Horisont (år)", en: "Horizon (years)" },
  changedByRebuildingModel: { sv: "Ändras genom att bygga om modellen.", en: "Changed by rebuilding the model." },
  priceYear: { sv: "Prisår", en: "Price year" },
  priceYearWhy: { sv: "Beloppen är i detta års priser (räknas inte om).", en: "Amounts are in this year's prices (not converted)." },
  priceYearConvertedWhy: withParams(
    (p: { year: number; index: string }) =>
      `Budgetens belopp räknas om till ${p.year} års priser med ${p.index}: belopp × index ${p.year} ÷ index för beloppets år. Egna rader anges i ${p.year} års priser.`,
    (p) =>
      `Budget amounts are converted to ${p.year} prices with ${p.index}: amount × index ${p.year} ÷ index of the amount's year. Typed lines are in ${p.year} prices.`,
  ),
  indexBaseWhy: { sv: "Prisåret: basen för omräkningen.", en: "The price year: the base of the conversion." },
  indexYearWhy: withParams(
    (p: { year: number; priceYear: number }) => `Belopp från ${p.year} × index ${p.priceYear} ÷ index ${p.year}.`,
    (p) => `Amounts from ${p.year} × index ${p.priceYear} ÷ index ${p.year}.`,
  ),
  indexAlsoFor: withParams(
    (p: { years: string }) => ` Används även för ${p.years} (efter indexets sista år).`,
    (p) => ` Also used for ${p.years} (after the index's last year).`,
  ),
  indexComment: withParams(
    (p: { index: string; year: number }) => `Prisindex ${p.index}, ${p.year}`,
    (p) => `Price index ${p.index}, ${p.year}`,
  ),
  participants: { sv: "Antal deltagare", en: "Participants" },
  participantsWhy: { sv: "Personer som insatsen når.", en: "People the intervention reaches." },
  successProb: { sv: "Sannolikhet att lyckas", en: "Probability of success" },
  successProbWhy: { sv: "Andel av deltagarna som väntas lyckas.", en: "Share of participants expected to succeed." },
  successes: { sv: "Förväntat antal lyckade", en: "Expected successes" },
  successesWhy: { sv: "Deltagare × sannolikhet.", en: "Participants × probability." },
  gainBasis: { sv: "Nyttornas grund", en: "Basis of gains" },
  gainBasisPerSuccess: { sv: "Per lyckad deltagare", en: "Per successful participant" },
  gainBasisTotal: { sv: "Totalt för gruppen", en: "Total for the group" },
  gainBasisPerSuccessWhy: {
    sv: "Nyttoraderna gäller en person och multipliceras med förväntat antal lyckade.",
    en: "Gain lines are per person and multiplied by expected successes.",
  },
  gainBasisTotalWhy: { sv: "Nyttoraderna är gruppens undvikna kostnader.", en: "Gain lines are the group's avoided costs." },
  effectLag: { sv: "Effektfördröjning (år)", en: "Effect lag (years)" },
  effectLagWhy: {
    sv: "Nyttorna flyttas så många år framåt. Ändras genom att bygga om.",
    en: "Gains are moved this many years later. Changed by rebuilding.",
  },
  deadweight: { sv: "Dödvikt", en: "Deadweight" },
  deadweightWhy: { sv: "Det som hade hänt ändå.", en: "What would have happened anyway." },
  attribution: { sv: "Attribution", en: "Attribution" },
  attributionWhy: { sv: "Andel av effekten som beror på andra.", en: "Share of the effect due to others." },
  displacement: { sv: "Undanträngning", en: "Displacement" },
  displacementWhy: { sv: "Värde som flyttas snarare än skapas.", en: "Value moved rather than created." },
  dropOff: { sv: "Avtagande per år", en: "Drop-off per year" },
  dropOffWhy: {
    sv: "Effekten minskar med denna andel varje år efter det första effektåret.",
    en: "The effect falls by this share each year after its first year.",
  },
  optimismCosts: { sv: "Optimismjustering, kostnader", en: "Optimism bias, costs" },
  optimismCostsWhy: { sv: "Kostnaderna höjs med denna andel.", en: "Costs are raised by this share." },
  optimismGains: { sv: "Optimismjustering, nyttor", en: "Optimism bias, gains" },
  optimismGainsWhy: { sv: "Nyttorna sänks med denna andel.", en: "Gains are lowered by this share." },
  gainFactor: { sv: "Nyttofaktor (netto/brutto)", en: "Gain factor (net/gross)" },
  gainFactorWhy: {
    sv: "(1 − dödvikt)(1 − attribution)(1 − undanträngning)(1 − optimism); avtagandet per år kommer till.",
    en: "(1 − deadweight)(1 − attribution)(1 − displacement)(1 − optimism); the yearly drop-off comes on top.",
  },
  costFactor: { sv: "Kostnadsfaktor (netto/brutto)", en: "Cost factor (net/gross)" },
  costFactorWhy: { sv: "1 + optimismjustering av kostnader.", en: "1 + optimism bias on costs." },
  mandate: { sv: "Mandatperiod (år)", en: "Mandate period (years)" },
  mandateWhy: {
    sv: "Resultatet inom mandatperioden räknas för så många år från start.",
    en: "The result within the mandate counts this many years from the start.",
  },
  fundModel: { sv: "Fondmodell", en: "Fund model" },
  fundRuleSavings: { sv: "Återföring ur besparingar (Norrköping)", en: "Repayment from savings (Norrköping)" },
  fundRuleCommitted: { sv: "Åtagande om återbetalning (Malmö)", en: "Committed repayment (Malmö)" },
  fundRuleDual: { sv: "Dubbelmodell: fond + ramanslag (Ale)", en: "Dual model: fund + frame appropriation (Ale)" },
  changedByRebuilding: { sv: "Ändras genom att bygga om.", en: "Changed by rebuilding." },
  fundShare: { sv: "Fondens andel av insatsen", en: "Fund's share of the intervention" },
  fundShareDualWhy: {
    sv: "Resten är ett tidsbegränsat ramanslag som inte återbetalas.",
    en: "The rest is a time-limited frame appropriation that is not repaid.",
  },
  fundShareWhy: { sv: "Fonden betalar denna andel av insatsens bruttokostnader.", en: "The fund pays this share of the intervention's gross costs." },
  repayShare: { sv: "Återföringsandel av besparingarna", en: "Repayment share of savings" },
  repayShareWhy: {
    sv: "Andel av de återbetalande aktörernas realiserade (netto)besparingar som förs tillbaka.",
    en: "Share of the repaying actors' realised (net) savings paid back.",
  },
  cap: { sv: "Tak per år (kr)", en: "Cap per year (kr)" },
  capWhy: { sv: "Tomt = inget tak.", en: "Empty = no cap." },
  lastYear: { sv: "Sista återföringsår", en: "Last repayment year" },
  lastYearWhy: {
    sv: "Tomt = horisontens slut. Det som inte återbetalats redovisas.",
    en: "Empty = end of horizon. What is not repaid is reported.",
  },
  repayingActors: { sv: "Återbetalande aktörer", en: "Repaying actors" },
  repayingActorsWhy: { sv: "Deras nettobesparingar återför utbetalningen.", en: "Their net savings repay the payout." },
  delay: { sv: "Fördröjning (år)", en: "Delay (years)" },
  delayWhy: {
    sv: "År efter en utbetalning innan den kan återbetalas. Ändras genom att bygga om.",
    en: "Years after a payout before it can be repaid. Changed by rebuilding.",
  },

  // ---- Results (results.ts) ----
  results: { sv: "Resultat", en: "Results" },
  notWithinHorizon: { sv: "Inte inom horisonten", en: "Not within the horizon" },
  // The input check (inputCheck.ts): the first result row and the block at the end of the year area.
  inputCheck: { sv: "Lästa celler som inte är tal", en: "Cells read that are not numbers" },
  inputCheckOk: {
    sv: "Alla celler som modellen läser (i budgeten och indatacellerna i detta blad) är tal eller tomma.",
    en: "Every cell the model reads (in the budget and the input cells on this sheet) is a number or blank.",
  },
  inputCheckOne: withParams(
    (p: { cell: string }) =>
      `Cellen ${p.cell} är inte ett tal. Skriv ett tal där (en tom cell räknas som 0); resultat som beror på den går inte att lita på förrän dess.`,
    (p) => `Cell ${p.cell} is not a number. Enter a number there (a blank cell counts as 0); results that depend on it cannot be trusted until then.`,
  ),
  inputCheckMany: withParams(
    (p: { count: string; cells: string }) =>
      `${p.count} celler som modellen läser är inte tal: ${p.cells}. Skriv tal där (en tom cell räknas som 0); resultat som beror på dem går inte att lita på förrän dess.`,
    (p) =>
      `${p.count} cells the model reads are not numbers: ${p.cells}. Enter numbers there (a blank cell counts as 0); results that depend on them cannot be trusted until then.`,
  ),
  inputCheckBlock: { sv: "Kontroll av indata", en: "Input check" },
  inputCheckRow: withParams(
    (p: { from: number; to: number }) => `Lästa celler ${p.from}–${p.to}`,
    (p) => `Cells read ${p.from}–${p.to}`,
  ),
  inputCheckTexts: { sv: "Meddelandets texter", en: "The message's texts" },
  inputCheckCount: { sv: "Inte tal", en: "Not numbers" },
  inputCheckListed: { sv: "Varav listade", en: "Of which listed" },
  inputCheckList: { sv: "Listade celler", en: "Cells listed" },
  npv: { sv: "Nettonuvärde (netto)", en: "Net present value (net)" },
  npvWhy: { sv: "Nuvärdet av nyttor minus kostnader efter justeringar.", en: "Present value of gains minus costs after adjustments." },
  pvCosts: { sv: "Nuvärde kostnader", en: "Present value of costs" },
  pvCostsWhy: { sv: "Insatsens kostnader (netto).", en: "The intervention's costs (net)." },
  pvGains: { sv: "Nuvärde nyttor", en: "Present value of gains" },
  pvGainsWhy: { sv: "Undvikna kostnader (netto).", en: "Avoided costs (net)." },
  bcr: { sv: "Nytta per kostnadskrona", en: "Benefit–cost ratio" },
  bcrWhy: { sv: "Nuvärde nyttor ÷ nuvärde kostnader.", en: "PV of gains ÷ PV of costs." },
  paybackYear: { sv: "Återbetald från år (ej diskonterat)", en: "Paid back from year (undiscounted)" },
  paybackYearWhy: { sv: "Första året från vilket det ackumulerade nettot förblir ≥ 0.", en: "First year from which the cumulative net stays ≥ 0." },
  discPaybackYear: { sv: "Återbetald från år (diskonterat)", en: "Paid back from year (discounted)" },
  asAboveDiscounted: { sv: "Som ovan, med diskonterade belopp.", en: "As above, with discounted amounts." },
  payback: { sv: "Återbetalningstid, ej diskonterad (år)", en: "Payback, undiscounted (years)" },
  paybackWhy: {
    sv: "År från i dag tills det ackumulerade nettot varaktigt är ≥ 0 (interpolerat inom året).",
    en: "Years from today until the cumulative net is ≥ 0 for good (interpolated within the year).",
  },
  discPayback: { sv: "Återbetalningstid, diskonterad (år)", en: "Payback, discounted (years)" },
  pvPerSuccess: { sv: "Nuvärde av nyttan per lyckad deltagare", en: "PV of gains per success" },
  pvPerSuccessWhy: { sv: "Nyttor (netto) ÷ förväntat antal lyckade, diskonterat.", en: "Gains (net) ÷ expected successes, discounted." },
  breakEven: { sv: "Brytpunkt: antal som måste lyckas", en: "Break-even: successes needed" },
  breakEvenWhy: {
    sv: "Nuvärde kostnader ÷ nuvärde av nyttan per lyckad deltagare (avrunda uppåt till hela personer).",
    en: "PV of costs ÷ PV of gains per success (round up to whole people).",
  },
  breakEvenShare: { sv: "Brytpunkt: andel av deltagarna", en: "Break-even: share of participants" },
  breakEvenShareWhy: {
    sv: "Över 100 % betyder att insatsen inte lönar sig ens om alla lyckas.",
    en: "Above 100 % means it does not pay off even if everyone succeeds.",
  },
  withinMandate: { sv: "Netto inom mandatperioden (nuvärde)", en: "Net within the mandate (PV)" },
  withinMandateWhy: { sv: "Nuvärdet av nettot för mandatperiodens år.", en: "PV of the net for the mandate's years." },
  kommunWithinMandate: { sv: "Kommunens netto inom mandatperioden", en: "Kommun's net within the mandate" },
  kommunWithinMandateWhy: { sv: "Summan för nämnderna.", en: "The sum over the committees." },
  npvGross: { sv: "Nettonuvärde före justeringar (brutto)", en: "NPV before adjustments (gross)" },
  npvGrossWhy: {
    sv: "Utan dödvikt, attribution, undanträngning, avtagande och optimismjustering.",
    en: "Without deadweight, attribution, displacement, drop-off and optimism bias.",
  },
  fundPayout: { sv: "Fonden: utbetalt totalt", en: "Fund: paid out in total" },
  fundPayoutWhy: { sv: "Fondens andel av insatsens bruttokostnader.", en: "The fund's share of the intervention's gross costs." },
  fundRepaid: { sv: "Fonden: återbetalt totalt", en: "Fund: repaid in total" },
  fundRepaidCommittedWhy: { sv: "Enligt åtagandena.", en: "As committed." },
  fundRepaidWhy: { sv: "Ur realiserade besparingar, högst det utbetalda.", en: "From realised savings, at most what was paid out." },
  fundUnpaid: { sv: "Fonden: ej återbetalt vid horisontens slut", en: "Fund: unpaid at the end of the horizon" },
  fundUnpaidWhy: { sv: "Redovisas, döljs inte.", en: "Reported, not hidden." },
  frame: { sv: "Ramanslag (återbetalas inte)", en: "Frame appropriation (not repaid)" },
  frameWhy: { sv: "Den del av insatsen som inte går via fonden.", en: "The part of the intervention outside the fund." },
  fundPv: { sv: "Fondens nettoresultat (nuvärde)", en: "Fund's net result (PV)" },
  fundPvWhy: { sv: "Nuvärde av återbetalningar minus utbetalningar.", en: "PV of repayments minus payouts." },

  // ---- Who pays, who gains (actorTable.ts) ----
  whoPaysWhoGains: { sv: "Vem betalar, vem vinner", en: "Who pays, who gains" },
  pvCostsShort: { sv: "Nuvärde kostnader", en: "PV costs" },
  pvGainsShort: { sv: "Nuvärde nyttor", en: "PV gains" },
  netPv: { sv: "Netto (nuvärde)", en: "Net (PV)" },
  shareOfGains: { sv: "Andel av nyttorna", en: "Share of gains" },
  gainsPerOwnCost: { sv: "Nytta per egen kostnadskrona", en: "Gains per own cost" },
  netWithinMandate: { sv: "Netto inom mandatperioden", en: "Net within the mandate" },
  kommunCommittees: { sv: "Kommunen (nämnderna)", en: "Kommun (committees)" },

  // ---- Gross and net (grossNet.ts) ----
  grossAndNet: { sv: "Brutto och netto", en: "Gross and net" },
  gross: { sv: "Brutto", en: "Gross" },
  net: { sv: "Netto", en: "Net" },
  difference: { sv: "Skillnad", en: "Difference" },
  npvShort: { sv: "Nettonuvärde", en: "NPV" },

  // ---- Typical individual (typicalIndividual.ts) ----
  typicalIndividual: { sv: "Typindivid", en: "Typical individual" },
  perPersonGross: { sv: "Per person, brutto", en: "Per person, gross" },
  perPersonNet: { sv: "Per person, netto", en: "Per person, net" },
  allSuccessesNet: { sv: "Alla förväntade lyckade, netto", en: "All expected successes, net" },
  careerNote: withParams(
    (p: { startAge: number; endAge: number }) =>
      `Nuvärdet av en undviken utanförskapskarriär per aktör, från ${p.startAge} års ålder till ${p.endAge}, diskonterat till startåret.`,
    (p) => `Present value of one avoided exclusion career by actor, from age ${p.startAge} to ${p.endAge}, discounted to the start year.`,
  ),

  // ---- Timeline (timeline.ts) ----
  timeline: { sv: "Tidslinje", en: "Timeline" },
  year: { sv: "År", en: "Year" },
  yearsComment: { sv: "Modellens år", en: "The model's years" },
  periodNumber: { sv: "Periodnummer", en: "Period number" },
  timeInDiscounting: { sv: "Tid i diskonteringen (år från i dag)", en: "Time in discounting (years from today)" },
  age: { sv: "Ålder", en: "Age" },
  effectYear: { sv: "Effektår (0 = före effekten)", en: "Effect year (0 = before the effect)" },
  effectFactor: { sv: "Effektfaktor (avtagande)", en: "Effect factor (drop-off)" },
  rateRow: { sv: "Ränta per år", en: "Rate per year" },
  growth: { sv: "Ackumulerad (1 + r)", en: "Accumulated (1 + r)" },
  discountFactor: { sv: "Diskonteringsfaktor", en: "Discount factor" },
  discountFactorsComment: { sv: "Diskonteringsfaktorer", en: "Discount factors" },

  // ---- Cost and gain lines (lines.ts) ----
  costLines: { sv: "Kostnader (insats), brutto, kr", en: "Costs (intervention), gross, kr" },
  gainLinesPerSuccess: { sv: "Nyttor per lyckad deltagare, brutto, kr", en: "Gains per successful participant, gross, kr" },
  gainLines: { sv: "Nyttor (undvikna kostnader), brutto, kr", en: "Gains (avoided costs), gross, kr" },
  gainsMoved: withParams(
    (p: { lag: number }) => `Nyttorna är flyttade ${p.lag} år framåt (effektfördröjning).`,
    (p) => `Gains are moved ${p.lag} years later (effect lag).`,
  ),
  line: { sv: "Rad", en: "Line" },
  sourceColumn: { sv: "Källa", en: "Source" },
  shareColumn: { sv: "Andel", en: "Share" },
  afterBudgetColumn: { sv: "Efter budgetåren", en: "After the budget years" },
  noLines: { sv: "Inga rader", en: "No lines" },
  typed: { sv: "Inmatad", en: "Typed" },
  afterRepeatLast: { sv: "Sista året upprepas", en: "Last year repeated" },
  afterZero: { sv: "Noll", en: "Zero" },

  // ---- By actor (byActor.ts) ----
  actor: { sv: "Aktör", en: "Actor" },
  costsByActorGross: { sv: "Kostnader per aktör, brutto", en: "Costs by actor, gross" },
  costsByActorNet: { sv: "Kostnader per aktör, netto", en: "Costs by actor, net" },
  gainsByActorGrossPerSuccess: { sv: "Nyttor per aktör, brutto (× förväntat antal lyckade)", en: "Gains by actor, gross (× expected successes)" },
  gainsByActorGross: { sv: "Nyttor per aktör, brutto", en: "Gains by actor, gross" },
  gainsByActorNet: { sv: "Nyttor per aktör, netto", en: "Gains by actor, net" },
  netByActor: { sv: "Netto per aktör (nyttor − kostnader)", en: "Net by actor (gains − costs)" },
  discountedNetByActor: { sv: "Diskonterat netto per aktör", en: "Discounted net by actor" },
  cumulativeByActor: { sv: "Ackumulerat nuvärde, netto per aktör", en: "Cumulative net present value by actor" },

  // ---- Totals (totals.ts) ----
  costsGross: { sv: "Kostnader, brutto", en: "Costs, gross" },
  costsNet: { sv: "Kostnader, netto", en: "Costs, net" },
  gainsGross: { sv: "Nyttor, brutto", en: "Gains, gross" },
  gainsNet: { sv: "Nyttor, netto", en: "Gains, net" },
  netComment: { sv: "Netto per år", en: "Net per year" },
  gainsPerSuccessNet: { sv: "Nyttor per lyckad deltagare, netto", en: "Gains per success, net" },
  discountedNet: { sv: "Diskonterat netto", en: "Discounted net" },
  cumulativeNet: { sv: "Ackumulerat netto", en: "Cumulative net" },
  cumulativeDiscountedNet: { sv: "Ackumulerat diskonterat netto", en: "Cumulative discounted net" },
  staysPositive: { sv: "Förblir ≥ 0 härifrån (ej diskonterat)", en: "Stays ≥ 0 from here (undiscounted)" },
  staysPositiveDiscounted: { sv: "Förblir ≥ 0 härifrån (diskonterat)", en: "Stays ≥ 0 from here (discounted)" },

  // ---- Fund schedule (fund.ts) ----
  fund: { sv: "Fond", en: "Fund" },
  payout: { sv: "Utbetalning från fonden", en: "Payout from the fund" },
  cumulativePayout: { sv: "Ackumulerad utbetalning", en: "Cumulative payout" },
  commitmentShare: withParams(
    (p: { actor: string }) => `Åtagande, andel: ${p.actor}`,
    (p) => `Commitment, share: ${p.actor}`,
  ),
  commitmentAmount: withParams(
    (p: { actor: string }) => `Åtagande, kr: ${p.actor}`,
    (p) => `Commitment, kr: ${p.actor}`,
  ),
  commitmentGap: withParams(
    (p: { actor: string }) => `Gap åtagande − besparing: ${p.actor}`,
    (p) => `Gap commitment − savings: ${p.actor}`,
  ),
  repayment: { sv: "Återbetalning till fonden", en: "Repayment to the fund" },
  realisedSavings: { sv: "Realiserade besparingar (återbetalande aktörer)", en: "Realised savings (repaying actors)" },
  repayable: withParams(
    (p: { delay: number }) => `Kan återbetalas (utbetalt t.o.m. ${p.delay} år före, minus återbetalt)`,
    (p) => `Repayable (paid out up to ${p.delay} years before, less repaid)`,
  ),
  cumulativeRepayment: { sv: "Ackumulerad återbetalning", en: "Cumulative repayment" },
  fundBalance: { sv: "Fondens saldo (återbetalt − utbetalt)", en: "Fund balance (repaid − paid out)" },
  discountedFundNet: { sv: "Diskonterat fondnetto", en: "Discounted fund net" },

  // ---- Charts (charts.ts) ----
  costsAndGainsChart: { sv: "Kostnader och nyttor per aktör (nuvärde)", en: "Costs and gains by actor (present value)" },
  fundChart: { sv: "Fonden: utbetalt, återbetalt och saldo (ackumulerat)", en: "The fund: paid out, repaid and balance (cumulative)" },
  chartAxisPv: withParams(
    (p: { unit: string }) => `Nuvärde, ${p.unit}`,
    (p) => `Present value, ${p.unit}`,
  ),
  chartAxisAmount: withParams(
    (p: { unit: string }) => `Belopp, ${p.unit}`,
    (p) => `Amount, ${p.unit}`,
  ),
} satisfies Record<string, Fixed | WithParams<never>>;

type Texts = typeof TEXTS;
/** Ids of the texts without parameters. */
export type FixedId = { [K in keyof Texts]: Texts[K] extends Fixed ? K : never }[keyof Texts];
/** Ids of the texts with parameters. */
export type ParamId = Exclude<keyof Texts, FixedId>;
type ParamsOf<K extends ParamId> = Texts[K] extends WithParams<infer P> ? P : never;

/** A text of the sheet in one language. */
export interface Translate {
  (id: FixedId): string;
  <K extends ParamId>(id: K, params: ParamsOf<K>): string;
}

/** The sheet's texts in `lang`. */
export function translator(lang: Lang): Translate {
  return ((id: keyof Texts, params?: unknown) => {
    const text = TEXTS[id][lang] as string | ((p: unknown) => string);
    return typeof text === "function" ? text(params) : text;
  }) as Translate;
}
