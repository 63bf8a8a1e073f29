/**
 * Splitting a cost between actors so that the parts sum EXACTLY to the total.
 *
 * Largest-remainder rounding (Hamilton's method): every actor first gets the whole units of its exact quota,
 * and the units still missing go, one each, to the actors with the largest remainders (ties: the actor
 * listed first). The rounding unit is 1 kr by default, 0.01 for öre, 1000 for tkr.
 *
 * Exactness: the shares and the unit are read with decimal.js as the decimals the user typed or the sheet
 * shows (0.1 is 0.1, not the binary 0.1000000000000000055…), scaled to integers, and the quotas and
 * remainders are computed in exact integer arithmetic (BigInt). No float ever decides who gets a unit,
 * so ties are real ties and the sum is exact by construction. Each part is returned as the double nearest
 * to its exact decimal value (e.g. 1234.56), which is what Excel stores for a typed 1234.56.
 */
import Decimal from "decimal.js";
import { RateSpec, Timing } from "./discounting";
import { catalogue, fail, show } from "./errors";
import { actorCostsAndGains } from "./actors";

const raise = catalogue({
  negativeShare: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: andel nr ${p.pos} är negativ (${p.got}). Andelar måste vara 0 eller större.`,
    en: (p) => `${p.arg}: share no. ${p.pos} is negative (${p.got}). Shares must be 0 or more.`,
  },
  sharesNot100: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} summerar till ${p.got} %, inte 100 %. Ange andelar som 35 % (0,35), inte 35.`,
    en: (p) => `${p.arg} sum to ${p.got}%, not 100%. Enter shares as 35% (0.35), not 35.`,
  },
  sharesCount: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.got} andelar men ${p.need} aktörer; en andel per aktör.`,
    en: (p) => `${p.arg} has ${p.got} shares but there are ${p.need} actors; one share per actor.`,
  },
  notWholeUnits: {
    kind: "invalidNumber",
    sv: (p) =>
      `${p.arg}: beloppet ${p.got} är inte ett helt antal avrundningsenheter (${p.unit}), så delarna kan inte summera exakt till det. Välj en mindre enhet (t.ex. 0,01 för öre) eller avrunda beloppet.`,
    en: (p) =>
      `${p.arg}: the amount ${p.got} is not a whole number of rounding units (${p.unit}), so the parts cannot sum exactly to it. Choose a smaller unit (e.g. 0.01 for öre) or round the amount.`,
  },
  amountTooLarge: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: beloppet ${p.got} är för stort för att delas exakt i enheten ${p.unit}.`,
    en: (p) => `${p.arg}: the amount ${p.got} is too large to split exactly in units of ${p.unit}.`,
  },
  badUnit: {
    kind: "invalidNumber",
    sv: (p) => `Avrundningsenheten måste vara ett tal större än 0 med högst 10 decimaler, eller "kr", "öre", "tkr", "mnkr" (fick ${p.got}).`,
    en: (p) => `The rounding unit must be a number greater than 0 with at most 10 decimals, or "kr", "öre", "tkr", "mnkr" (got ${p.got}).`,
  },
  noGains: {
    kind: "divisionByZero",
    sv: () => `Ingen aktör har några vinster (positiva värden) att fördela efter.`,
    en: () => `No actor has any gains (positive values) to split by.`,
  },
});

/** A rounding unit as an exact decimal: mantissa × 10^exponent, e.g. 0.01 = 1 × 10^−2, 1000 = 1000 × 10^0. */
export interface Unit {
  value: number;
  mantissa: bigint;
  /** Number of decimals (0 for units of 1 and above). */
  decimals: number;
}

const NAMED_UNITS: Record<string, number> = { kr: 1, kronor: 1, "öre": 0.01, ore: 0.01, tkr: 1000, mnkr: 1e6, mkr: 1e6, mdkr: 1e9 };

/** Reads the rounding unit: a number > 0 or a unit name; omitted → 1 kr. */
export function toUnit(x: number | string | null | undefined): Unit {
  let value: number;
  if (x === null || x === undefined || x === "") value = 1;
  else if (typeof x === "string") {
    const named = NAMED_UNITS[x.trim().toLowerCase()];
    if (named === undefined) return raise("badUnit", { got: show(x) });
    value = named;
  } else value = x;
  if (!(value > 0) || !Number.isFinite(value)) raise("badUnit", { got: show(value) });
  const d = new Decimal(value);
  const decimals = d.decimalPlaces();
  if (decimals > 10) raise("badUnit", { got: show(value) });
  return { value, mantissa: BigInt(d.times(new Decimal(10).pow(decimals)).toFixed(0)), decimals };
}

/** "1 kr" style text for messages. */
const unitText = (u: Unit): string => String(u.value);

/**
 * The whole number of units in `amount`. Amounts within floating-point noise of a whole unit (e.g.
 * 0.1 + 0.2 kr in öre) count as that whole unit; anything further off cannot be split exactly and is refused.
 */
export function toUnits(amount: number, unit: Unit, arg = "amount"): bigint {
  return BigInt(wholeUnits(amount, unit, arg));
}

function wholeUnits(amount: number, unit: Unit, arg: string): number {
  if (!Number.isFinite(amount)) fail("notFinite", { arg });
  const q = amount / unit.value;
  const n = Math.round(q);
  if (Math.abs(q - n) > 1e-9 * Math.max(1, Math.abs(q))) raise("notWholeUnits", { arg, got: show(amount), unit: unitText(unit) });
  if (!Number.isSafeInteger(n)) raise("amountTooLarge", { arg, got: show(amount), unit: unitText(unit) });
  return n === 0 ? 0 : n; // never −0
}

/** A count of units back as the double nearest to its exact decimal value. */
export function fromUnits(units: bigint | number, unit: Unit): number {
  // A product below 2^53 is exact in doubles; dividing two exact integers is correctly rounded, so
  // 123456 / 100 is the double of 1234.56.
  const asNumber = typeof units === "number" ? units * Number(unit.mantissa) : NaN;
  const scaled = Number.isSafeInteger(asNumber) ? asNumber : Number(BigInt(units) * unit.mantissa);
  return unit.decimals === 0 ? scaled : scaled / 10 ** unit.decimals;
}

/** Non-negative weights as exact integers on a common scale (the decimals they are written with). */
export function exactWeights(weights: readonly number[]): bigint[] {
  const ds = weights.map((w) => new Decimal(w));
  const scale = Math.max(0, ...ds.map((d) => d.decimalPlaces()));
  return ds.map((d) => BigInt(d.toFixed(scale).replace(".", "")));
}

/**
 * Largest-remainder apportionment of `units` (≥ 0) in proportion to integer weights (≥ 0, not all 0).
 * The parts are whole units and sum to `units` exactly.
 */
export function apportion(units: bigint, weights: readonly bigint[]): bigint[] {
  let total = 0n;
  for (const w of weights) total += w;
  if (total <= 0n) return fail("internal", { detail: "apportion: weights sum to 0" });
  const parts = new Array<bigint>(weights.length);
  const rem = new Array<bigint>(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const p = units * weights[i];
    parts[i] = p / total; // floor: both non-negative
    rem[i] = p % total;
    given += parts[i];
  }
  let missing = units - given; // 0 ≤ missing < number of actors with a remainder
  if (missing > 0n) {
    const order = weights.map((_, i) => i);
    order.sort((a, b) => (rem[a] > rem[b] ? -1 : rem[a] < rem[b] ? 1 : a - b));
    for (let k = 0; missing > 0n; k++, missing--) parts[order[k]] += 1n;
  }
  return parts;
}

/** Validates shares (one per actor, each ≥ 0, together 100 %) and returns them as exact integer weights. */
export function checkShares(shares: readonly number[], arg = "shares", actors?: number): bigint[] {
  if (actors !== undefined && shares.length !== actors) raise("sharesCount", { arg, got: shares.length, need: actors });
  shares.forEach((s, i) => {
    if (s < 0) raise("negativeShare", { arg, pos: i + 1, got: show(s) });
  });
  const sum = shares.reduce((acc, s) => acc.plus(new Decimal(s)), new Decimal(0));
  // 1/3 + 1/3 + 1/3 typed as =1/3 sums to 0.9999999999999999: that is 100 %, and the split normalises it.
  if (sum.minus(1).abs().greaterThan(1e-9)) raise("sharesNot100", { arg, got: show(sum.times(100).toNumber()) });
  return exactWeights(shares);
}

/**
 * The same largest-remainder decision in doubles, for speed when one split is repeated over many years.
 * It returns null, and the caller falls back to the exact integer apportion(), whenever a floor or the
 * cut between the last actor that gets a leftover unit and the first that does not lies within the
 * rounding error of the doubles (a quota within 4e-15 relative of a whole unit, or two remainders that
 * close). Outside those cases the doubles decide exactly as the integers would, so the result is the same.
 */
function fastApportion(units: number, approx: readonly number[]): number[] | null {
  const n = approx.length;
  // |computed quota − exact quota| ≤ about 4.5e-16 × units (three roundings); 4e-15 leaves a wide margin.
  const bound = 4e-15 * Math.max(1, units);
  const parts = new Array<number>(n);
  const frac = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const q = units * approx[i];
    const f = Math.floor(q);
    const r = q - f;
    if (approx[i] !== 0 && (r < bound || r > 1 - bound)) return null;
    parts[i] = f;
    frac[i] = r;
    given += f;
  }
  const missing = units - given;
  if (!(missing >= 0 && missing < n)) return null;
  if (missing === 0) return parts;
  // Hand out the missing units one by one to the largest remainders (a selection, cheaper than a sort).
  let lastGiven = Infinity;
  for (let k = 0; k <= missing; k++) {
    let best = -1;
    for (let i = 0; i < n; i++) if (frac[i] >= 0 && (best < 0 || frac[i] > frac[best])) best = i;
    if (k === missing) {
      // the best remainder left without a unit must be clearly below the last one that got a unit
      if (best >= 0 && lastGiven - frac[best] <= 2 * bound) return null;
      break;
    }
    lastGiven = frac[best];
    frac[best] = -1;
    parts[best] += 1;
  }
  return parts;
}

/** Splits each amount (e.g. each year) by the same integer weights: actors × amounts. */
export function splitAmounts(amounts: readonly number[], weights: readonly bigint[], unit: Unit, arg = "amount"): number[][] {
  let total = 0n;
  for (const w of weights) total += w;
  const totalAsNumber = Number(total);
  const approx = weights.map((w) => Number(w) / totalAsNumber);
  const out = weights.map(() => new Array<number>(amounts.length));
  for (let j = 0; j < amounts.length; j++) {
    const units = wholeUnits(amounts[j], unit, amounts.length > 1 ? `${arg} (${j + 1})` : arg);
    const sign = units < 0 ? -1 : 1;
    const size = Math.abs(units);
    const parts: (number | bigint)[] = fastApportion(size, approx) ?? apportion(BigInt(size), weights);
    for (let i = 0; i < weights.length; i++) out[i][j] = sign * fromUnits(parts[i], unit) || 0;
  }
  return out;
}

/** Exposed for the test that checks the fast path against the exact one. */
export const _fastApportion = fastApportion;

/** SPLIT: amounts (one, or one per year) by agreed shares summing to 100 %. Rows = actors, columns = amounts. */
export function splitByShares(amounts: readonly number[], shares: readonly number[], unit: Unit = toUnit(1)): number[][] {
  if (amounts.length === 0) fail("emptyRange", { arg: "amount" });
  if (shares.length === 0) fail("emptyRange", { arg: "shares" });
  return splitAmounts(amounts, checkShares(shares), unit);
}

/**
 * "Those who gain pay": amounts split in proportion to each actor's PV of gains (its positive cells) in an
 * actor flow table, with the same rate and timing as SOCINV.NPV.
 */
export function splitByGains(
  amounts: readonly number[],
  rate: RateSpec,
  flows: readonly (readonly number[])[],
  unit: Unit = toUnit(1),
  timing: Timing = 0,
): number[][] {
  if (amounts.length === 0) fail("emptyRange", { arg: "amount" });
  const gains = actorCostsAndGains(rate, flows, timing).map((p) => p.gains);
  if (!gains.some((g) => g > 0)) raise("noGains");
  return splitAmounts(amounts, exactWeights(gains), unit);
}
