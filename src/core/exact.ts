/**
 * Exact decimals for money without decimal.js objects per cell: a number is read as the shortest decimal
 * that round-trips to it (what a user typed, or JavaScript's String(x)), as an integer count of 10^−dp.
 * Used by the splits (src/core/allocation) and the repayment ledgers (src/core/repayment), where a table
 * of a million cells must be exact and fast.
 */
import { outOfRange } from "./invariant";

const POW10: bigint[] = [1n];
let largestPow10 = 1n; // the last entry of POW10
/** 10^k as a bigint (k ≥ 0), cached. */
export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push((largestPow10 *= 10n));
  const p = POW10[k];
  return p !== undefined ? p : outOfRange("pow10", k, POW10.length);
}

/** A decimal as digits × 10^−dp (dp ≥ 0). */
export interface ExactDecimal {
  digits: bigint;
  dp: number;
}

/** The shortest decimal of a finite number, exactly: 0.1 → 1 × 10^−1, 1e21 → 10^21 × 10^0. */
export function decimalOf(x: number): ExactDecimal {
  if (Number.isSafeInteger(x)) return { digits: BigInt(x), dp: 0 };
  // Fast path: x is the double of y / 10^k with |y| < 10^15; a decimal of at most 15 significant digits is
  // then the shortest one (15-digit decimals map to distinct doubles), and the smallest such k is its dp.
  if (Math.abs(x) < 1e15) {
    let p = 1; // 10^k: every step is exact (10^k is a double exactly up to 10^22)
    for (let k = 1; k <= 15; k++) {
      p *= 10;
      const y = Math.round(x * p);
      if (Math.abs(y) >= 1e15) break;
      if (y / p === x) return { digits: BigInt(y), dp: k };
    }
  }
  const s = String(x);
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const frac = dot < 0 ? 0 : mantissa.length - dot - 1;
  const digits = BigInt(dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1));
  const dp = frac - exp;
  return dp >= 0 ? { digits, dp } : { digits: digits * pow10(-dp), dp: 0 };
}

/** Decimal places of the shortest decimal of x (0 for whole numbers). */
export function decimalPlaces(x: number): number {
  return Number.isInteger(x) ? 0 : decimalOf(x).dp;
}

/** a / b rounded half away from zero (b > 0). */
export function divHalfUp(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const m = neg ? -a : a;
  const q = (m + b / 2n) / b; // floor((m + floor(b/2)) / b): half-up, also for odd b (no exact half there)
  return neg ? -q : q;
}

/** x rounded half away from zero to `places` decimals, as an integer count of 10^−places (exact). */
export function scaledHalfUp(x: number, places: number): bigint {
  const { digits, dp } = decimalOf(x);
  return dp <= places ? digits * pow10(places - dp) : divHalfUp(digits, pow10(dp - places));
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_CENTS = 1e15; // |100x| below this: float noise in 100x is far below 0.5

/**
 * x rounded half away from zero to two decimals, in cents, exactly as its shortest decimal would round.
 * Fast path in doubles; it steps aside (to the exact path) when 100x lies within its rounding error of a
 * half cent, where the doubles could round the other way.
 */
export function toCentsExact(x: number): bigint {
  const c = x * 100;
  const a = Math.abs(c);
  if (a < SAFE_CENTS) {
    const n = Math.round(c);
    if (n / 100 === x) return BigInt(n); // x is the double of n/100: its shortest decimal has ≤ 2 decimals
    const f = Math.floor(a);
    const r = a - f; // exact for a < 2^52
    // |computed 100x − 100 × (shortest decimal of x)| ≤ about 2.3e-16 × |100x|; 1e-14 leaves a wide margin.
    const noise = 1e-14 * Math.max(1, a);
    if (Math.abs(r - 0.5) > noise) {
      const m = r > 0.5 ? f + 1 : f;
      return BigInt(c < 0 ? -m : m);
    }
  }
  return scaledHalfUp(x, 2);
}

/** An integer count of 10^−places as the double nearest to its exact decimal value (correctly rounded). */
export function fromScaled(n: bigint, places: number): number {
  if (n === 0n) return 0;
  if (places <= 22 && n <= MAX_SAFE && n >= -MAX_SAFE) return Number(n) / 10 ** places; // exact ÷ exact: one rounding
  const neg = n < 0n;
  const s = (neg ? -n : n).toString();
  const body = places === 0 ? s : s.length > places ? `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}` : `0.${s.padStart(places, "0")}`;
  return Number((neg ? "-" : "") + body); // the parser rounds correctly
}

/** a ↦ a / b as a double (b > 0, 0 ≤ a ≤ b), also when both are beyond the double range. */
export function ratioTo(b: bigint): (a: bigint) => number {
  const bits = b.toString(16).length * 4;
  if (bits <= 1000) {
    const d = Number(b);
    return (a) => Number(a) / d;
  }
  const s = BigInt(bits - 1000);
  const d = Number(b >> s);
  return (a) => Number(a >> s) / d;
}

// ---- Numbers in messages ----

const group = (int: string, sep: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * A number in full (every digit of its shortest decimal, not 6 significant digits: a message about money
 * must show the öre that are the problem), Swedish style: 60 000 000 000,4; −1,5E+21.
 */
export function svNumber(x: number): string {
  return formatNumber(x, ",", "\u00a0");
}

/** The same in English: 60,000,000,000.4; −1.5E+21. */
export function enNumber(x: number): string {
  return formatNumber(x, ".", ",");
}

function formatNumber(x: number, decimalSep: string, thousands: string): string {
  if (!Number.isFinite(x)) return String(x);
  const sign = x < 0 ? "−" : "";
  const s = String(Math.abs(x));
  const e = s.indexOf("e");
  if (e >= 0) return sign + s.slice(0, e).replace(".", decimalSep) + "E" + s.slice(e + 1);
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot + 1);
  return sign + group(int, thousands) + (frac ? decimalSep + frac : "");
}
