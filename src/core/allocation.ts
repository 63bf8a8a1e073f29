/**
 * Splitting a cost between actors so that the parts sum EXACTLY to the total.
 *
 * Largest-remainder rounding (Hamilton's method): every actor first gets the whole units of its exact quota,
 * and the units still missing go, one each, to the actors with the largest remainders (ties: the actor
 * listed first). The rounding unit is 1 kr by default, 0.01 for öre, 1000 for tkr.
 *
 * Exactness: the shares and the unit are read as the decimals the user typed or the sheet shows (0.1 is
 * 0.1, not the binary 0.1000000000000000055…), scaled to integers, and the quotas and remainders are
 * computed in exact integer arithmetic (BigInt). No float ever decides who gets a unit, so ties are real
 * ties and the sum is exact by construction. Each part is returned as the double nearest to its exact
 * decimal value (e.g. 1234.56), which is what Excel stores for a typed 1234.56.
 *
 * Amounts: an amount is split only if it is a whole number of units with at most 15 significant digits (see
 * wholeUnits), so that the parts sum exactly to it; otherwise a clear error, never a silently rounded amount.
 *
 * Cost: one pass for the floors, then the missing units (fewer than the number of actors) go to the
 * largest remainders, found by one sort of the remainders as doubles; only remainders within rounding
 * error of the cut are compared exactly. So a split of n actors costs O(n log n), not O(n × missing).
 */
import { RateSpec, Timing } from "./discounting";
import { catalogue, fail, show } from "./errors";
import { actorCostsAndGains } from "./actors";
import { at, outOfRange } from "./invariant";
import { checkResultSize } from "./values";
import { decimalOf, divHalfUp, enNumber, fromScaled, pow10, ratioTo, svNumber } from "./exact";

const sv = (x: unknown): string => svNumber(Number(x));
const en = (x: unknown): string => enNumber(Number(x));

const raise = catalogue({
  negativeShare: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg}: andel nr ${p.pos} är negativ (${sv(p.got)}). Andelar måste vara 0 eller större.`,
    en: (p) => `${p.arg}: share no. ${p.pos} is negative (${en(p.got)}). Shares must be 0 or more.`,
  },
  sharesNot100: {
    kind: "invalidNumber",
    sv: (p) => `${p.arg} summerar till ${sv(p.got)} %, inte 100 %. Ange andelar som 35 % (0,35), inte 35.`,
    en: (p) => `${p.arg} sum to ${en(p.got)}%, not 100%. Enter shares as 35% (0.35), not 35.`,
  },
  sharesCount: {
    kind: "invalidValue",
    sv: (p) => `${p.arg} har ${p.got} andelar men ${p.need} aktörer; en andel per aktör.`,
    en: (p) => `${p.arg} has ${p.got} shares but there are ${p.need} actors; one share per actor.`,
  },
  notWholeUnits: {
    kind: "invalidValue",
    sv: (p) =>
      `${p.arg}: beloppet ${sv(p.got)} är inte ett helt antal avrundningsenheter (${sv(p.unit)}), så delarna kan inte summera exakt till det. Avrunda beloppet till enheten först (t.ex. =AVRUNDA(A1;2) för öre) eller välj en mindre enhet (t.ex. 0,01 för öre).`,
    en: (p) =>
      `${p.arg}: the amount ${en(p.got)} is not a whole number of rounding units (${en(p.unit)}), so the parts cannot sum exactly to it. Round the amount to the unit first (e.g. =ROUND(A1,2) for öre) or choose a smaller unit (e.g. 0.01 for öre).`,
  },
  amountTooLarge: {
    kind: "invalidValue",
    sv: (p) =>
      `${p.arg}: beloppet ${sv(p.got)} är för stort för att delas exakt i avrundningsenheten ${sv(p.unit)}: det och delarna skulle behöva fler än 15 siffror, mer än Excel lagrar och visar. Välj en större enhet (t.ex. "tkr" eller "mnkr").`,
    en: (p) =>
      `${p.arg}: the amount ${en(p.got)} is too large to split exactly in rounding units of ${en(p.unit)}: it and its parts would need more than 15 digits, more than Excel stores and shows. Choose a larger unit (e.g. "tkr" or "mnkr").`,
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
  gainsTooLarge: {
    kind: "invalidValue",
    sv: (p) =>
      `flows: nuvärdet av vinsterna för aktör nr ${p.pos} är för stort för att räknas (över 1,8E+308). Kontrollera räntan och beloppen, eller ange beloppen i en större enhet (t.ex. mnkr).`,
    en: (p) =>
      `flows: the present value of the gains of actor no. ${p.pos} is too large to compute (above 1.8E+308). Check the rate and the amounts, or enter the amounts in a larger unit (e.g. mnkr).`,
  },
});

/** A rounding unit as an exact decimal: mantissa × 10^exponent, e.g. 0.01 = 1 × 10^−2, 1000 = 1000 × 10^0. */
export interface Unit {
  value: number;
  mantissa: bigint;
  /** The mantissa as a double (exact when below 2^53). */
  mantissaNumber: number;
  /** The mantissa without trailing zeros (1 for 1000, 5 for 0.05): the unit's significant digits. */
  significand: number;
  /** Number of decimals (0 for units of 1 and above). */
  decimals: number;
}

const NAMED_UNITS: Record<string, number> = { kr: 1, kronor: 1, öre: 0.01, ore: 0.01, tkr: 1000, mnkr: 1e6, mkr: 1e6, mdkr: 1e9 };

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
  const d = decimalOf(value);
  if (d.dp > 10) raise("badUnit", { got: show(value) });
  let significand = d.digits;
  while (significand % 10n === 0n) significand /= 10n;
  return { value, mantissa: d.digits, mantissaNumber: Number(d.digits), significand: Number(significand), decimals: d.dp };
}

/** The whole number of units in `amount` (see wholeUnits). */
export function toUnits(amount: number, unit: Unit, arg = "amount"): bigint {
  return BigInt(wholeUnits(amount, unit, arg));
}

/**
 * The whole number of units in `amount`, or an error; never a rounded amount. An amount counts as n units
 * when it is the double of n × unit exactly (the decimal typed, e.g. 1234.56 in öre), or, for a computed
 * amount with floating-point noise (=0.1+0.2 in öre), when it shows as n × unit at Excel's 15 significant
 * digits AND lies within a thousandth of a unit of it. Anything else (60000000000.4 in kronor; 1000 in
 * units of 1E13) is refused with advice.
 *
 * Size: n × unit must have at most 15 significant digits (n × the unit's significant digits below 10^15:
 * below 10^15 kr in kronor, 10^13 kr in öre, 10^18 kr in tkr), as Excel stores and shows numbers. Then
 * every part, a smaller multiple of the unit, is a decimal of at most 15 digits too: the double Excel shows
 * for it reads back as exactly that decimal, and the parts' decimals sum to the amount. Larger amounts are
 * refused with advice.
 */
function wholeUnits(amount: number, unit: Unit, arg: string): number {
  if (!Number.isFinite(amount)) fail("notFinite", { arg });
  if (amount === 0) return 0;
  const n = Math.round(amount / unit.value);
  if (!(Math.abs(n) * unit.significand < 1e15)) raise("amountTooLarge", { arg, got: amount, unit: unit.value });
  const nearest = fromUnits(n, unit); // the double of n × unit, exact below 10^15 (15-digit decimals round-trip)
  if (nearest === amount) return n === 0 ? 0 : n;
  if (Number(amount.toPrecision(15)) === nearest && Math.abs(amount - nearest) <= unit.value / 1000) return n === 0 ? 0 : n;
  return raise("notWholeUnits", { arg, got: amount, unit: unit.value });
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** A count of units back as the double nearest to its exact decimal value. */
export function fromUnits(units: bigint | number, unit: Unit): number {
  // A product below 2^53 is exact in doubles; dividing two exact integers is correctly rounded, so
  // 123456 / 100 is the double of 1234.56.
  const u = typeof units === "number" ? units : units <= MAX_SAFE_BIG && units >= -MAX_SAFE_BIG ? Number(units) : NaN;
  const asNumber = u * unit.mantissaNumber;
  if (Number.isSafeInteger(asNumber)) return unit.decimals === 0 ? asNumber : asNumber / 10 ** unit.decimals;
  return fromScaled(BigInt(units) * unit.mantissa, unit.decimals);
}

/**
 * Digits kept below the largest weight: a weight within 10^40 of the largest is read exactly; a smaller one
 * is rounded at 10^−56 × the largest (its quota is then below 10^−40 units). This bounds the size of the
 * integers (at most 57 digits) whatever the weights, e.g. a gain of 1E+300 next to one of 1E−300.
 */
const WEIGHT_DIGITS = 56;

/** Non-negative weights as exact integers on a common scale (the decimals they are written with). */
export function exactWeights(weights: readonly number[]): bigint[] {
  return scaledWeights(weights).weights;
}

function scaledWeights(weights: readonly number[]): { weights: bigint[]; scale: number } {
  const ds = weights.map(decimalOf);
  let maxDp = 0;
  for (const d of ds) if (d.dp > maxDp) maxDp = d.dp;
  let largest = 0;
  for (const w of weights) if (w > largest) largest = w;
  const scale = largest > 0 ? Math.min(maxDp, Math.max(0, WEIGHT_DIGITS - Math.floor(Math.log10(largest)))) : maxDp;
  return {
    weights: ds.map((d) => (d.dp <= scale ? d.digits * pow10(scale - d.dp) : divHalfUp(d.digits, pow10(d.dp - scale)))),
    scale,
  };
}

/**
 * The indices of the `k` largest of `rem` (0 < k < rem.length; 0 ≤ rem[i] < total), ties to the lower index.
 * The remainders are sorted once as doubles (error below 1e-15 of `total`); those within 1e-12 of the k-th
 * largest are then ordered exactly, so the result is the exact one.
 */
function largestRemainders(rem: readonly bigint[], total: bigint, k: number): number[] {
  const n = rem.length;
  const toDouble = ratioTo(total);
  const x = new Float64Array(n);
  rem.forEach((r, i) => {
    x[i] = toDouble(r);
  });
  const cut = x.slice().sort()[n - k];
  if (typeof cut !== "number") return outOfRange("largestRemainders", n - k, n);
  const E = 1e-12;
  const chosen: number[] = [];
  const near: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    if (typeof xi !== "number") return outOfRange("largestRemainders", i, n);
    if (xi > cut + E)
      chosen.push(i); // certainly among the k largest
    else if (xi >= cut - E) near.push(i); // to be decided exactly
  }
  near.sort((a, b) => {
    const ra = at(rem, a);
    const rb = at(rem, b);
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  // the k-th largest is within E of the cut, so near holds the ones still missing
  for (let j = 0; chosen.length < k; j++) {
    const i = near[j];
    if (typeof i !== "number") return outOfRange("largestRemainders", j, near.length);
    chosen.push(i);
  }
  return chosen;
}

/**
 * Largest-remainder apportionment of `units` (≥ 0) in proportion to integer weights (≥ 0, not all 0).
 * The parts are whole units and sum to `units` exactly.
 */
export function apportion(units: bigint, weights: readonly bigint[]): bigint[] {
  let total = 0n;
  for (const w of weights) total += w;
  if (total <= 0n) return fail("internal", { detail: "apportion: weights sum to 0" });
  const small = smallWeights(weights, total);
  if (small && units <= MAX_SAFE_BIG && fitsInDoubles(Number(units), small)) return apportionSmall(Number(units), small).map(BigInt);
  return apportionBig(units, weights, total);
}

function apportionBig(units: bigint, weights: readonly bigint[], total: bigint): bigint[] {
  const parts = new Array<bigint>(weights.length);
  const rem = new Array<bigint>(weights.length);
  let given = 0n;
  weights.forEach((w, i) => {
    const p = units * w;
    const q = p / total; // floor: both non-negative
    parts[i] = q;
    rem[i] = p - q * total;
    given += q;
  });
  const missing = Number(units - given); // 0 ≤ missing < number of actors with a remainder
  if (missing > 0) {
    for (const i of largestRemainders(rem, total, missing)) {
      const p = parts[i];
      if (p === undefined) return outOfRange("apportionBig", i, parts.length);
      parts[i] = p + 1n;
    }
  }
  return parts;
}

/** Integer weights that fit in doubles, divided by their greatest common divisor (same quotas, smaller numbers). */
interface SmallWeights {
  w: Float64Array;
  total: number;
  max: number;
}

function smallWeights(weights: readonly bigint[], total: bigint): SmallWeights | null {
  if (total > MAX_SAFE_BIG) return null;
  const n = weights.length;
  const w = new Float64Array(n);
  let g = 0;
  weights.forEach((x, i) => {
    const v = Number(x);
    w[i] = v;
    if (g !== 1) g = gcd(g, v);
  });
  let max = 0;
  for (let i = 0; i < n; i++) {
    let v = w[i];
    if (typeof v !== "number") return outOfRange("smallWeights", i, n);
    if (g > 1) {
      v /= g; // exact: g divides it
      w[i] = v;
    }
    if (v > max) max = v;
  }
  return { w, total: Number(total) / g, max };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Every product units × weight, and it plus the total, below 2^53: the integer arithmetic is exact in doubles. */
const fitsInDoubles = (units: number, s: SmallWeights): boolean => units * s.max + s.total <= Number.MAX_SAFE_INTEGER;

/** apportion() in doubles, for weights and units where fitsInDoubles holds: the same integers, the same result. */
function apportionSmall(units: number, s: SmallWeights): number[] {
  const { w, total } = s;
  const n = w.length;
  const parts = new Array<number>(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (typeof wi !== "number") return outOfRange("apportionSmall", i, n);
    const p = units * wi;
    let q = Math.floor(p / total);
    let r = p - q * total;
    // the division may have rounded across an integer: correct by one
    if (r < 0) {
      q -= 1;
      r += total;
    } else if (r >= total) {
      q += 1;
      r -= total;
    }
    parts[i] = q;
    rem[i] = r;
    given += q;
  }
  let missing = units - given;
  if (missing > 0) {
    // the remainders are exact integers: the `missing` largest (0 < missing < n), ties to the lower index
    const cut = rem.slice().sort()[n - missing];
    if (typeof cut !== "number") return outOfRange("apportionSmall", n - missing, n);
    for (let i = 0; i < n; i++) {
      const r = rem[i];
      const p = parts[i];
      if (typeof r !== "number" || typeof p !== "number") return outOfRange("apportionSmall", i, n);
      if (r > cut) {
        parts[i] = p + 1;
        missing--;
      }
    }
    for (let i = 0; missing > 0; i++) {
      const r = rem[i];
      const p = parts[i];
      if (typeof r !== "number" || typeof p !== "number") return outOfRange("apportionSmall", i, n);
      if (r === cut) {
        parts[i] = p + 1;
        missing--;
      }
    }
  }
  return parts;
}

/** Validates shares (one per actor, each ≥ 0, together 100 %) and returns them as exact integer weights. */
export function checkShares(shares: readonly number[], arg = "shares", actors?: number): bigint[] {
  if (actors !== undefined && shares.length !== actors) raise("sharesCount", { arg, got: shares.length, need: actors });
  shares.forEach((s, i) => {
    if (s < 0) raise("negativeShare", { arg, pos: i + 1, got: s });
  });
  const { weights, scale } = scaledWeights(shares);
  let sum = 0n;
  for (const w of weights) sum += w;
  const one = pow10(scale);
  const off = sum > one ? sum - one : one - sum;
  // 1/3 + 1/3 + 1/3 typed as =1/3 sums to 0.9999999999999999: that is 100 %, and the split normalises it.
  if (off * 1_000_000_000n > one) raise("sharesNot100", { arg, got: Number(fromScaled(sum * 100n, scale).toPrecision(6)) });
  return weights;
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
  const frac = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const a = approx[i];
    if (typeof a !== "number") return outOfRange("fastApportion", i, n);
    const q = units * a;
    const f = Math.floor(q);
    const r = q - f;
    if (a !== 0 && (r < bound || r > 1 - bound)) return null;
    parts[i] = f;
    frac[i] = r;
    given += f;
  }
  const missing = units - given;
  if (!(missing >= 0 && missing < n)) return null;
  if (missing === 0) return parts;
  // The missing units go to the `missing` largest remainders: one sort, then one pass.
  const sorted = frac.slice().sort();
  const cut = sorted[n - missing]; // the smallest remainder that gets a unit (0 < missing < n)
  const below = sorted[n - missing - 1];
  if (typeof cut !== "number" || typeof below !== "number") return outOfRange("fastApportion", n - missing, n);
  // it must be clearly above the largest remainder left without one (this also rules out ties at the cut)
  if (cut - below <= 2 * bound) return null;
  for (let i = 0; i < n; i++) {
    const r = frac[i];
    const p = parts[i];
    if (typeof r !== "number" || typeof p !== "number") return outOfRange("fastApportion", i, n);
    if (r >= cut) parts[i] = p + 1;
  }
  return parts;
}

/** Splits each amount (e.g. each year) by the same integer weights: actors × amounts. */
export function splitAmounts(amounts: readonly number[], weights: readonly bigint[], unit: Unit, arg = "amount"): number[][] {
  checkResultSize(weights.length, amounts.length);
  let total = 0n;
  for (const w of weights) total += w;
  if (total <= 0n) return fail("internal", { detail: "splitAmounts: weights sum to 0" });
  const small = smallWeights(weights, total);
  const approx = weights.map(ratioTo(total));
  const out = weights.map(() => new Array<number>(amounts.length));
  for (let j = 0; j < amounts.length; j++) {
    const amount = amounts[j];
    if (typeof amount !== "number") return outOfRange("splitAmounts", j, amounts.length);
    const units = wholeUnits(amount, unit, amounts.length > 1 ? `${arg} (${j + 1})` : arg);
    const sign = units < 0 ? -1 : 1;
    const size = Math.abs(units);
    // exact in doubles when the integers fit; else the proven float decision, else exact in BigInt
    const parts: (number | bigint)[] =
      (small && fitsInDoubles(size, small) ? apportionSmall(size, small) : null) ?? fastApportion(size, approx) ?? apportionBig(BigInt(size), weights, total);
    for (let i = 0; i < weights.length; i++) {
      const row = out[i];
      const p = parts[i];
      if (row === undefined || p === undefined) return outOfRange("splitAmounts", i, weights.length);
      row[j] = sign * fromUnits(p, unit) || 0;
    }
  }
  return out;
}

/** Exposed for the test that checks the fast path against the exact one. */
export const _fastApportion = fastApportion;

/** SPLIT: amounts (one, or one per year) by agreed shares summing to 100 %. Rows = actors, columns = amounts. */
export function splitByShares(amounts: readonly number[], shares: readonly number[], unit: Unit = toUnit(1)): number[][] {
  if (amounts.length === 0) fail("emptyRange", { arg: "amount" });
  if (shares.length === 0) fail("emptyRange", { arg: "shares" });
  checkResultSize(shares.length, amounts.length); // before any work on the shares
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
  checkResultSize(flows.length, amounts.length);
  const gains = actorCostsAndGains(rate, flows, timing).map((p) => p.gains);
  // PVs beyond the double range (gains of 1E+308 in two years, or a rate near −100 %) have no exact weight
  gains.forEach((g, i) => {
    if (!Number.isFinite(g)) raise("gainsTooLarge", { pos: i + 1 });
  });
  if (!gains.some((g) => g > 0)) raise("noGains");
  return splitAmounts(amounts, exactWeights(gains), unit);
}
